// In `?embed=1`: a small "Open in kubeplay" button that opens the full app in a new tab with this
// exact cluster (a share link), so a reader can take the embedded scenario further.
import { useAppState } from '../AppContext';
import { useT } from '../i18n/useT';
import { encodeShare } from '../share/codec';
import { shareLink } from '../share/link';
import { pageAddress } from '../share/useSnapshot';
import { useSessions } from '../sessions/context';

export function OpenInApp() {
  const t = useT();
  const sessions = useSessions();
  const ready = useAppState((s) => s.engine.status === 'running');
  if (!sessions) return null;
  const open = async () => {
    const s = await sessions.capture();
    if (!s) return;
    const link = shareLink(pageAddress(), encodeShare(s.payload));
    window.open(link, '_blank', 'noopener,noreferrer');
  };
  return (
    <button type="button" className="btn open-in-app" onClick={() => void open()} disabled={!ready}>
      {t('embed.open')}
    </button>
  );
}
