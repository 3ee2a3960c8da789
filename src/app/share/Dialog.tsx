// A modal dialog on the native <dialog> element: focus moves in and is trapped, Escape closes it,
// focus returns to the button that opened it, and the page behind is inert for assistive tech.
// Rendered at the end of <body> (a portal), outside the top bar's banner landmark.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from '../controls/Icon';
import { useT } from '../i18n/useT';
import './share.css';

export function Dialog({
  title,
  onClose,
  children,
  className = '',
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!el.open) el.showModal();
    const onNativeClose = () => closeRef.current();
    el.addEventListener('close', onNativeClose);
    return () => {
      el.removeEventListener('close', onNativeClose);
      if (el.open) el.close();
    };
  }, []);

  return createPortal(
    <dialog ref={ref} className={`dialog ${className}`} aria-labelledby={titleId}>
      <div className="dialog__head">
        <h2 className="dialog__title" id={titleId}>
          {title}
        </h2>
        <button
          type="button"
          className="btn btn--icon"
          onClick={() => ref.current?.close()}
          aria-label={t('share.close')}
          title={t('share.close')}
        >
          <Icon name="close" />
        </button>
      </div>
      <div className="dialog__body">{children}</div>
    </dialog>,
    document.body,
  );
}
