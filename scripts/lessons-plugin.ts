// Vite plugin: the built-in lessons as modules, compiled at build time by src/lessons/bundle.ts.
//   virtual:kubeplay-lessons        the lesson ids in catalog order and a loader per lesson
//   virtual:kubeplay-lesson-cards   what the gallery shows of every lesson
//   virtual:kubeplay-lesson/<id>    one lesson, whole (its own chunk, fetched when it opens)
// A broken lesson fails the build (and the dev server's overlay) with every problem named.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { bundleLessons, type LessonData } from '../src/lessons/bundle.ts';

const INDEX = 'virtual:kubeplay-lessons';
const CARDS = 'virtual:kubeplay-lesson-cards';
const ONE = 'virtual:kubeplay-lesson/';

/** Every YAML file of the lesson folders under `dir`, as `<id>/<file>` → text, plus the catalog. */
function readLessonFiles(dir: string): { catalog: string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  for (const id of readdirSync(dir)) {
    const folder = join(dir, id);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder))
      if (name.endsWith('.yaml')) files[`${id}/${name}`] = readFileSync(join(folder, name), 'utf8');
  }
  return { catalog: readFileSync(join(dir, 'catalog.yaml'), 'utf8'), files };
}

export function lessonsPlugin(lessonsDir: string): Plugin {
  let cache: { cards: unknown[]; byId: Map<string, LessonData>; paths: string[] } | null = null;
  const compile = () => {
    if (cache) return cache;
    const { catalog, files } = readLessonFiles(lessonsDir);
    const b = bundleLessons(catalog, files);
    if (!b.ok) throw new Error(`The built-in lessons do not compile:\n  ${b.errors.join('\n  ')}`);
    cache = {
      cards: b.cards,
      byId: new Map(b.lessons.map((l) => [l.id, l])),
      paths: [
        join(lessonsDir, 'catalog.yaml'),
        ...Object.keys(files).map((f) => join(lessonsDir, f)),
      ],
    };
    return cache;
  };
  return {
    name: 'kubeplay:lessons',
    resolveId(id) {
      if (id === INDEX || id === CARDS || id.startsWith(ONE)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:kubeplay-lesson')) return null;
      const { cards, byId, paths } = compile();
      // Files, not the folder: Vite's dev server resolves every watched path like an import.
      for (const p of paths) this.addWatchFile(p);
      if (id === `\0${INDEX}`) {
        const loaders = [...byId.keys()]
          .map((k) => `  ${JSON.stringify(k)}: () => import(${JSON.stringify(ONE + k)}),`)
          .join('\n');
        return [
          `export const LESSON_IDS = ${JSON.stringify([...byId.keys()])};`,
          `const loaders = {\n${loaders}\n};`,
          'export function importLesson(id) {',
          '  const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;',
          '  return load ? load().then((m) => m.default) : Promise.resolve(undefined);',
          '}',
        ].join('\n');
      }
      if (id === `\0${CARDS}`) return `export const LESSON_CARDS = ${JSON.stringify(cards)};`;
      const lesson = byId.get(id.slice(`\0${ONE}`.length));
      if (!lesson) throw new Error(`no built-in lesson ${id.slice(`\0${ONE}`.length)}`);
      return `export default ${JSON.stringify(lesson)};`;
    },
    watchChange(file) {
      if (file.startsWith(lessonsDir)) cache = null;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(lessonsDir) || !file.endsWith('.yaml')) return;
      cache = null;
      for (const m of server.moduleGraph.idToModuleMap.values())
        if (m.id?.startsWith('\0virtual:kubeplay-lesson')) server.moduleGraph.invalidateModule(m);
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
