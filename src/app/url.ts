// The page's URL options (DESIGN.md §5): ?lesson, ?embed, ?lang, ?view, ?speed, ?autoplay.
// Pure parsing with defaults; reading window.location happens in main.tsx.

/** The two ways the canvas can draw a request (the data-plane view is not drawn yet). */
export type ViewMode = 'concept' | 'dataplane';

/** Speeds the speed selector offers, slowest first. */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;

export interface UrlOptions {
  /** `?lesson=`, or null for the first lesson. */
  lesson: string | null;
  /** `?lang=` as given (validated later against the known languages), or null. */
  lang: string | null;
  view: ViewMode;
  speed: number;
  autoplay: boolean;
  embed: boolean;
}

/** Reads the options from a query string such as `location.search`; bad values fall back. */
export function parseUrlOptions(search: string): UrlOptions {
  const q = new URLSearchParams(search);
  const speedText = q.get('speed');
  const speed = speedText === null ? NaN : Number(speedText);
  const view = q.get('view');
  const flag = (name: string, fallback: boolean): boolean => {
    const v = q.get(name);
    if (v === null) return fallback;
    if (['1', 'true', 'yes', ''].includes(v)) return true;
    if (['0', 'false', 'no'].includes(v)) return false;
    return fallback;
  };
  return {
    lesson: q.get('lesson') || null,
    lang: q.get('lang') || null,
    view: view === 'dataplane' ? 'dataplane' : 'concept',
    speed: Number.isFinite(speed) && speed > 0 ? clampSpeed(speed) : 1,
    autoplay: flag('autoplay', true),
    embed: flag('embed', false),
  };
}

export function clampSpeed(x: number): number {
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, x));
}

/** The same query string with `name` set (or removed when `value` is null), other keys kept. */
export function withParam(search: string, name: string, value: string | null): string {
  const q = new URLSearchParams(search);
  if (value === null) q.delete(name);
  else q.set(name, value);
  const s = q.toString();
  return s ? `?${s}` : '';
}
