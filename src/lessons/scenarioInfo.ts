// What the page shows of a scenario before the engine has run it: its name, title and manifests.
// Pure (uses the `yaml` parser): the lesson bundler runs it at build time, and the app loads it
// lazily for scenarios that arrive at run time (share links, files, embeds, kept sessions).
import { parse } from 'yaml';
import type { LessonLang, LessonText } from '../engine/index';

/** A scenario's name, title (per language) and manifests text. */
export interface ScenarioInfo {
  name: string;
  title: LessonText;
  manifests: string;
}

const LANGS: readonly LessonLang[] = ['en', 'es'];

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
  const title: LessonText = {};
  if (typeof meta.title === 'string') title.en = meta.title;
  else if (isRecord(meta.title))
    for (const lang of LANGS) {
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
