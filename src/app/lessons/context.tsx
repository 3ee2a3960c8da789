// React access to the lesson controller of one app instance (lessons/controller.ts).
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LessonController, LessonUiState } from './controller';

const LessonContext = createContext<LessonController | null>(null);

export function LessonsProvider({
  controller,
  children,
}: {
  controller: LessonController;
  children: ReactNode;
}) {
  return <LessonContext.Provider value={controller}>{children}</LessonContext.Provider>;
}

/** The controller, or null when the page has no lessons (embeds). */
export function useLessonController(): LessonController | null {
  return useContext(LessonContext);
}

const EMPTY: LessonUiState = {
  entry: null,
  step: 0,
  statuses: [],
  done: [],
  preparing: false,
  teacher: false,
  hints: 0,
  rules: null,
  rulesNode: 'node-1',
  message: null,
};
const emptyStore = {
  getState: () => EMPTY,
  getInitialState: () => EMPTY,
  setState: () => undefined,
  subscribe: () => () => undefined,
};

/** A slice of the lesson state; re-renders only when it changes. */
export function useLesson<T>(selector: (s: LessonUiState) => T): T {
  const c = useContext(LessonContext);
  return useStore(c?.store ?? emptyStore, selector);
}
