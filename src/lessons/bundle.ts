// Compiles the built-in lessons (src/lessons/catalog.yaml and every src/lessons/<id>/ folder) into
// the data the page loads: a small card per lesson for the gallery, and per lesson its parsed
// steps, scenario files and what each scenario shows before it runs. Pure: the build runs it
// (scripts/lessons-plugin.ts), so the page never parses lesson YAML.
import { parse } from 'yaml';
import type { Lesson } from '../engine/index';
import { parseLesson } from './format.ts';
import { scenarioInfo, type ScenarioInfo } from './scenarioInfo.ts';

/** What the gallery shows of a lesson, without its steps or scenarios. */
export interface LessonCard extends Pick<
  Lesson,
  'id' | 'level' | 'minutes' | 'title' | 'summary' | 'learn'
> {
  /** How many steps it has. */
  steps: number;
}

/** A built-in lesson, whole: loaded when it opens. */
export interface LessonData {
  id: string;
  lesson: Lesson;
  /** The scenario the lesson opens with. */
  scenario: string;
  /** The lesson folder's scenario files by name, for steps that open another one. */
  files: Readonly<Record<string, string>>;
  /** What each of those files shows before it runs, by name. */
  infos: Readonly<Record<string, ScenarioInfo>>;
}

export type LessonBundle =
  { ok: true; cards: LessonCard[]; lessons: LessonData[] } | { ok: false; errors: string[] };

/**
 * Compiles the catalog. `files` maps `<id>/<file name>` to text for every YAML file in the lesson
 * folders. Every problem is reported, each prefixed with the lesson it is in.
 */
export function bundleLessons(
  catalogYaml: string,
  files: Readonly<Record<string, string>>,
): LessonBundle {
  let ids: unknown;
  try {
    ids = (parse(catalogYaml) as { lessons?: unknown } | null)?.lessons;
  } catch (e) {
    return { ok: false, errors: [`catalog.yaml is not valid YAML: ${String(e)}`] };
  }
  if (!Array.isArray(ids) || ids.length === 0)
    return { ok: false, errors: ['catalog.yaml: lessons must list at least one lesson id'] };
  const errors: string[] = [];
  const cards: LessonCard[] = [];
  const lessons: LessonData[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (typeof id !== 'string' || id === '') {
      errors.push(`catalog.yaml: every entry must be a lesson id, not ${JSON.stringify(id)}`);
      continue;
    }
    if (seen.has(id)) {
      errors.push(`catalog.yaml: lesson "${id}" is listed twice`);
      continue;
    }
    seen.add(id);
    const own: Record<string, string> = {};
    for (const [path, text] of Object.entries(files))
      if (path.startsWith(`${id}/`) && path !== `${id}/lesson.yaml`)
        own[path.slice(id.length + 1)] = text;
    const text = files[`${id}/lesson.yaml`];
    if (text === undefined) {
      errors.push(`${id}: no lesson.yaml in src/lessons/${id}/`);
      continue;
    }
    const parsed = parseLesson(text, own);
    if (!parsed.ok) {
      for (const e of parsed.errors) errors.push(`${id}/lesson.yaml: ${e}`);
      continue;
    }
    const lesson = parsed.lesson;
    if (lesson.id !== id) errors.push(`${id}/lesson.yaml: id is "${lesson.id}", not "${id}"`);
    const infos: Record<string, ScenarioInfo> = {};
    for (const [name, body] of Object.entries(own)) infos[name] = scenarioInfo(body);
    cards.push({
      id,
      level: lesson.level,
      minutes: lesson.minutes,
      title: lesson.title,
      summary: lesson.summary,
      learn: lesson.learn,
      steps: lesson.steps.length,
    });
    lessons.push({ id, lesson, scenario: own[lesson.scenario] ?? '', files: own, infos });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, cards, lessons };
}
