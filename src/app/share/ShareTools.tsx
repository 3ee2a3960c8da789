// The top bar's Share, Embed and Scenarios buttons and the dialogs they open. The dialogs (and the
// YAML and QR code they use) are fetched on first open, not with the page.
import { useState } from 'react';
import { useT } from '../i18n/useT';
import { lazyPart } from '../lazyPart';
import { useSessions } from '../sessions/context';
import './share.css';

export const SHARE_DIALOG = lazyPart(() => import('./ShareDialog').then((m) => m.ShareDialog));
export const EMBED_DIALOG = lazyPart(() =>
  import('../embed/EmbedDialog').then((m) => m.EmbedDialog),
);
export const SESSIONS_DIALOG = lazyPart(() =>
  import('../sessions/SessionsDialog').then((m) => m.SessionsDialog),
);
const ShareDialog = SHARE_DIALOG.Component;
const EmbedDialog = EMBED_DIALOG.Component;
const SessionsDialog = SESSIONS_DIALOG.Component;

type Open = 'share' | 'embed' | 'sessions' | null;

export function ShareTools() {
  const t = useT();
  const sessions = useSessions();
  const [open, setOpen] = useState<Open>(null);
  if (!sessions) return null;
  const close = () => setOpen(null);
  return (
    <div className="share-tools">
      <button type="button" className="btn" onClick={() => setOpen('share')} aria-haspopup="dialog">
        {t('share.button')}
      </button>
      <button type="button" className="btn" onClick={() => setOpen('embed')} aria-haspopup="dialog">
        {t('embed.button')}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => setOpen('sessions')}
        aria-haspopup="dialog"
      >
        {t('sessions.button')}
      </button>
      {open === 'share' && <ShareDialog onClose={close} />}
      {open === 'embed' && <EmbedDialog onClose={close} />}
      {open === 'sessions' && <SessionsDialog onClose={close} />}
    </div>
  );
}
