// The built-in lessons the page can open (`?lesson=<id>`), compiled at build time from
// src/lessons (scripts/lessons-plugin.ts): the first chunk knows only their ids; each lesson
// (steps, scenario files) is its own small chunk fetched when it opens, and the gallery's cards
// come with the gallery (cards.ts). The engine parses and validates scenarios itself, in the worker.
import { importLesson, LESSON_IDS } from 'virtual:kubeplay-lessons';
import type { LessonData } from '../../lessons/bundle';
import type * as ScenarioParser from '../../lessons/scenarioInfo';
import type { ScenarioInfo } from '../../lessons/scenarioInfo';

export type { ScenarioInfo } from '../../lessons/scenarioInfo';

/** A built-in lesson, whole: its id, steps, the scenario it opens with and its other files. */
export type LessonEntry = LessonData;

/** True for the id of a built-in lesson (not a link's, a file's or an embed's scenario). */
export function isBuiltInLesson(id: string): boolean {
  return LESSON_IDS.includes(id);
}

const loaded = new Map<string, Promise<LessonEntry | undefined>>();

/** What every built-in scenario loaded so far shows, by its text: no parsing needed for these. */
const known = new Map<string, ScenarioInfo>();

/** The built-in lesson with this id, if any (fetched once). */
export function lessonById(id: string): Promise<LessonEntry | undefined> {
  let p = loaded.get(id);
  if (!p) {
    p = importLesson(id).then((entry: LessonEntry | undefined) => {
      if (entry)
        for (const name of Object.keys(entry.files)) {
          const text = entry.files[name];
          const info = entry.infos[name];
          if (text !== undefined && info) known.set(text, info);
        }
      return entry;
    });
    loaded.set(id, p);
    // A failed fetch (say, the site was updated meanwhile) may be tried again.
    p.catch(() => loaded.delete(id));
  }
  return p;
}

/** The lesson for `?lesson=`; an unknown id opens the first lesson and says so. */
export async function findLesson(
  id: string | null,
): Promise<{ lesson: LessonEntry; unknownId: string | null }> {
  const first = LESSON_IDS[0];
  if (!first) throw new Error('no built-in lessons');
  const found = id === null ? undefined : await lessonById(id);
  if (found) return { lesson: found, unknownId: null };
  const fallback = await lessonById(first);
  if (!fallback) throw new Error(`the built-in lesson ${first} is missing`);
  return { lesson: fallback, unknownId: id };
}

/** The info of the scenario a built-in lesson opens with. */
export function lessonInfo(entry: LessonEntry): ScenarioInfo {
  return entry.infos[entry.lesson.scenario] ?? { name: '', title: {}, manifests: '' };
}

let parser: Promise<typeof ScenarioParser> | null = null;

/** The scenario parser's chunk, fetched once; a failed fetch is tried again on the next call. */
function loadParser(): Promise<typeof ScenarioParser> {
  if (!parser) {
    parser = import('../../lessons/scenarioInfo');
    parser.catch(() => {
      parser = null;
    });
  }
  return parser;
}

/** Fetches the scenario parser ahead of use (after the first frame, so it works offline later). */
export function preloadScenarioParser(): void {
  void loadParser().catch(() => undefined);
}

/**
 * Title and manifests of a scenario that arrived at run time (a link, a file, an embed, a kept
 * session); empty values when the text is not a scenario. A built-in lesson's scenario is known
 * already; anything else loads the YAML parser on first use (the page's first chunk has none).
 */
export async function scenarioInfo(text: string): Promise<ScenarioInfo> {
  return known.get(text) ?? (await loadParser()).scenarioInfo(text);
}
