// What the gallery (and the no-lesson panel) shows of every built-in lesson, compiled at build
// time (scripts/lessons-plugin.ts). Imported only by lazily loaded parts: not in the first chunk.
import { LESSON_CARDS } from 'virtual:kubeplay-lesson-cards';
import type { LessonCard } from '../../lessons/bundle';

export type { LessonCard } from '../../lessons/bundle';

/** Every built-in lesson's card, first one first (the default). */
export const LESSONS: readonly LessonCard[] = LESSON_CARDS;
