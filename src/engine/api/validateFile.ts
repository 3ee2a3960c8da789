// `validate` (DESIGN.md §4): the documents of a file are dry-run applied in order to an empty
// cluster, so a later document that changes an earlier one is validated as an update, and
// allocations (node ports, cluster IPs) are checked.
import type { Cluster } from '../cluster';
import { applyManifests } from './apply';
import type { Diagnostic } from './manifests';
import { parseManifests } from './manifests';

/** What `validate` reports. */
export interface ValidationReport {
  valid: boolean;
  diagnostics: Diagnostic[];
  /** kubectl's output lines for the valid documents. */
  output: string[];
  /** kubectl's error text for the invalid ones. */
  errorText: string;
}

/** Validates every document of `text` against `c` (an empty cluster), applying valid ones in order. */
export function validateFile(c: Cluster, text: string, source: string): ValidationReport {
  const parsed = parseManifests(text);
  if (parsed.diagnostics.length > 0) {
    const first = parsed.diagnostics[0];
    return {
      valid: false,
      diagnostics: parsed.diagnostics,
      output: [],
      errorText: `error: error parsing ${source}: ${first?.message ?? ''}`,
    };
  }
  const diagnostics: Diagnostic[] = [];
  const output: string[] = [];
  const errors: string[] = [];
  for (const doc of parsed.docs) {
    // Each document is applied on its own; blank lines in front keep the whole file's line numbers.
    const [start, , end] = doc.doc.range ?? [0, 0, text.length];
    const piece = '\n'.repeat(doc.line - 1) + text.slice(start, end);
    const r = applyManifests(c, piece, { source });
    diagnostics.push(...r.diagnostics);
    if (r.ok) output.push(...r.output.map((l) => `${l} (server dry run)`));
    else errors.push(r.errorText);
  }
  return {
    valid: diagnostics.every((d) => d.severity !== 'error'),
    diagnostics,
    output,
    errorText: errors.join('\n'),
  };
}
