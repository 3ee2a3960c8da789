// Multi-document Kubernetes YAML → plain objects, keeping each document's parsed tree so that errors
// can point at lines. YAML syntax errors come back as diagnostics, never as exceptions.
import { LineCounter, parseAllDocuments, type Document } from 'yaml';

/** One document of a manifests file. */
export interface ManifestDoc {
  index: number;
  obj: Record<string, unknown>;
  doc: Document;
  /** 1-based line where the document starts. */
  line: number;
}

/** A problem found while reading a file, with 1-based position. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  kind: string;
  name: string;
  field: string;
  type: string;
  message: string;
  line: number;
  column: number;
}

export const MAX_MANIFEST_BYTES = 1_000_000;

/** Parses every non-empty document; syntax problems are reported with their line and column. */
export function parseManifests(text: string): {
  docs: ManifestDoc[];
  diagnostics: Diagnostic[];
  lines: LineCounter;
} {
  const lines = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  if (text.length > MAX_MANIFEST_BYTES) {
    diagnostics.push(
      diag(
        'YAMLSyntax',
        `the manifests are ${text.length} bytes; the limit is ${MAX_MANIFEST_BYTES} bytes`,
        1,
        1,
      ),
    );
    return { docs: [], diagnostics, lines };
  }
  const all = parseAllDocuments(text, {
    lineCounter: lines,
    prettyErrors: false,
    // Duplicate keys are reported by admission the way kubectl's decoder words them.
    uniqueKeys: false,
    // kubectl decodes YAML 1.1 (sigs.k8s.io/yaml): `yes`/`no`/`on`/`off` are booleans.
    version: '1.1',
  });
  const docs: ManifestDoc[] = [];
  const list = Array.isArray(all) ? all : [];
  list.forEach((doc, index) => {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      diagnostics.push(
        diag(
          'YAMLSyntax',
          `error converting YAML to JSON: yaml: line ${pos.line}: ${e.message.split('\n')[0] ?? ''}`,
          pos.line,
          pos.col,
        ),
      );
    }
    if (doc.errors.length > 0) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      diagnostics.push(diag('YAMLSyntax', String(err instanceof Error ? err.message : err), 1, 1));
      return;
    }
    if (value === null || value === undefined) return;
    const start = lines.linePos(doc.range[0]).line;
    if (typeof value !== 'object' || Array.isArray(value)) {
      diagnostics.push(
        diag(
          'YAMLSyntax',
          `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`,
          start,
          1,
        ),
      );
      return;
    }
    docs.push({ index, obj: value as Record<string, unknown>, doc, line: start });
  });
  return { docs, diagnostics, lines };
}

function diag(type: string, message: string, line: number, column: number): Diagnostic {
  return { severity: 'error', kind: '', name: '', field: '', type, message, line, column };
}
