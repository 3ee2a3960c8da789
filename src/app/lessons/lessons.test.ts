// The lesson UI's pure parts: the catalog, goal texts in both languages, markdown-lite, progress
// storage, URL options, the skeleton export, manifest merging, and the controller's step logic
// over a fake runner.
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Goal, GoalStatus, StepMark } from '../../engine/index';
import { parseLesson } from '../../lessons/format';
import type { AppState, AppStore } from '../stores/appStore';
import { LESSONS } from './cards';
import { findLesson, lessonById, lessonInfo, scenarioInfo } from './catalog';
import { LessonController, type LessonRunner } from './controller';
import { describeGoal, describeStatus, wantText } from './goalText';
import { loadLang } from '../i18n/i18n';
import { LESSON_MESSAGES_EN, lt } from './i18n';
import { lessonsEs } from './i18n.es';
import { parseBlocks, parseInline } from './markdown';
import { mergeManifests, splitDocuments } from './mergeManifests';
import { PROGRESS_KEY, readProgress, writeProgress, type ProgressStorage } from './progress';
import { commandPattern, lessonSkeleton } from './skeleton';
import { lessonLink, parseLessonUrl, stepLink } from './urlOptions';

function memoryStorage(
  init: Record<string, string> = {},
): ProgressStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

// Spanish arrives as its own pack in the page; here it is loaded once up front.
beforeAll(() => loadLang('es'));

describe('catalog', () => {
  it('bundles every lesson in catalog order, the seed story first and the default', async () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(12);
    expect(LESSONS[0]?.id).toBe('seed-services');
    expect((await findLesson(null)).lesson.id).toBe('seed-services');
    expect(await findLesson('nope')).toMatchObject({ unknownId: 'nope' });
    expect(await lessonById('nope')).toBeUndefined();
    const scale = await lessonById('proxy-scale');
    expect(Object.keys(scale?.files ?? {}).sort()).toEqual([
      'ipvs.yaml',
      'nftables.yaml',
      'scenario.yaml',
    ]);
    expect(scale?.scenario).toContain('proxyMode: iptables');
    expect(scale?.infos['ipvs.yaml']?.manifests).toContain('kind: Deployment');
    // Cards carry what the gallery shows, not the steps.
    expect(LESSONS.find((l) => l.id === 'proxy-scale')).toMatchObject({
      steps: scale?.lesson.steps.length,
      level: scale?.lesson.level,
      title: scale?.lesson.title,
    });
  });

  it('describes a built-in scenario without parsing and any other by parsing it', async () => {
    const seed = await lessonById('seed-services');
    if (!seed) throw new Error('seed lesson missing');
    expect(await scenarioInfo(seed.scenario)).toBe(lessonInfo(seed));
    expect(
      await scenarioInfo('metadata: {name: x, title: {en: X, es: Equis}}\nmanifests: "a: 1"\n'),
    ).toEqual({ name: 'x', title: { en: 'X', es: 'Equis' }, manifests: 'a: 1' });
    expect(await scenarioInfo(': : not yaml [')).toEqual({ name: '', title: {}, manifests: '' });
  });
});

describe('lesson format', () => {
  it('names each problem with its path', () => {
    const r = parseLesson(
      'id: Bad_Id\nlevel: expert\ntitle: {en: x}\nsummary: {en: a, es: b}\nlearn: {en: [a], es: [b, c]}\nsteps:\n  - id: s\n    text: {en: a, es: b}\n    hints: {en: [a], es: [b]}\n    goals: []\n    solution: [rm -rf /]\n',
      {},
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'id: must be a DNS-1123 label such as my-lesson',
        'level: must be one of beginner, intermediate, advanced',
        'title.es: is missing',
        'learn: every language must have the same number of entries',
        "scenario: names a file that is not in the lesson's folder: scenario.yaml",
        'steps[0].goals: must list at least one goal (a step is done when its goals hold)',
        'steps[0].solution[0]: must be a kubectl or chaos command, {apply: manifests} or {wait: 30s}',
      ]),
    );
  });
});

