// The running session captured once when a dialog opens (share link, embed code, exports).
import { useEffect, useState } from 'react';
import { useSessions } from '../sessions/context';
import type { StoredSession } from '../sessions/storage';
import { encodeShare } from './codec';

export type Snapshot =
  | { kind: 'pending' }
  /** `message` null: nothing is running yet (or the simulation failed). */
  | { kind: 'failed'; message: string | null }
  | { kind: 'ready'; session: StoredSession; code: string };

export function useSnapshot(): Snapshot {
  const sessions = useSessions();
  const [snap, setSnap] = useState<Snapshot>({ kind: 'pending' });
  useEffect(() => {
    let live = true;
    if (!sessions) return;
    sessions.capture().then(
      (session) => {
        if (!live) return;
        if (!session) setSnap({ kind: 'failed', message: null });
        else setSnap({ kind: 'ready', session, code: encodeShare(session.payload) });
      },
      (e: unknown) => live && setSnap({ kind: 'failed', message: String(e) }),
    );
    return () => {
      live = false;
    };
  }, [sessions]);
  return snap;
}

/** Where this page lives, for links. */
export function pageAddress(): { origin: string; pathname: string } {
  return { origin: window.location.origin, pathname: window.location.pathname };
}
