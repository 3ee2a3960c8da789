// The lesson format (docs/lessons.md) as types: a lesson is data — texts per language, a scenario,
// and steps with goals, hints and a solution. Parsing the YAML lives with the lessons
// (src/lessons/format.ts); the engine only needs the shapes to check goals and replay solutions.
import type { Goal } from './goals';

/** The languages lessons are written in. */
export type LessonLang = 'en' | 'es';

/** A text per language. */
export type LessonText = Partial<Record<LessonLang, string>>;

/** A list of texts per language (hints, what you learn). */
export type LessonTextList = Partial<Record<LessonLang, string[]>>;

/** How much a learner should know before opening the lesson. */
export type LessonLevel = 'beginner' | 'intermediate' | 'advanced';

/**
 * One entry of a step's solution: a console command (`kubectl …`, `chaos …`), an `apply` of
 * manifests (what the editor's Apply button does), or a `wait` of virtual time (`30s`).
 */
export type SolutionEntry = string | { apply: string } | { wait: string };

/** One step: what to read, what to achieve (goals), how to get unstuck (hints, solution). */
export interface LessonStep {
  id: string;
  text: LessonText;
  hints: LessonTextList;
  goals: Goal[];
  solution: SolutionEntry[];
  /** A scenario file of the lesson this step opens afresh (e.g. the same cluster in IPVS mode). */
  scenario?: string;
  /** Extra views the step wants on screen: `rules` (a node's kube-proxy rules and counters). */
  show?: 'rules'[];
}

/** A lesson: catalog card fields, the scenario it opens, and its steps in order. */
export interface Lesson {
  id: string;
  level: LessonLevel;
  /** About how long it takes, in minutes. */
  minutes: number;
  title: LessonText;
  summary: LessonText;
  /** What you learn, as short phrases for the gallery card. */
  learn: LessonTextList;
  /** The scenario file the lesson opens (default `scenario.yaml`). */
  scenario: string;
  steps: LessonStep[];
}
