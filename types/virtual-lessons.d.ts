// The modules scripts/lessons-plugin.ts generates from src/lessons at build time (app and tests).
declare module 'virtual:kubeplay-lessons' {
  import type { LessonData } from '../src/lessons/bundle';
  /** Every built-in lesson's id, in catalog order (the first is the default). */
  export const LESSON_IDS: readonly string[];
  /** The whole lesson with this id (its own chunk), or undefined for an unknown id. */
  export function importLesson(id: string): Promise<LessonData | undefined>;
}

declare module 'virtual:kubeplay-lesson-cards' {
  import type { LessonCard } from '../src/lessons/bundle';
  /** What the gallery shows of every built-in lesson, in catalog order. */
  export const LESSON_CARDS: readonly LessonCard[];
}
