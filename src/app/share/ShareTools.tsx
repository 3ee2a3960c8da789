// The top bar's Share, Embed and Scenarios buttons and the dialogs they open. The dialogs (and the
// YAML and QR code they use) are fetched on first open, not with the page.
import { lazy, Suspense, useState } from 'react';
import { useT } from '../i18n/useT';
import { useSessions } from '../sessions/context';
import './share.css';

const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));
const EmbedDialog = lazy(() =>
  import('../embed/EmbedDialog').then((m) => ({ default: m.EmbedDialog })),
);
const SessionsDialog = lazy(() =>
  import('../sessions/SessionsDialog').then((m) => ({ default: m.SessionsDialog })),
);

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
      <Suspense fallback={null}>
        {open === 'share' && <ShareDialog onClose={close} />}
        {open === 'embed' && <EmbedDialog onClose={close} />}
        {open === 'sessions' && <SessionsDialog onClose={close} />}
      </Suspense>
    </div>
  );
}
