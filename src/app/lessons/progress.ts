// Lesson progress kept in this browser (localStorage): per lesson, the step the learner is on,
// the steps done, and where that step started in the cluster's history (so a restored session
// resumes the step exactly). Pure read/write over a storage; bad data reads as no progress.
import type { StepMark } from '../../engine/index';

/** The part of `Storage` progress needs (tests pass a Map-backed fake). */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const PROGRESS_KEY = 'kubeplay.lessons.v1';

/** One lesson's progress. */
export interface LessonProgress {
  /** 0-based step the learner is on. */
  step: number;
  /** Ids of the steps whose goals were all met. */
  done: string[];
  /** Where the current step started (virtual time, command log length). */
  mark?: StepMark;
}

/** Every lesson's progress plus the teacher-mode switch. */
export interface ProgressFile {
  lessons: Record<string, LessonProgress>;
  teacher?: boolean;
}

/** The stored progress (empty when missing or unreadable). */
export function readProgress(storage: ProgressStorage | null): ProgressFile {
  try {
    const raw = storage?.getItem(PROGRESS_KEY);
    if (!raw) return { lessons: {} };
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return { lessons: {} };
    const o = v as Record<string, unknown>;
    const lessons: Record<string, LessonProgress> = {};
    if (typeof o.lessons === 'object' && o.lessons !== null)
      for (const [id, p] of Object.entries(o.lessons as Record<string, unknown>)) {
        const lp = cleanProgress(p);
        if (lp) lessons[id] = lp;
      }
    return o.teacher === true ? { lessons, teacher: true } : { lessons };
  } catch {
    return { lessons: {} };
  }
}

function cleanProgress(p: unknown): LessonProgress | null {
  if (typeof p !== 'object' || p === null) return null;
  const o = p as Record<string, unknown>;
  if (typeof o.step !== 'number' || !Number.isInteger(o.step) || o.step < 0) return null;
  const done = Array.isArray(o.done)
    ? o.done.filter((d): d is string => typeof d === 'string')
    : [];
  const out: LessonProgress = { step: o.step, done };
  const m = o.mark as Record<string, unknown> | undefined;
  if (m && typeof m.at === 'number' && typeof m.log === 'number')
    out.mark = { at: m.at, log: m.log };
  return out;
}

/** Stores the progress; a full or forbidden storage is ignored (progress is a convenience). */
export function writeProgress(storage: ProgressStorage | null, file: ProgressFile): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(file));
  } catch {
    // Private mode or a full quota: the lesson still works, it just forgets.
  }
}

/** This page's localStorage, or null where there is none (or it is forbidden). */
export function browserProgressStorage(): ProgressStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
