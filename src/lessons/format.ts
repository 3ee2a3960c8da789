// Reads a lesson (src/lessons/<id>/lesson.yaml, docs/lessons.md) into the typed Lesson the app
// shows and the headless test replays. Checks the shape and both languages; the goals' own fields
// are checked by the engine (src/engine/lessons/check.ts) when the lesson test runs them.
import { parse } from 'yaml';
import type {
  Goal,
  Lesson,
  LessonLang,
  LessonLevel,
  LessonStep,
  LessonText,
  LessonTextList,
  SolutionEntry,
} from '../engine/index';

/** Languages every lesson must be written in. */
export const LESSON_LANGS: readonly LessonLang[] = ['en', 'es'];

const LEVELS: readonly LessonLevel[] = ['beginner', 'intermediate', 'advanced'];
const ID = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export type ParsedLesson = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

/**
 * Parses lesson.yaml. `files` are the lesson folder's other files by name (its scenarios); every
 * scenario the lesson or a step names must be among them.
 */
export function parseLesson(text: string, files: Readonly<Record<string, string>>): ParsedLesson {
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: false });
  } catch (e) {
    return { ok: false, errors: [`lesson.yaml is not valid YAML: ${message(e)}`] };
  }
  const errors: string[] = [];
  const err = (path: string, msg: string) => errors.push(`${path}: ${msg}`);
  if (!isObj(raw)) return { ok: false, errors: ['lesson.yaml must be a mapping'] };
  const id = raw.id;
  if (typeof id !== 'string' || !ID.test(id))
    err('id', 'must be a DNS-1123 label such as my-lesson');
  const level = raw.level;
  if (!LEVELS.includes(level as LessonLevel)) err('level', `must be one of ${LEVELS.join(', ')}`);
  const minutes = raw.minutes ?? 10;
  if (typeof minutes !== 'number' || !(minutes > 0)) err('minutes', 'must be a number above 0');
  const title = text_(raw.title, 'title', err);
  const summary = text_(raw.summary, 'summary', err);
  const learn = list_(raw.learn, 'learn', err);
  const scenario = raw.scenario ?? 'scenario.yaml';
  if (typeof scenario !== 'string' || files[scenario] === undefined)
    err('scenario', `names a file that is not in the lesson's folder: ${String(scenario)}`);
  const steps: LessonStep[] = [];
  if (!Array.isArray(raw.steps) || raw.steps.length === 0)
    err('steps', 'must list at least one step');
  else {
    const ids = new Set<string>();
    raw.steps.forEach((s, i) => {
      const path = `steps[${i}]`;
      const step = step_(s, path, err, files);
      if (!step) return;
      if (ids.has(step.id)) err(`${path}.id`, `duplicate step id "${step.id}"`);
      ids.add(step.id);
      steps.push(step);
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    lesson: {
      id: id as string,
      level: level as LessonLevel,
      minutes: minutes as number,
      title,
      summary,
      learn,
      scenario: scenario as string,
      steps,
    },
  };
}

type Err = (path: string, msg: string) => void;

function step_(
  s: unknown,
  path: string,
  err: Err,
  files: Readonly<Record<string, string>>,
): LessonStep | null {
  if (!isObj(s)) {
    err(path, 'must be a mapping with id, text, goals and solution');
    return null;
  }
  if (typeof s.id !== 'string' || !ID.test(s.id))
    err(`${path}.id`, 'must be a DNS-1123 label such as delete-a-pod');
  const goals: Goal[] = [];
  if (!Array.isArray(s.goals) || s.goals.length === 0)
    err(`${path}.goals`, 'must list at least one goal (a step is done when its goals hold)');
  else
    s.goals.forEach((g, j) => {
      if (!isObj(g) || typeof g.type !== 'string')
        err(`${path}.goals[${j}]`, 'must be a mapping with a type');
      else goals.push(g as unknown as Goal);
    });
  const solution: SolutionEntry[] = [];
  if (!Array.isArray(s.solution)) err(`${path}.solution`, 'must be a list of commands');
  else
    s.solution.forEach((e, j) => {
      const p = `${path}.solution[${j}]`;
      if (typeof e === 'string' && /^(kubectl|chaos)\s/.test(e.trim())) solution.push(e.trim());
      else if (isObj(e) && typeof e.apply === 'string') solution.push({ apply: e.apply });
      else if (isObj(e) && typeof e.wait === 'string') solution.push({ wait: e.wait });
      else err(p, 'must be a kubectl or chaos command, {apply: manifests} or {wait: 30s}');
    });
  if (
    s.scenario !== undefined &&
    (typeof s.scenario !== 'string' || files[s.scenario] === undefined)
  )
    err(
      `${path}.scenario`,
      `names a file that is not in the lesson's folder: ${String(s.scenario)}`,
    );
  const show = s.show ?? [];
  if (!Array.isArray(show) || show.some((v) => v !== 'rules'))
    err(`${path}.show`, 'may only list: rules');
  const step: LessonStep = {
    id: String(s.id),
    text: text_(s.text, `${path}.text`, err),
    hints: list_(s.hints, `${path}.hints`, err),
    goals,
    solution,
  };
  if (typeof s.scenario === 'string') step.scenario = s.scenario;
  if (Array.isArray(show) && show.length > 0) step.show = show as 'rules'[];
  return step;
}

function text_(v: unknown, path: string, err: Err): LessonText {
  const out: LessonText = {};
  if (!isObj(v)) {
    err(path, `must give a text per language (${LESSON_LANGS.join(', ')})`);
    return out;
  }
  for (const lang of LESSON_LANGS) {
    const t = v[lang];
    if (typeof t !== 'string' || !t.trim()) err(`${path}.${lang}`, 'is missing');
    else out[lang] = t.trim();
  }
  return out;
}

function list_(v: unknown, path: string, err: Err): LessonTextList {
  const out: LessonTextList = {};
  if (!isObj(v)) {
    err(path, `must give a list per language (${LESSON_LANGS.join(', ')})`);
    return out;
  }
  const lengths = new Set<number>();
  for (const lang of LESSON_LANGS) {
    const t = v[lang];
    if (!Array.isArray(t) || t.length === 0 || t.some((x) => typeof x !== 'string' || !x.trim()))
      err(`${path}.${lang}`, 'must be a non-empty list of texts');
    else {
      out[lang] = t.map((x: string) => x.trim());
      lengths.add(t.length);
    }
  }
  if (lengths.size > 1) err(path, 'every language must have the same number of entries');
  return out;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function message(e: unknown): string {
  return e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
}
