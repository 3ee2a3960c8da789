// The top bar's Share, Embed and Scenarios buttons and the dialogs they open.
import { useState } from 'react';
import { EmbedDialog } from '../embed/EmbedDialog';
import { useT } from '../i18n/useT';
import { SessionsDialog } from '../sessions/SessionsDialog';
import { useSessions } from '../sessions/context';
import { ShareDialog } from './ShareDialog';
import './share.css';

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
