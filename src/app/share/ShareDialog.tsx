// "Share": the link that reopens this exact cluster (read-only textbox "Share link"), Copy, the
// link's length and a QR code big enough for a projector. A session too big for a link is
// offered as a file download instead.
import { useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { Dialog } from './Dialog';
import { copyText } from './copy';
import { CopyStatus, type CopyState } from './CopyStatus';
import { downloadText, sessionFiles } from './files';
import { LINK_TOO_LONG, shareLink } from './link';
import { QrCode } from './QrCode';
import { pageAddress, useSnapshot, type Snapshot } from './useSnapshot';

export function ShareDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const snap = useSnapshot();
  return (
    <Dialog title={t('share.title')} onClose={onClose} className="dialog--share">
      <SnapshotView snap={snap}>
        {(s) => {
          const link = shareLink(pageAddress(), s.code);
          if (link.length > LINK_TOO_LONG) return <TooLong snap={s} length={link.length} />;
          return <LinkView link={link} />;
        }}
      </SnapshotView>
    </Dialog>
  );
}

/** Pending / failed states shared by the share and embed dialogs. */
export function SnapshotView({
  snap,
  children,
}: {
  snap: Snapshot;
  children(s: Extract<Snapshot, { kind: 'ready' }>): ReactNode;
}) {
  const t = useT();
  if (snap.kind === 'pending') return <p role="status">{t('share.preparing')}</p>;
  if (snap.kind === 'failed')
    return (
      <p role="alert">
        {snap.message === null
          ? t('share.notRunning')
          : t('share.failed', { message: snap.message })}
      </p>
    );
  return <>{children(snap)}</>;
}

/** The session is too big for a link: say so and offer the scenario file. */
export function TooLong({
  snap,
  length,
}: {
  snap: Extract<Snapshot, { kind: 'ready' }>;
  length: number;
}) {
  const t = useT();
  const download = () => {
    const f = sessionFiles(snap.session.payload).scenario;
    downloadText(f.name, f.text);
  };
  return (
    <>
      <p className="dialog__note">{t('share.tooLong', { count: length })}</p>
      <button type="button" className="btn btn--primary" onClick={download}>
        {t('share.download')}
      </button>
    </>
  );
}

function LinkView({ link }: { link: string }) {
  const t = useT();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<CopyState>(null);
  const copy = async () => setCopied(await copyText(link, field.current));
  return (
    <>
      <p className="dialog__intro">{t('share.intro')}</p>
      <label className="field">
        <span className="field__label">{t('share.link')}</span>
        <span className="field__row">
          <input
            ref={field}
            className="field__input mono"
            type="text"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            spellCheck={false}
          />
          <button type="button" className="btn btn--primary" onClick={() => void copy()}>
            {t('share.copy')}
          </button>
        </span>
      </label>
      <p className="dialog__meta">
        <span data-testid="share-length" data-length={link.length}>
          {t('share.length', { count: link.length })}
        </span>
        <CopyStatus state={copied} />
      </p>
      <QrCode text={link} />
    </>
  );
}