describe('goal texts', () => {
  it('every message exists in both languages, with the same placeholders', () => {
    const keys = Object.keys(LESSON_MESSAGES_EN).sort();
    expect(Object.keys(lessonsEs).sort()).toEqual(keys);
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of keys)
      expect(holes(lessonsEs[k as keyof typeof lessonsEs]), k).toEqual(
        holes(LESSON_MESSAGES_EN[k as keyof typeof LESSON_MESSAGES_EN]),
      );
  });

  it('describes goals from their fields, or uses their own label', () => {
    const g: Goal = { type: 'requestsOk', from: 'app=frontend', to: 'backend-service', min: 20 };
    expect(describeGoal(g, 'en')).toBe(
      '≥ 20 requests answered from app=frontend to backend-service',
    );
    expect(describeGoal(g, 'es')).toBe(
      '≥ 20 peticiones respondidas de app=frontend a backend-service',
    );
    expect(describeGoal({ type: 'nodeReady', node: 'node-3', ready: false }, 'es')).toBe(
      'node-3 está NotReady',
    );
    expect(
      describeGoal(
        { type: 'podCount', selector: 'app=backend', status: 'Running', ready: false, count: 1 },
        'en',
      ),
    ).toBe('1 pods app=backend, Running, not ready');
    expect(
      describeGoal({ type: 'commandRun', pattern: 'x', label: { en: 'Mine', es: 'Mío' } }, 'es'),
    ).toBe('Mío');
    expect(wantText({ max: 0 })).toBe('≤ 0');
    expect(wantText({})).toBe('≥ 1');
  });

  it('every goal of every lesson reads in both languages without a placeholder left', async () => {
    for (const card of LESSONS)
      for (const s of (await lessonById(card.id))?.lesson.steps ?? [])
        for (const g of s.goals)
          for (const lang of ['en', 'es'] as const)
            expect(describeGoal(g, lang)).not.toMatch(/\{\w+\}/);
  });

  it('statuses say what the evaluator saw; numbers in the language format', () => {
    const s: GoalStatus = { met: false, code: 'goal.sync', params: { ms: 362.2, node: 'node-1' } };
    expect(describeStatus(s, 'en')).toBe('last sync 362.2 ms on node-1');
    expect(describeStatus(s, 'es')).toBe('última sincronización 362,2 ms en node-1');
    expect(describeStatus({ met: true, code: 'goal.unknown', params: {} }, 'en')).toBe('');
    expect(lt('en', 'panel.step', { n: 2, total: 3 })).toBe('Step 2 of 3');
  });
});

describe('markdown-lite', () => {
  it('makes paragraphs and lists, code and strong spans, and leaves HTML as text', () => {
    expect(parseBlocks('One\nline.\n\n- a\n  continued\n- b\n\n<b>x</b>')).toEqual([
      { kind: 'p', text: 'One line.' },
      { kind: 'ul', items: ['a continued', 'b'] },
      { kind: 'p', text: '<b>x</b>' },
    ]);
    expect(parseInline('run `kubectl get pods` **now**')).toEqual([
      { kind: 'text', text: 'run ' },
      { kind: 'code', text: 'kubectl get pods' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: 'now' },
    ]);
  });
});

describe('progress and URL options', () => {
  it('round-trips progress and reads broken data as none', () => {
    const st = memoryStorage();
    writeProgress(st, {
      lessons: { dns: { step: 2, done: ['a'], mark: { at: 5, log: 1 } } },
      teacher: true,
    });
    expect(readProgress(st)).toEqual({
      lessons: { dns: { step: 2, done: ['a'], mark: { at: 5, log: 1 } } },
      teacher: true,
    });
    expect(readProgress(memoryStorage({ [PROGRESS_KEY]: '{oops' }))).toEqual({ lessons: {} });
    expect(
      readProgress(memoryStorage({ [PROGRESS_KEY]: '{"lessons":{"x":{"step":-1}}}' })),
    ).toEqual({
      lessons: {},
    });
    expect(readProgress(null)).toEqual({ lessons: {} });
  });

  it('reads ?step (1-based) and ?teacher, and builds links that keep the language', () => {
    expect(parseLessonUrl('?lesson=dns&step=3&teacher=1')).toEqual({ step: 2, teacher: true });
    expect(parseLessonUrl('?step=0&teacher=0')).toEqual({ step: null, teacher: false });
    expect(parseLessonUrl('')).toEqual({ step: null, teacher: null });
    expect(stepLink('?lang=es&speed=2', 'dns', 1)).toBe('?lesson=dns&step=2&lang=es');
    expect(lessonLink('?teacher=1&lesson=x', 'ports')).toBe('?lesson=ports&teacher=1');
  });
});

describe('skeleton and manifests', () => {
  it('turns the command log into steps with goals to start from', async () => {
    const seed = (await lessonById('seed-services'))?.scenario ?? '';
    const sk = lessonSkeleton(seed, [
      { at: 1000, run: 'kubectl scale deployment backend --replicas=5' },
      { at: 2000, apply: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n' },
    ]);
    const parsed = parseLesson(sk.lessonYaml, { 'scenario.yaml': sk.scenarioYaml });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lesson.id).toBe('seed-services');
    expect(parsed.lesson.steps.map((s) => s.goals[0])).toEqual([
      {
        type: 'commandRun',
        pattern: commandPattern('kubectl scale deployment backend --replicas=5'),
      },
      { type: 'objectField', kind: 'Service', name: 'web', path: 'metadata.name', exists: true },
    ]);
    expect(
      new RegExp(commandPattern('kubectl get pods -o wide')).test('kubectl  get pods -o wide'),
    ).toBe(true);
  });

  it('merges a solution into the editor: same object replaced, new ones appended', () => {
    const editor =
      'a: 1\nkind: Service\nmetadata:\n  name: web\n---\n# keep me\nkind: Deployment\nmetadata: {name: api}\n';
    const merged = mergeManifests(
      editor,
      'kind: Service\nmetadata:\n  name: web\nspec: {}\n---\nkind: Pod\nmetadata: {name: p}\n',
    );
    expect(splitDocuments(merged)).toEqual([
      'kind: Service\nmetadata:\n  name: web\nspec: {}',
      '# keep me\nkind: Deployment\nmetadata: {name: api}',
      'kind: Pod\nmetadata: {name: p}',
    ]);
  });
});

