// Lessons, engine side: the goal language, its checker and evaluator, and the solution replayer.
// Re-exported by src/engine/index.ts; the lesson data and its parser live in src/lessons.
export {
  GOAL_TYPES,
  type Bounds,
  type Goal,
  type GoalLabel,
  type GoalPredicate,
  type GoalStatus,
  type GoalType,
  type RequestFilter,
  type StepMark,
} from './goals';
export type {
  Lesson,
  LessonLang,
  LessonLevel,
  LessonStep,
  LessonText,
  LessonTextList,
  SolutionEntry,
} from './format';
export { checkGoal } from './check';
export { allMet, evaluateGoal, evaluateGoals } from './evaluate';
export { markStep, runEntry, runStep, STEP_LIMIT_MS, type StepRun } from './solution';
export { rulesPanel, type RulesPanel } from './rulesView';
