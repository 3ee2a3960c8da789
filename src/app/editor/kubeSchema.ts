// The editor's Kubernetes JSON Schema for monaco-yaml. monaco-yaml applies one schema per file and
// checks every document of a multi-document file against it, so schemas/kubernetes.json (generated
// by scripts/gen-kube-fields.mjs from kubernetes-types) holds every kind and dispatches on `kind`
// with `if`/`then`: a misspelt field gives one warning from its own kind's schema.
import type { SchemasSettings } from 'monaco-yaml';
// As text: TypeScript need not infer a type for 270 KB of JSON.
import schemaText from './schemas/kubernetes.json?raw';

/** A URI that names the schema in hover tooltips; it is never fetched (enableSchemaRequest off). */
export const SCHEMA_URI = 'kubeplay://schemas/kubernetes.json';

/** monaco-yaml's schema settings: the combined schema for every file matching `fileMatch`. */
export function kubernetesSchemas(fileMatch: string): SchemasSettings[] {
  const schema = JSON.parse(schemaText) as SchemasSettings['schema'];
  return [{ uri: SCHEMA_URI, fileMatch: [fileMatch], schema }];
}
