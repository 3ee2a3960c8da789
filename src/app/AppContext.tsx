// React access to one app instance: its store (state) and its runner (engine commands). Each
// mounted app gets its own instance through this context, so embeds never share state.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EngineRunner } from './runtime/runner';
import type { AppState, AppStore } from './stores/appStore';

/** One app: its store and the runner that feeds it. */
export interface AppInstance {
  store: AppStore;
  runner: EngineRunner;
}

const AppContext = createContext<AppInstance | null>(null);

export function AppProvider({
  instance,
  children,
}: {
  instance: AppInstance;
  children: ReactNode;
}) {
  return <AppContext.Provider value={instance}>{children}</AppContext.Provider>;
}

function useInstance(): AppInstance {
  const instance = useContext(AppContext);
  if (!instance) throw new Error('useApp* hooks need an <AppProvider>');
  return instance;
}

/** A slice of the app state; the component re-renders only when the selected value changes. */
export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(useInstance().store, selector);
}

/** The store itself, for event handlers that read or patch UI state. */
export function useAppStore(): AppStore {
  return useInstance().store;
}

/** The runner: play, pause, step, reset, delete a pod, apply. */
export function useRunner(): EngineRunner {
  return useInstance().runner;
}
