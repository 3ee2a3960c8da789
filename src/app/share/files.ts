// Scenario files: what "Export scenario" and "Export manifests" write, and the download itself.
//
// Export scenario (a choice, documented in docs/embed.md#files): a scenario YAML that both the app
// and the CLI open. Its `manifests` are the ones running now (the last applied text, else the
// scenario's own) and the kubectl/chaos commands of the log are folded into its `timeline` at
// their virtual times, after the scenario's own entries; comments and other fields are kept. It
// replays the story, not the exact cluster: when manifests were applied mid-way they now start at
// t=0, so pod names can differ. Exact reproduction is what share links and saved sessions are for.
// Export manifests: only the Kubernetes objects, for `kubectl apply -f` on a real cluster.
import { isMap, isSeq, parseDocument, Scalar, YAMLSeq } from 'yaml';
import type { LoggedCommand } from '../../engine/index';
import { scenarioInfo } from '../../lessons/scenarioInfo';
import type { SharePayload } from './payload';

/** Largest scenario file the app imports (the share payload's own limit). */
export const MAX_IMPORT_BYTES = 1_000_000;

/** Virtual milliseconds as a scenario duration: `12s`, `8250ms`. */
export function durationText(ms: number): string {
  const whole = Math.round(ms);
  return whole % 1000 === 0 ? `${whole / 1000}s` : `${whole}ms`;
}

/** The manifests running after the log: the last applied text, else the scenario's. */
export function runningManifests(scenarioManifests: string, log: readonly LoggedCommand[]): string {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i];
    if (e && 'apply' in e) return e.apply;
  }
  return scenarioManifests;
}

/** The scenario file for "Export scenario" (see the header for what it holds). */
export function exportScenarioYaml(
  scenario: string,
  scenarioManifests: string,
  log: readonly LoggedCommand[],
  at: number,
): string {
  const doc = parseDocument(scenario);
  if (!isMap(doc.contents)) return scenario;
  const manifests = runningManifests(scenarioManifests, log);
  if (manifests !== scenarioManifests) {
    const node = new Scalar(manifests.endsWith('\n') ? manifests : `${manifests}\n`);
    node.type = 'BLOCK_LITERAL';
    doc.set('manifests', node);
  }
  const runs = log.filter((e): e is { at: number; run: string } => 'run' in e);
  if (runs.length > 0) {
    let timeline = doc.get('timeline', true);
    if (!isSeq(timeline)) {
      timeline = new YAMLSeq();
      doc.set('timeline', timeline);
    }
    for (const e of runs)
      (timeline as YAMLSeq).add(doc.createNode({ at: durationText(e.at), run: e.run }));
  }
  const note =
    ` Exported from kubeplay at virtual time ${durationText(at)}: the manifests running then, and` +
    `\n the kubectl and chaos commands run so far folded into timeline.`;
  doc.commentBefore = doc.commentBefore ? `${note}\n\n${doc.commentBefore}` : note;
  return doc.toString({ lineWidth: 0 });
}

/** The file for "Export manifests": the objects, with a line on how to apply them. */
export function exportManifestsYaml(manifests: string, fileName: string): string {
  const body = manifests.endsWith('\n') ? manifests : `${manifests}\n`;
  return `# Kubernetes manifests exported from kubeplay.\n# Apply them to a real cluster with: kubectl apply -f ${fileName}\n${body}`;
}

/** A file name made of safe characters, from a scenario name. */
export function fileBase(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return safe || 'scenario';
}

/** Saves `text` as a file through a temporary `<a download>` (no server involved). */
export function downloadText(fileName: string, text: string, type = 'application/yaml'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The two exports of a session, as file name and text. */
export function sessionFiles(payload: Pick<SharePayload, 'scenario' | 'log' | 'at'>): {
  scenario: { name: string; text: string };
  manifests: { name: string; text: string };
} {
  const info = scenarioInfo(payload.scenario);
  const base = fileBase(info.name);
  const manifestsName = `${base}-manifests.yaml`;
  return {
    scenario: {
      name: `${base}.scenario.yaml`,
      text: exportScenarioYaml(payload.scenario, info.manifests, payload.log, payload.at),
    },
    manifests: {
      name: manifestsName,
      text: exportManifestsYaml(runningManifests(info.manifests, payload.log), manifestsName),
    },
  };
}
