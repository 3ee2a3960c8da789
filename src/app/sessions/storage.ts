// Sessions kept in localStorage: the autosaved session of a page (a lesson, or a shared link) and
// the user's named saved scenarios. A session is stored as a share code (compressed, checksummed,
// versioned by the share codec) inside a small versioned record. Reading never throws: a missing,
// damaged or newer record is reported, and the caller ignores it with a notice. Storage itself may
// be missing, full or forbidden; writes then report why.
import { decodeShare, encodeShare, type CodecLimits } from '../share/codec';
import type { SharePayload } from '../share/payload';
import { browserStorage, type DraftStorage } from '../editor/persist';
import type { Lang } from '../i18n/i18n';

/** What the module needs from localStorage (a Map-backed fake in tests). */
export type KeyValueStorage = DraftStorage;

export { browserStorage };

/** A session: a share payload plus what the page shows around it. */
export interface StoredSession {
  payload: SharePayload;
  lesson: { id: string; title: Partial<Record<Lang, string>> };
  /** The editor's text (may hold edits not applied yet). */
  editor: string;
  /** Wall-clock ms since the epoch. */
  savedAt: number;
}

/** A named saved scenario in the list. */
export interface SavedEntry {
  id: string;
  name: string;
  savedAt: number;
}

export type ReadResult<T> =
  { ok: true; value: T } | { ok: false; reason: 'missing' | 'corrupted' | 'newerVersion' };

export type WriteResult = 'ok' | 'tooBig' | 'full' | 'unavailable';

/** Storage keys. */
export const KEYS = {
  session: (scope: string) => `kubeplay:session:${scope}`,
  savedIndex: 'kubeplay:saved',
  saved: (id: string) => `kubeplay:saved:${id}`,
  linkScopes: 'kubeplay:session-links',
} as const;

/** Largest record written (characters); localStorage holds about 5 million per origin. */
export const MAX_RECORD_CHARS = 1_500_000;
/** Most named scenarios kept. */
export const MAX_SAVED = 50;
/** Link sessions kept (the oldest are forgotten). */
export const MAX_LINK_SESSIONS = 5;
const CODE_LIMITS: CodecLimits = { maxCodeChars: MAX_RECORD_CHARS, maxJsonBytes: 4 << 20 };

const RECORD_VERSION = 1;

/** A named step from one record version to the next. */
interface RecordMigration {
  name: string;
  up(record: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Migrations of the record around the code (the code has its own, in share/formats.ts), keyed by
 * the version they upgrade from. None yet: v1 is the first. Add `[1, {name, up}]` with v2.
 */
const RECORD_MIGRATIONS: ReadonlyMap<number, RecordMigration> = new Map();

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function readJson(
  storage: KeyValueStorage | null,
  key: string,
): ReadResult<Record<string, unknown>> {
  let raw: string | null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return { ok: false, reason: 'missing' };
  }
  if (raw === null) return { ok: false, reason: 'missing' };
  if (raw.length > MAX_RECORD_CHARS) return { ok: false, reason: 'corrupted' };
  try {
    const v: unknown = JSON.parse(raw);
    return isRecord(v) ? { ok: true, value: v } : { ok: false, reason: 'corrupted' };
  } catch {
    return { ok: false, reason: 'corrupted' };
  }
}

function upgrade(r: Record<string, unknown>): ReadResult<Record<string, unknown>> {
  const v = r.v;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    return { ok: false, reason: 'corrupted' };
  if (v > RECORD_VERSION) return { ok: false, reason: 'newerVersion' };
  let rec = r;
  for (let n = v; n < RECORD_VERSION; n++) {
    const step = RECORD_MIGRATIONS.get(n);
    if (!step) return { ok: false, reason: 'corrupted' };
    try {
      rec = step.up(rec);
    } catch {
      return { ok: false, reason: 'corrupted' };
    }
  }
  return { ok: true, value: rec };
}

function write(storage: KeyValueStorage | null, key: string, value: unknown): WriteResult {
  if (!storage) return 'unavailable';
  const text = JSON.stringify(value);
  if (text.length > MAX_RECORD_CHARS) return 'tooBig';
  try {
    storage.setItem(key, text);
    return 'ok';
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED'
      ? 'full'
      : 'unavailable';
  }
}

function remove(storage: KeyValueStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept anyway.
  }
}

/** The record text of a session (exported for tests that corrupt it). */
export function sessionRecord(s: StoredSession): Record<string, unknown> {
  return {
    v: RECORD_VERSION,
    savedAt: s.savedAt,
    lesson: { id: s.lesson.id, title: s.lesson.title },
    editor: s.editor,
    code: encodeShare(s.payload),
  };
}

