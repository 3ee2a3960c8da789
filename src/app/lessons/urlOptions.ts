// The lesson options a URL can carry (DESIGN.md §5, extended): `?step=<n>` opens the lesson at
// step n (1-based), `?teacher=1` turns teacher mode on (solutions, any step). Pure parsing.

export interface LessonUrlOptions {
  /** 0-based step, or null when the URL names none (or a bad one). */
  step: number | null;
  /** `?teacher=1|0`, or null when absent. */
  teacher: boolean | null;
}

export function parseLessonUrl(search: string): LessonUrlOptions {
  const q = new URLSearchParams(search);
  const s = q.get('step');
  const n = s === null ? NaN : Number(s);
  const t = q.get('teacher');
  return {
    step: Number.isInteger(n) && n >= 1 ? n - 1 : null,
    teacher: t === null ? null : ['1', 'true', 'yes', ''].includes(t),
  };
}

/** A link to `lesson` at 0-based `step` (language and teacher mode kept from `search`). */
export function stepLink(search: string, lesson: string, step: number): string {
  const q = new URLSearchParams(search);
  const out = new URLSearchParams();
  out.set('lesson', lesson);
  out.set('step', String(step + 1));
  for (const keep of ['lang', 'teacher']) {
    const v = q.get(keep);
    if (v !== null) out.set(keep, v);
  }
  return `?${out.toString()}`;
}

/** A link to open `lesson` from the gallery (language and teacher mode kept). */
export function lessonLink(search: string, lesson: string): string {
  const q = new URLSearchParams(search);
  const out = new URLSearchParams();
  out.set('lesson', lesson);
  for (const keep of ['lang', 'teacher']) {
    const v = q.get(keep);
    if (v !== null) out.set(keep, v);
  }
  return `?${out.toString()}`;
}
