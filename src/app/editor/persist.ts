// Drafts: the editor's text kept in localStorage per lesson or scenario, so a reload, a crash or a
// bad apply never loses work. Small and framework-free so saved sessions can reuse it. Storage
// may be missing, full or forbidden (private windows, sandboxed iframes): every call then quietly
// does nothing and the editor simply works without persistence.

/** A stored draft. `v` versions the record so later formats can read old ones. */
export interface Draft {
  v: 1;
  text: string;
  /** Wall-clock time of the save (ms since the epoch), for "last edited" displays. */
  savedAt: number;
}

/** What the module needs from localStorage (a Map-backed fake in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'kubeplay:draft:';

/** The storage key of a lesson's (or a scenario's) draft, e.g. `kubeplay:draft:lesson:seed`. */
export function draftKey(scope: string): string {
  return PREFIX + scope;
}

/** window.localStorage when it can be used, else null. */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The draft stored under `key`, or null when there is none (or it is unreadable). */
export function loadDraft(key: string, storage = browserStorage()): Draft | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (d.v !== 1 || typeof d.text !== 'string') return null;
    return { v: 1, text: d.text, savedAt: typeof d.savedAt === 'number' ? d.savedAt : 0 };
  } catch {
    return null;
  }
}

/** Stores `text` under `key`; false when storage refused it (full or forbidden). */
export function saveDraft(
  key: string,
  text: string,
  storage = browserStorage(),
  now = Date.now(),
): boolean {
  if (!storage) return false;
  try {
    const draft: Draft = { v: 1, text, savedAt: now };
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the draft under `key`. */
export function clearDraft(key: string, storage = browserStorage()): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: storage is unavailable.
  }
}

/** A debounced saver: `save` often, the last text is written `delayMs` after the typing stops. */
export interface DraftSaver {
  save(text: string): void;
  /** Writes a pending save now (page hide, unmount). */
  flush(): void;
  cancel(): void;
}

export function createDraftSaver(
  key: string,
  delayMs = 400,
  storage = browserStorage(),
): DraftSaver {
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending === null) return;
    saveDraft(key, pending, storage);
    pending = null;
  };
  return {
    save(text) {
      pending = text;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
