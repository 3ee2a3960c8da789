import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeShare } from '../share/codec';
import { linkScope } from '../share/link';
import type { SharePayload } from '../share/payload';
import { planBoot, type BootInput } from './boot';
import { KEYS, sessionRecord, type KeyValueStorage, type StoredSession } from './storage';

const scenario = readFileSync('src/lessons/seed-services/scenario.yaml', 'utf8');
const lesson = { id: 'seed-services', title: { en: 'Seed' }, scenario };

function storageWith(
  entries: Record<string, string> = {},
): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const payload: SharePayload = {
  v: 1,
  scenario,
  log: [{ at: 9000, run: 'kubectl delete pod backend-x' }],
  at: 12_000,
  view: { mode: 'dataplane', speed: 5, playing: false },
  lang: 'es',
};
const code = encodeShare(payload);
const kept = (p: SharePayload): string =>
  JSON.stringify(
    sessionRecord({
      payload: p,
      lesson: { id: 'seed-services', title: {} },
      editor: 'kept',
      savedAt: 1,
    } satisfies StoredSession),
  );

const input = (over: Partial<BootInput> = {}): BootInput => ({
  search: '',
  hash: '',
  navigation: 'navigate',
  embed: false,
  lesson,
  storage: storageWith(),
  ...over,
});

describe('planBoot', () => {
  it('no link, nothing kept: the lesson from the start, autosaving to the lesson slot', async () => {
    const plan = await planBoot(input());
    expect(plan).toMatchObject({
      source: 'lesson',
      load: {},
      scope: 'lesson:seed-services',
      alerts: [],
    });
    expect(plan.lesson).toBe(lesson);
  });

  it('the lesson slot holds a session: it is restored', async () => {
    const storage = storageWith({ [KEYS.session('lesson:seed-services')]: kept(payload) });
    const plan = await planBoot(input({ storage }));
    expect(plan).toMatchObject({
      source: 'restored',
      editorText: 'kept',
      load: { log: payload.log, at: 12_000 },
      ui: { view: 'dataplane', speed: 5, playing: false },
    });
    // The stored language does not override the browser's.
    expect(plan.ui.lang).toBeUndefined();
  });

  it('a kept session with no work in it opens the lesson as it is now', async () => {
    const manifests = (/manifests: \|\n([\s\S]*?)\ntraffic:/.exec(scenario)?.[1] ?? '').replace(
      /^ {2}/gm,
      '',
    );
    const untouched = JSON.stringify(
      sessionRecord({
        payload: { ...payload, log: [], scenario: scenario.replace('seed: 1', 'seed: 1 # old') },
        lesson: { id: 'seed-services', title: {} },
        editor: `${manifests}\n`,
        savedAt: 1,
      }),
    );
    const storage = storageWith({ [KEYS.session('lesson:seed-services')]: untouched });
    expect(await planBoot(input({ storage }))).toMatchObject({
      source: 'lesson',
      load: {},
      alerts: [],
    });
  });

  it('a corrupted slot is ignored with a notice', async () => {
    const storage = storageWith({ [KEYS.session('lesson:seed-services')]: '{"v":1,' });
    expect(await planBoot(input({ storage }))).toMatchObject({
      source: 'lesson',
      scope: 'lesson:seed-services',
      alerts: [{ key: 'sessions.corrupted' }],
    });
  });

  it('a link opens as its own session with its own slot; URL options win over the link', async () => {
    const storage = storageWith({ [KEYS.session('lesson:seed-services')]: kept(payload) });
    const plan = await planBoot(
      input({ hash: `#s=${code}`, storage, search: '?autoplay=1&lang=en' }),
    );
    expect(plan).toMatchObject({
      source: 'link',
      scope: linkScope(code),
      load: { log: payload.log, at: 12_000 },
      ui: { view: 'dataplane', speed: 5 },
    });
    expect(plan.ui.playing).toBeUndefined();
    expect(plan.ui.lang).toBeUndefined();
    expect((await planBoot(input({ hash: `#s=${code}` }))).ui).toMatchObject({
      playing: false,
      lang: 'es',
    });
  });

  it("a link's kept session is restored on reload only", async () => {
    const storage = storageWith({
      [KEYS.session(linkScope(code))]: kept({ ...payload, at: 20_000 }),
    });
    expect((await planBoot(input({ hash: `#s=${code}`, storage }))).load.at).toBe(12_000);
    expect(
      (await planBoot(input({ hash: `#s=${code}`, storage, navigation: 'reload' }))).load.at,
    ).toBe(20_000);
  });

  it('a bad link: the default lesson with its alert, keeping nothing', async () => {
    const cases: [string, string][] = [
      [code.slice(0, -20), 'link.truncated'],
      [`${code.slice(0, 20)}*${code.slice(21)}`, 'link.corrupted'],
      ['A'.repeat(50_000), 'link.oversized'],
      ['CQAAAAAA', 'link.newerVersion'],
    ];
    for (const [bad, key] of cases) {
      const storage = storageWith({ [KEYS.session('lesson:seed-services')]: kept(payload) });
      const before = new Map(storage.map);
      expect(await planBoot(input({ hash: `#s=${bad}`, storage }))).toMatchObject({
        source: 'lesson',
        lesson,
        load: {},
        scope: null,
        alerts: [{ key }],
      });
      expect(storage.map).toEqual(before);
    }
  });

  it('embed: never reads or writes storage', async () => {
    const storage = storageWith({ [KEYS.session('lesson:seed-services')]: kept(payload) });
    expect(await planBoot(input({ embed: true, storage }))).toMatchObject({
      source: 'lesson',
      scope: null,
    });
    expect(await planBoot(input({ embed: true, hash: `#s=${code}`, storage }))).toMatchObject({
      source: 'link',
      scope: null,
    });
  });
});
