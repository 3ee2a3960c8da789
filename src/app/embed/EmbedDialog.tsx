// "Embed": the iframe HTML that shows this cluster in another page (`?embed=1#s=…`), optionally
// with the manifests editor (`&editor=1`), and a Copy button. The message API is in docs/embed.md.
import { useId, useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { copyText } from '../share/copy';
import { CopyStatus, type CopyState } from '../share/CopyStatus';
import { Dialog } from '../share/Dialog';
import { iframeSnippet, LINK_TOO_LONG, shareLink } from '../share/link';
import { SnapshotView, TooLong } from '../share/ShareDialog';
import { pageAddress, useSnapshot } from '../share/useSnapshot';

export function EmbedDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const snap = useSnapshot();
  return (
    <Dialog title={t('embed.title')} onClose={onClose} className="dialog--embed">
      <SnapshotView snap={snap}>
        {(s) => {
          const src = shareLink(pageAddress(), s.code, { embed: true, editor: true });
          if (src.length > LINK_TOO_LONG) return <TooLong snap={s} length={src.length} />;
          return <SnippetView code={s.code} />;
        }}
      </SnapshotView>
    </Dialog>
  );
}

function SnippetView({ code }: { code: string }) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [editor, setEditor] = useState(false);
  const [copied, setCopied] = useState<CopyState>(null);
  const snippet = iframeSnippet(shareLink(pageAddress(), code, { embed: true, editor }));
  const copy = async () => setCopied(await copyText(snippet, field.current));
  return (
    <>
      <p className="dialog__intro">{t('embed.intro')}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={editor}
          onChange={(e) => {
            setEditor(e.target.checked);
            setCopied(null);
          }}
        />
        {t('embed.withEditor')}
      </label>
      <label className="field" htmlFor={id}>
        <span className="field__label">{t('embed.code')}</span>
      </label>
      <textarea
        id={id}
        ref={field}
        className="field__input field__input--code mono"
        readOnly
        rows={5}
        value={snippet}
        onFocus={(e) => e.currentTarget.select()}
        spellCheck={false}
      />
      <p className="dialog__meta">
        <button type="button" className="btn btn--primary" onClick={() => void copy()}>
          {t('share.copy')}
        </button>
        <CopyStatus state={copied} />
      </p>
    </>
  );
}
