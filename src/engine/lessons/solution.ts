// Replays a lesson step's solution on an engine and lets virtual time pass until its goals hold:
// what the headless lesson test checks, and what the worker does to open a lesson at a later
// step (deep links, teacher mode) with the cluster the earlier steps would have left.
import type { Engine } from '../engine';
import { parseDuration } from '../util/duration';
import { allMet, evaluateGoals } from './evaluate';
import type { LessonStep, SolutionEntry } from './format';
import type { GoalStatus, StepMark } from './goals';

/** How long `runStep` waits for the goals after the solution, by default (virtual ms). */
export const STEP_LIMIT_MS = 900_000;
/** How often it looks while waiting (virtual ms). */
export const STEP_POLL_MS = 500;

/** Where a step starts on this engine: now, and the command log's length. */
export function markStep(engine: Engine): StepMark {
  return { at: engine.now, log: engine.log.length };
}

/** Runs one solution entry now; returns an error text when the command failed. */
export function runEntry(engine: Engine, entry: SolutionEntry): string | null {
  if (typeof entry === 'string') {
    const r = engine.exec(entry);
    return r.exitCode === 0 ? null : `${entry}: ${(r.stderr || r.stdout).trim()}`;
  }
  if ('apply' in entry) {
    const r = engine.apply(entry.apply);
    return r.ok ? null : `apply: ${r.errorText.trim()}`;
  }
  const ms = parseDuration(entry.wait);
  if (ms === null) return `wait: "${entry.wait}" is not a duration`;
  engine.advanceBy(ms);
  return null;
}

/** What replaying a step did. */
export interface StepRun {
  mark: StepMark;
  met: boolean;
  /** Virtual time when the goals were first all met (or when it gave up). */
  at: number;
  statuses: GoalStatus[];
  /** Solution commands that failed. */
  errors: string[];
}

/** Runs the step's solution from `mark`, then advances until every goal is met (or `limitMs`). */
export function runStep(
  engine: Engine,
  step: Pick<LessonStep, 'goals' | 'solution'>,
  mark: StepMark = markStep(engine),
  limitMs = STEP_LIMIT_MS,
): StepRun {
  const errors: string[] = [];
  for (const entry of step.solution) {
    const err = runEntry(engine, entry);
    if (err) errors.push(err);
  }
  const start = engine.now;
  let statuses = evaluateGoals(engine, step.goals, mark);
  // A step with no goals (a bare `wait`, say) has nothing to wait for.
  while (step.goals.length > 0 && !allMet(statuses) && engine.now - start < limitMs) {
    engine.advanceBy(STEP_POLL_MS);
    statuses = evaluateGoals(engine, step.goals, mark);
  }
  return { mark, met: allMet(statuses), at: engine.now, statuses, errors };
}