/** A session from its record, checking every field. */
export function parseSessionRecord(r: Record<string, unknown>): ReadResult<StoredSession> {
  const up = upgrade(r);
  if (!up.ok) return up;
  const rec = up.value;
  const lesson = rec.lesson;
  if (
    typeof rec.code !== 'string' ||
    typeof rec.editor !== 'string' ||
    typeof rec.savedAt !== 'number' ||
    !isRecord(lesson) ||
    typeof lesson.id !== 'string' ||
    !isRecord(lesson.title)
  )
    return { ok: false, reason: 'corrupted' };
  const title: Partial<Record<Lang, string>> = {};
  for (const lang of ['en', 'es'] as const) {
    const t = lesson.title[lang];
    if (typeof t === 'string') title[lang] = t;
  }
  const decoded = decodeShare(rec.code, CODE_LIMITS);
  if (!decoded.ok)
    return {
      ok: false,
      reason: decoded.error.code === 'newerVersion' ? 'newerVersion' : 'corrupted',
    };
  return {
    ok: true,
    value: {
      payload: decoded.payload,
      lesson: { id: lesson.id, title },
      editor: rec.editor,
      savedAt: rec.savedAt,
    },
  };
}

/** The session kept under `key`. */
export function readSession(
  storage: KeyValueStorage | null,
  key: string,
): ReadResult<StoredSession> {
  const r = readJson(storage, key);
  return r.ok ? parseSessionRecord(r.value) : r;
}

export function writeSession(
  storage: KeyValueStorage | null,
  key: string,
  s: StoredSession,
): WriteResult {
  return write(storage, key, sessionRecord(s));
}

// ---- autosave of link pages: only the last few links are remembered ----------------------------

/** Remembers that `scope` (a link's) was saved now and forgets the oldest link sessions. */
export function touchLinkScope(storage: KeyValueStorage | null, scope: string, now: number): void {
  const r = readJson(storage, KEYS.linkScopes);
  const list =
    r.ok && Array.isArray(r.value.scopes)
      ? (r.value.scopes as unknown[]).filter(
          (x): x is { scope: string; at: number } =>
            isRecord(x) && typeof x.scope === 'string' && typeof x.at === 'number',
        )
      : [];
  const next = [{ scope, at: now }, ...list.filter((x) => x.scope !== scope)];
  for (const old of next.slice(MAX_LINK_SESSIONS)) remove(storage, KEYS.session(old.scope));
  write(storage, KEYS.linkScopes, { v: 1, scopes: next.slice(0, MAX_LINK_SESSIONS) });
}

// ---- named saved scenarios ---------------------------------------------------------------------

/** The saved list, newest first; `corrupted` when the index could not be read (it is then empty). */
export function listSaved(storage: KeyValueStorage | null): {
  items: SavedEntry[];
  corrupted: boolean;
} {
  const r = readJson(storage, KEYS.savedIndex);
  if (!r.ok) return { items: [], corrupted: r.reason !== 'missing' };
  if (r.value.v !== 1 || !Array.isArray(r.value.items)) return { items: [], corrupted: true };
  const items: SavedEntry[] = [];
  let corrupted = false;
  for (const x of r.value.items as unknown[]) {
    if (
      isRecord(x) &&
      typeof x.id === 'string' &&
      typeof x.name === 'string' &&
      typeof x.savedAt === 'number'
    )
      items.push({ id: x.id, name: x.name, savedAt: x.savedAt });
    else corrupted = true;
  }
  items.sort((a, b) => b.savedAt - a.savedAt);
  return { items, corrupted };
}

function writeIndex(storage: KeyValueStorage | null, items: SavedEntry[]): WriteResult {
  return write(storage, KEYS.savedIndex, { v: 1, items });
}

let idSeq = 0;
const newId = (now: number) =>
  `${now.toString(36)}-${(++idSeq).toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;

/**
 * Saves `s` under `name`. A scenario with the same name is replaced; beyond MAX_SAVED the
 * oldest is dropped. Nothing is left half-written: the record goes first, then the index.
 */
export function saveNamed(
  storage: KeyValueStorage | null,
  name: string,
  s: StoredSession,
): { result: WriteResult; entry: SavedEntry | null; replaced: boolean } {
  const { items } = listSaved(storage);
  const same = items.find((e) => e.name === name);
  const entry: SavedEntry = { id: same?.id ?? newId(s.savedAt), name, savedAt: s.savedAt };
  const result = write(storage, KEYS.saved(entry.id), sessionRecord(s));
  if (result !== 'ok') return { result, entry: null, replaced: false };
  const next = [entry, ...items.filter((e) => e.id !== entry.id)];
  for (const old of next.slice(MAX_SAVED)) remove(storage, KEYS.saved(old.id));
  const indexed = writeIndex(storage, next.slice(0, MAX_SAVED));
  if (indexed !== 'ok') {
    if (!same) remove(storage, KEYS.saved(entry.id));
    return { result: indexed, entry: null, replaced: false };
  }
  return { result: 'ok', entry, replaced: same !== undefined };
}

export function readSaved(storage: KeyValueStorage | null, id: string): ReadResult<StoredSession> {
  return readSession(storage, KEYS.saved(id));
}

export function deleteSaved(storage: KeyValueStorage | null, id: string): void {
  const { items } = listSaved(storage);
  writeIndex(
    storage,
    items.filter((e) => e.id !== id),
  );
  remove(storage, KEYS.saved(id));
}
