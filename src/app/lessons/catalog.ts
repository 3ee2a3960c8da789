// The built-in lessons the page can open (`?lesson=<id>`): every src/lessons/<id>/ folder in the
// order src/lessons/catalog.yaml lists them, bundled at build time and parsed once. Owns the
// lookup and the little the UI reads from a scenario (title, manifests); the engine parses and
// validates scenarios itself, in the worker.
import { parse } from 'yaml';
import type { Lesson } from '../../engine/index';
import catalogYaml from '../../lessons/catalog.yaml?raw';
import { parseLesson } from '../../lessons/format';
import type { Lang } from '../i18n/i18n';

/** A built-in lesson: its id (the `?lesson=` value), its scenario YAML, and the lesson itself. */
export interface LessonEntry {
  id: string;
  /** The scenario the lesson opens with. */
  scenario: string;
  lesson: Lesson;
  /** The lesson folder's files by name (its scenarios), for steps that open another one. */
  files: Readonly<Record<string, string>>;
}

const FILES = import.meta.glob('../../lessons/*/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Parses every listed lesson; a broken one is left out (the lesson test names the problem). */
function loadLessons(): LessonEntry[] {
  const ids = (parse(catalogYaml) as { lessons?: unknown }).lessons;
  const out: LessonEntry[] = [];
  for (const id of Array.isArray(ids) ? ids : []) {
    if (typeof id !== 'string') continue;
    const prefix = `../../lessons/${id}/`;
    const files: Record<string, string> = {};
    for (const [path, text] of Object.entries(FILES))
      if (path.startsWith(prefix) && !path.endsWith('/lesson.yaml'))
        files[path.slice(prefix.length)] = text;
    const text = FILES[`${prefix}lesson.yaml`];
    const parsed = text === undefined ? null : parseLesson(text, files);
    if (!parsed?.ok) {
      console.error(`kubeplay: lesson "${id}" is broken`, parsed?.errors ?? 'no lesson.yaml');
      continue;
    }
    out.push({ id, scenario: files[parsed.lesson.scenario] ?? '', lesson: parsed.lesson, files });
  }
  return out;
}

/** Every built-in lesson, first one first (the default). */
export const LESSONS: readonly LessonEntry[] = loadLessons();

/** The built-in lesson with this id, if any. */
export function lessonById(id: string): LessonEntry | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The lesson for `?lesson=`; an unknown id opens the first lesson and says so. */
export function findLesson(id: string | null): { lesson: LessonEntry; unknownId: string | null } {
  const first = LESSONS[0];
  if (!first) throw new Error('no built-in lessons');
  if (id === null) return { lesson: first, unknownId: null };
  const found = lessonById(id);
  return found ? { lesson: found, unknownId: null } : { lesson: first, unknownId: id };
}

/** What the page shows of a scenario before the engine has run it. */
export interface ScenarioInfo {
  name: string;
  title: Partial<Record<Lang, string>>;
  manifests: string;
}

/** Title and manifests of a scenario; empty values when the text is not a scenario. */
export function scenarioInfo(text: string): ScenarioInfo {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    doc = null;
  }
  const o = isRecord(doc) ? doc : {};
  const meta = isRecord(o.metadata) ? o.metadata : {};
  const title: Partial<Record<Lang, string>> = {};
  if (typeof meta.title === 'string') title.en = meta.title;
  else if (isRecord(meta.title))
    for (const lang of ['en', 'es'] as const) {
      const v = meta.title[lang];
      if (typeof v === 'string') title[lang] = v;
    }
  return {
    name: typeof meta.name === 'string' ? meta.name : '',
    title,
    manifests: typeof o.manifests === 'string' ? o.manifests : '',
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
