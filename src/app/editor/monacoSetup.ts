// Loads Monaco (bundled ESM entry points, never a CDN) with the YAML language and monaco-yaml's
// Kubernetes schema support, once per page. Only ever imported lazily, so the first paint carries
// no Monaco. Owns the worker wiring (MonacoEnvironment) and the monaco-yaml configuration.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from './yaml.worker?worker';
import { kubernetesSchemas } from './kubeSchema';
import { withLegacyWorkers } from './workerShim';

export { monaco };

/** Every model the editor opens lives under this path, which is what the schema matches. */
export const MODEL_PATH_PREFIX = 'file:///kubeplay/';

function createWorker(label: string): Worker {
  return label === 'yaml'
    ? new YamlWorker({ name: 'kubeplay-yaml' })
    : new EditorWorker({ name: 'kubeplay-editor' });
}

let configured = false;

/** Wires the workers and monaco-yaml the first time an editor opens. */
export function setUpMonaco(): void {
  if (configured) return;
  configured = true;
  self.MonacoEnvironment = { getWorker: (_workerId, label) => createWorker(label) };
  configureMonacoYaml(withLegacyWorkers(monaco, createWorker), {
    // The worker must never fetch a schema: everything is bundled (and the page's CSP forbids it).
    enableSchemaRequest: false,
    // kubectl reads YAML 1.1 (sigs.k8s.io/yaml): `yes`/`no` are booleans there.
    yamlVersion: '1.1',
    completion: true,
    hover: true,
    // The schema has no address to show or open.
    hoverSchemaSource: false,
    validate: true,
    format: { enable: true, singleQuote: false, proseWrap: 'preserve' },
    schemas: kubernetesSchemas(`${MODEL_PATH_PREFIX}**`),
  });
}