describe('LessonController', () => {
  async function setup(opts: { search?: string; storage?: ProgressStorage; log?: number } = {}) {
    const entry = await lessonById('labels-selectors');
    if (!entry) throw new Error('lesson missing');
    const app = createStore<AppState>()(
      () =>
        ({
          lesson: { id: entry.id, title: {}, scenario: entry.scenario },
          engine: { status: 'running' },
          editor: { text: '' },
        }) as unknown as AppState,
    ) as AppStore;
    const calls: string[] = [];
    let now: StepMark = { at: 3000, log: opts.log ?? 0 };
    const listeners: ((f: unknown, cause: string) => void)[] = [];
    const statuses: GoalStatus[][] = [];
    const api = {
      lessonMark: async () => now,
      lessonStatus: async (goals: Goal[]) => {
        calls.push(`status:${goals.length}`);
        return (
          statuses.shift() ?? goals.map(() => ({ met: false, code: 'goal.count', params: {} }))
        );
      },
      lessonRules: async () => null,
    };
    const runner = {
      onFrame: (l: (f: unknown, cause: string) => void) => {
        listeners.push(l);
        return () => undefined;
      },
      lessonQuery: async <T>(call: (a: typeof api) => Promise<T>) => call(api),
      lessonRun: async (steps: unknown[]) => {
        calls.push(`run:${steps.length}`);
        now = { at: now.at + 10_000, log: now.log + steps.length };
        return { frame: {}, mark: now, steps: steps.map(() => ({ met: true, errors: [] })) };
      },
      open: async () => ({ ok: true }),
      reset: () => calls.push('reset'),
      exec: async (line: string) => void calls.push(`exec:${line}`),
      apply: async () => void calls.push('apply'),
      snapshot: async () => ({ log: [], at: 0 }),
    } as unknown as LessonRunner;
    const storage = opts.storage ?? memoryStorage();
    let tick: () => void = () => undefined;
    const c = new LessonController({
      app,
      runner,
      storage,
      search: opts.search ?? '',
      setInterval: (fn) => {
        tick = fn;
        return 1;
      },
      clearInterval: () => undefined,
    });
    const settle = () => new Promise((r) => setTimeout(r, 0));
    return {
      c,
      calls,
      storage,
      statuses,
      tick: () => tick(),
      settle,
      setLog: (l: number) => (now = { ...now, log: l }),
    };
  }

  it('opens at ?step on a fresh cluster by replaying the earlier steps, then checks its goals', async () => {
    const t = await setup({ search: '?lesson=labels-selectors&step=3' });
    t.c.start();
    await t.settle();
    await t.settle();
    expect(t.calls).toContain('run:2');
    expect(t.c.store.getState()).toMatchObject({ step: 2, preparing: false });
  });

  it('a step is done when every goal holds, stays done, and Continue opens the next', async () => {
    const t = await setup();
    t.c.start();
    await t.settle();
    expect(t.c.store.getState().step).toBe(0);
    await t.c.next();
    expect(t.c.store.getState().step).toBe(0);
    t.statuses.push([1, 2, 3, 4].map(() => ({ met: true, code: 'goal.count', params: {} })));
    t.tick();
    await t.settle();
    await t.settle();
    expect(t.c.store.getState().done).toEqual(['dns-works-connection-refused']);
    expect(
      JSON.parse(t.storage.getItem(PROGRESS_KEY) ?? '{}').lessons['labels-selectors'].done,
    ).toEqual(['dns-works-connection-refused']);
    await t.c.next();
    expect(t.c.store.getState()).toMatchObject({ step: 1, preparing: false });
    expect(t.c.canOpen(0)).toBe(true);
    expect(t.c.canOpen(2)).toBe(false);
  });

  it('a restored cluster resumes the saved step; a foreign history starts the step afresh', async () => {
    const saved = memoryStorage();
    writeProgress(saved, {
      lessons: { 'labels-selectors': { step: 1, done: [], mark: { at: 2000, log: 1 } } },
    });
    const resumed = await setup({ storage: saved, log: 2 });
    resumed.c.start();
    await resumed.settle();
    expect(resumed.calls).not.toContain('reset');
    expect(resumed.c.store.getState()).toMatchObject({ step: 1, preparing: false });

    const foreign = await setup({ search: '?step=3', log: 4 });
    foreign.c.start();
    await foreign.settle();
    expect(foreign.calls).toContain('reset');
  });

  it('teacher mode runs solution entries: commands go to the console', async () => {
    const t = await setup({ search: '?teacher=1' });
    t.c.start();
    await t.settle();
    expect(t.c.store.getState().teacher).toBe(true);
    await t.c.runEntry('kubectl get pods');
    expect(t.calls).toContain('exec:kubectl get pods');
    expect(t.c.canOpen(2)).toBe(true);
  });
});
