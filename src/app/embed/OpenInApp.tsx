// In `?embed=1`: a small "Open in a new tab" button that opens the full app with this exact cluster
// (a share link), so a reader can take the embedded scenario further. Its name must not contain
// "play": tests and people find the Play button by name.
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
    <button
      type="button"
      className="btn open-in-app"
      onClick={() => void open()}
      disabled={!ready}
      title={t('embed.openHint')}
    >
      {t('embed.open')}
    </button>
  );
}
