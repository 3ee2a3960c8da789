// React access to the page's SessionController (saved scenarios, share payloads, files).
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SessionController, SessionsState } from './controller';

const SessionsContext = createContext<SessionController | null>(null);

export function SessionsProvider({
  controller,
  children,
}: {
  controller: SessionController;
  children: ReactNode;
}) {
  return <SessionsContext.Provider value={controller}>{children}</SessionsContext.Provider>;
}

/** The page's session controller (null outside a SessionsProvider, e.g. in other apps' tests). */
export function useSessions(): SessionController | null {
  return useContext(SessionsContext);
}

const noState: SessionsState = { saved: [], scope: null, available: false };
const noStore = {
  getState: () => noState,
  getInitialState: () => noState,
  subscribe: () => () => {},
  setState: () => {},
};

/** A slice of the sessions state. */
export function useSessionsState<T>(selector: (s: SessionsState) => T): T {
  const c = useSessions();
  return useStore(c ? c.state : noStore, selector);
}
