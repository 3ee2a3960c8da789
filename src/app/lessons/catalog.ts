// The built-in lessons the page can open (`?lesson=<id>`), as scenario text bundled at build time.
// Owns the lookup and the little the UI reads from a scenario (title, manifests); the engine
// parses and validates scenarios itself, in the worker.
import { parse } from 'yaml';
import seedServices from '../../lessons/seed-services/scenario.yaml?raw';
import type { Lang } from '../i18n/i18n';

/** A built-in lesson: its id (the `?lesson=` value) and its scenario YAML. */
export interface LessonEntry {
  id: string;
  scenario: string;
}

/** Every built-in lesson, first one first (the default). */
export const LESSONS: readonly LessonEntry[] = [{ id: 'seed-services', scenario: seedServices }];

/** The lesson for `?lesson=`; an unknown id opens the first lesson and says so. */
export function findLesson(id: string | null): { lesson: LessonEntry; unknownId: string | null } {
  const first = LESSONS[0];
  if (!first) throw new Error('no built-in lessons');
  if (id === null) return { lesson: first, unknownId: null };
  const found = LESSONS.find((l) => l.id === id);
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
