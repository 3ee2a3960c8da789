// Every built-in lesson, replayed headlessly (like learnGitBranching's level tests): each step's
// goals must NOT hold when the step starts (nor after idling), and must hold once its solution has
// run. Also checks the format: both languages, valid goals, scenarios that load.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseLesson } from '../../lessons/format';
import { scenarioOfStep } from '../../lessons/text';
import { Engine } from '../engine';
import { checkGoal } from './check';
import { allMet, evaluateGoals } from './evaluate';
import type { Lesson } from './format';
import { GOAL_TYPES } from './goals';
import { markStep, runStep } from './solution';

const ROOT = new URL('../../lessons/', import.meta.url);
/** Virtual time a learner might wait without doing anything; the step must not complete. */
const IDLE_MS = 30_000;

function loadLesson(id: string): { lesson: Lesson; files: Record<string, string> } {
  const dir = new URL(`${id}/`, ROOT);
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir))
    if (f !== 'lesson.yaml') files[f] = readFileSync(new URL(f, dir), 'utf8');
  const r = parseLesson(readFileSync(new URL('lesson.yaml', dir), 'utf8'), files);
  if (!r.ok) throw new Error(`${id}: ${r.errors.join('\n')}`);
  return { lesson: r.lesson, files };
}

function settled(scenario: string): Engine {
  const r = Engine.create(scenario);
  if (!r.ok) throw new Error(r.message);
  r.engine.settle();
  return r.engine;
}

/** A copy of the engine's cluster, rebuilt from its scenario and command log (deterministic). */
function replica(scenario: string, e: Engine): Engine {
  const r = Engine.create(scenario);
  if (!r.ok) throw new Error(r.message);
  for (const entry of e.log) r.engine.replay(entry);
  r.engine.advanceTo(e.now);
  return r.engine;
}

const catalog = parse(readFileSync(new URL('catalog.yaml', ROOT), 'utf8')) as { lessons: string[] };
const ids = catalog.lessons;

describe('lesson catalog', () => {
  it('lists every lesson folder once, the seed story first', () => {
    const dirs = readdirSync(ROOT, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...ids].sort()).toEqual(dirs);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('seed-services');
    expect(ids.length).toBeGreaterThanOrEqual(12);
  });
});

describe.each(ids)('lesson %s', (id) => {
  const { lesson, files } = loadLesson(id);

  it('is well formed: its folder name, valid goals, both languages everywhere', () => {
    expect(lesson.id).toBe(id);
    for (const [i, s] of lesson.steps.entries()) {
      for (const [j, g] of s.goals.entries())
        expect(checkGoal(g, `steps[${i}].goals[${j}]`)).toEqual([]);
      for (const lang of ['en', 'es'] as const) {
        expect(s.text[lang], `${s.id} text.${lang}`).toBeTruthy();
        expect(s.hints[lang]?.length, `${s.id} hints.${lang}`).toBeGreaterThan(0);
      }
      expect(s.solution.length, `${s.id} has a solution`).toBeGreaterThan(0);
    }
  });

  it('replays: every step is open at its start and after idling, and done after its solution', () => {
    let engine: Engine | null = null;
    let scenario = '';
    for (const [i, step] of lesson.steps.entries()) {
      const { file, from } = scenarioOfStep(lesson, i);
      if (engine === null || from === i) {
        scenario = files[file] ?? '';
        engine = settled(scenario);
      }
      const mark = markStep(engine);
      expect(allMet(evaluateGoals(engine, step.goals, mark)), `${step.id}: done at start`).toBe(
        false,
      );
      const idle = replica(scenario, engine);
      idle.advanceBy(IDLE_MS);
      expect(allMet(evaluateGoals(idle, step.goals, mark)), `${step.id}: done by idling`).toBe(
        false,
      );
      const run = runStep(engine, step, mark);
      expect(run.errors, `${step.id}: solution commands`).toEqual([]);
      expect(
        run.statuses.map((s, j) => ({ goal: step.goals[j]?.type, ...s })).filter((s) => !s.met),
        `${step.id}: goals after the solution`,
      ).toEqual([]);
    }
  }, 120_000);
});

describe('goal checker', () => {
  it('knows every goal type and rejects unknown ones, missing and unknown fields', () => {
    expect(GOAL_TYPES.length).toBeGreaterThanOrEqual(15);
    expect(checkGoal({ type: 'nope' })[0]).toMatch(/unknown goal type/);
    expect(checkGoal({ type: 'nodeReady', node: 'node-1' })).toEqual([
      'goal.ready: is required for nodeReady',
    ]);
    expect(checkGoal({ type: 'commandRun', pattern: '(' })[0]).toMatch(/not a valid regular/);
    expect(checkGoal({ type: 'podCount', selector: 'app=web', colour: 'red' })).toEqual([
      'goal.colour: unknown field for podCount',
    ]);
    expect(checkGoal({ type: 'requestsOutcome', outcome: 'maybe' })[0]).toMatch(/must be one of/);
  });
});
