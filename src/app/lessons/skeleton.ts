// "Make a lesson from this scenario": the running scenario and the commands the teacher ran,
// turned into a lesson skeleton (lesson.yaml) to finish by hand — one step per command, with a
// goal to start from. Pure, so it is unit-tested; the dialog offers the files for download.
import { parseAllDocuments, stringify } from 'yaml';
import type { Goal, LoggedCommand } from '../../engine/index';
import { scenarioInfo } from '../../lessons/scenarioInfo';

/** The two files of a new lesson folder. */
export interface LessonSkeleton {
  lessonYaml: string;
  scenarioYaml: string;
}

const TODO_EN = 'TODO: what the learner reads and does in this step.';
const TODO_ES = 'TODO: lo que lee y hace quien aprende en este paso.';

/** A regular expression that matches exactly this command line (spaces may vary). */
export function commandPattern(line: string): string {
  return (
    '^' +
    line
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('\\s+') +
    '$'
  );
}

/** Goals for an applied manifest: each object exists (a start; sharpen them by hand). */
function applyGoals(text: string): Goal[] {
  const goals: Goal[] = [];
  for (const doc of parseAllDocuments(text)) {
    const o = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    if (typeof o?.kind !== 'string' || typeof o.metadata?.name !== 'string') continue;
    const g: Goal = {
      type: 'objectField',
      kind: o.kind,
      name: o.metadata.name,
      path: 'metadata.name',
      exists: true,
    };
    if (typeof o.metadata.namespace === 'string') g.namespace = o.metadata.namespace;
    goals.push(g);
  }
  return goals;
}

/** The skeleton for `scenario` and the command log `log` (what ran in the console or editor). */
export function lessonSkeleton(scenario: string, log: readonly LoggedCommand[]): LessonSkeleton {
  const info = scenarioInfo(scenario);
  const id = info.name || 'my-lesson';
  const steps = log.map((entry, i) => {
    const run = 'run' in entry;
    return {
      id: `step-${i + 1}`,
      text: { en: TODO_EN, es: TODO_ES },
      hints: { en: ['TODO'], es: ['TODO'] },
      goals: run
        ? [{ type: 'commandRun', pattern: commandPattern(entry.run) }]
        : applyGoals(entry.apply),
      solution: [run ? entry.run : { apply: entry.apply }],
    };
  });
  if (steps.length === 0)
    steps.push({
      id: 'step-1',
      text: { en: TODO_EN, es: TODO_ES },
      hints: { en: ['TODO'], es: ['TODO'] },
      goals: [{ type: 'commandRun', pattern: '^kubectl\\s+get\\s+pods' }],
      solution: ['kubectl get pods'],
    });
  const lesson = {
    id,
    level: 'beginner',
    minutes: 10,
    title: { en: info.title.en ?? 'TODO', es: info.title.es ?? 'TODO' },
    summary: { en: 'TODO', es: 'TODO' },
    learn: { en: ['TODO'], es: ['TODO'] },
    steps,
  };
  const head =
    '# A lesson skeleton made by kubeplay from a scenario and the commands run on it.\n' +
    '# Write the texts, sharpen the goals (docs/lessons.md lists every goal type), then put this\n' +
    `# file and scenario.yaml in src/lessons/${id}/ and add "${id}" to src/lessons/catalog.yaml.\n`;
  return {
    lessonYaml: head + stringify(lesson, { lineWidth: 100 }),
    scenarioYaml: scenario.endsWith('\n') ? scenario : `${scenario}\n`,
  };
}
