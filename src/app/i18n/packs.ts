// The languages loaded so far, beyond English (which is built into the first chunk): each is one
// pack of strings (the UI's and the lesson panel's) fetched when the page first speaks it, so a
// visitor downloads only the language they use. Subscribable, so React re-renders on arrival.
import type { LessonMessages } from '../lessons/i18n';
import type { Messages } from './en';
import type { Lang } from './i18n';

/** Every string of one language. */
export interface LangPack {
  ui: Messages;
  lessons: LessonMessages;
}

const packs = new Map<Lang, LangPack>();
const listeners = new Set<() => void>();
let version = 0;

/** The pack of `lang`, once loaded (English has none: its strings are the defaults). */
export function langPack(lang: Lang): LangPack | undefined {
  return packs.get(lang);
}

export function registerPack(lang: Lang, pack: LangPack): void {
  packs.set(lang, pack);
  version++;
  for (const l of listeners) l();
}

/** For useSyncExternalStore: changes whenever a pack arrives. */
export function packsVersion(): number {
  return version;
}

export function subscribePacks(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
