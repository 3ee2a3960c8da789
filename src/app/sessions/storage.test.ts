import { describe, expect, it } from 'vitest';
import type { SharePayload } from '../share/payload';
import {
  deleteSaved,
  KEYS,
  listSaved,
  MAX_LINK_SESSIONS,
  MAX_RECORD_CHARS,
  readSaved,
  readSession,
  saveNamed,
  sessionRecord,
  touchLinkScope,
  writeSession,
  type KeyValueStorage,
  type StoredSession,
} from './storage';

/** A Map-backed localStorage, optionally full or broken. */
function memoryStorage(opts: { quota?: number; broken?: boolean } = {}) {
  const map = new Map<string, string>();
  const storage: KeyValueStorage = {
    getItem: (k) => {
      if (opts.broken) throw new Error('SecurityError');
      return map.get(k) ?? null;
    },
    setItem: (k, v) => {
      if (opts.broken) throw new Error('SecurityError');
      const used = [...map.entries()].reduce(
        (n, [key, val]) => n + (key === k ? 0 : val.length),
        0,
      );
      if (opts.quota !== undefined && used + v.length > opts.quota) {
        const e = new Error('full');
        e.name = 'QuotaExceededError';
        throw e;
      }
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
  return { storage, map };
}

const payload: SharePayload = {
  v: 1,
  scenario: 'apiVersion: kubeplay.dev/v1\nkind: Scenario\nmetadata:\n  name: s\n',
  log: [{ at: 1200, run: 'kubectl delete pod web-1' }],
  at: 5000,
  view: { mode: 'concept', speed: 2, playing: false },
  lang: 'es',
};
const session: StoredSession = {
  payload,
  lesson: { id: 'seed-services', title: { en: 'T', es: 'T es' } },
  editor: 'kind: Service\n',
  savedAt: 1_700_000_000_000,
};
const key = KEYS.session('lesson:seed-services');

describe('the autosaved session', () => {
  it('round-trips', () => {
    const { storage } = memoryStorage();
    expect(writeSession(storage, key, session)).toBe('ok');
    expect(readSession(storage, key)).toEqual({ ok: true, value: session });
  });

  it('missing, unavailable or forbidden storage reads as missing and writes say why', () => {
    expect(readSession(null, key)).toEqual({ ok: false, reason: 'missing' });
    expect(writeSession(null, key, session)).toBe('unavailable');
    const { storage } = memoryStorage({ broken: true });
    expect(readSession(storage, key)).toEqual({ ok: false, reason: 'missing' });
    expect(writeSession(storage, key, session)).toBe('unavailable');
    expect(writeSession(memoryStorage({ quota: 100 }).storage, key, session)).toBe('full');
  });

  it('corrupted records are reported, never thrown', () => {
    const good = JSON.stringify(sessionRecord(session));
    const bad = [
      '',
      '{',
      'null',
      '[]',
      '"text"',
      '{}',
      JSON.stringify({ ...sessionRecord(session), v: '1' }),
      JSON.stringify({ ...sessionRecord(session), v: 0 }),
      JSON.stringify({ ...sessionRecord(session), code: 'AAAA' }),
      JSON.stringify({ ...sessionRecord(session), code: 42 }),
      JSON.stringify({ ...sessionRecord(session), lesson: null }),
      JSON.stringify({ ...sessionRecord(session), editor: [] }),
      good.slice(0, good.length - 10),
      good.replace(/"code":"(.{20})./, '"code":"$1!'),
      'x'.repeat(MAX_RECORD_CHARS + 1),
    ];
    for (const raw of bad) {
      const { storage, map } = memoryStorage();
      map.set(key, raw);
      expect(readSession(storage, key), raw.slice(0, 60)).toEqual({
        ok: false,
        reason: 'corrupted',
      });
    }
  });

  it('a record from a newer version says so', () => {
    const { storage, map } = memoryStorage();
    map.set(key, JSON.stringify({ ...sessionRecord(session), v: 2 }));
    expect(readSession(storage, key)).toEqual({ ok: false, reason: 'newerVersion' });
  });

  it('a session too big for the browser is refused, not truncated', () => {
    const { storage, map } = memoryStorage();
    const huge = { ...session, editor: 'x'.repeat(MAX_RECORD_CHARS) };
    expect(writeSession(storage, key, huge)).toBe('tooBig');
    expect(map.has(key)).toBe(false);
  });

  it('only the last few link sessions are kept', () => {
    const { storage, map } = memoryStorage();
    for (let i = 0; i < MAX_LINK_SESSIONS + 3; i++) {
      writeSession(storage, KEYS.session(`link:${i}`), session);
      touchLinkScope(storage, `link:${i}`, i);
    }
    const kept = [...map.keys()].filter((k) => k.startsWith('kubeplay:session:link:'));
    expect(kept).toHaveLength(MAX_LINK_SESSIONS);
    expect(map.has(KEYS.session('link:0'))).toBe(false);
    expect(map.has(KEYS.session(`link:${MAX_LINK_SESSIONS + 2}`))).toBe(true);
  });
});

describe('named saved scenarios', () => {
  it('save, list newest first, replace by name, open and delete', () => {
    const { storage } = memoryStorage();
    const a = saveNamed(storage, 'A', { ...session, savedAt: 1 });
    const b = saveNamed(storage, 'B', { ...session, savedAt: 2 });
    expect(a.result).toBe('ok');
    expect(listSaved(storage).items.map((e) => e.name)).toEqual(['B', 'A']);
    const a2 = saveNamed(storage, 'A', { ...session, savedAt: 3, editor: 'changed' });
    expect(a2.replaced).toBe(true);
    expect(listSaved(storage).items.map((e) => e.name)).toEqual(['A', 'B']);
    const opened = readSaved(storage, a2.entry!.id);
    expect(opened.ok && opened.value.editor).toBe('changed');
    deleteSaved(storage, b.entry!.id);
    expect(listSaved(storage).items.map((e) => e.name)).toEqual(['A']);
    expect(readSaved(storage, b.entry!.id)).toEqual({ ok: false, reason: 'missing' });
  });

  it('a damaged index reads as empty and corrupted; a damaged entry is skipped', () => {
    const { storage, map } = memoryStorage();
    map.set(KEYS.savedIndex, '{"v":1,"items":');
    expect(listSaved(storage)).toEqual({ items: [], corrupted: true });
    map.set(
      KEYS.savedIndex,
      JSON.stringify({ v: 1, items: [{ id: 'x', name: 'ok', savedAt: 1 }, { id: 3 }] }),
    );
    expect(listSaved(storage)).toEqual({
      items: [{ id: 'x', name: 'ok', savedAt: 1 }],
      corrupted: true,
    });
    expect(readSaved(storage, 'x')).toEqual({ ok: false, reason: 'missing' });
  });

  it('a full storage leaves the list as it was', () => {
    const { storage } = memoryStorage({ quota: 900 });
    const first = saveNamed(storage, 'small', session);
    expect(first.result).toBe('ok');
    const second = saveNamed(storage, 'big', { ...session, editor: 'y'.repeat(2000) });
    expect(second.result).toBe('full');
    expect(listSaved(storage).items.map((e) => e.name)).toEqual(['small']);
  });
});
