// Engine diagnostics (the API server's and kubectl's own words, with 1-based line and column) as
// Monaco marker data. Pure: no Monaco import, so it is unit-tested in Node and stays out of the
// lazy chunk's way. Never rewords a message.
import type { Diagnostic } from '../../engine/index';

/** Monaco's MarkerSeverity values (monaco.MarkerSeverity.Warning / .Error). */
export const SEVERITY = { warning: 4, error: 8 } as const;

/** The subset of Monaco's IMarkerData this module fills in. */
export interface MarkerData {
  severity: number;
  message: string;
  source: string;
  code: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** What the marker code needs from a text model. */
export interface LineSource {
  getLineCount(): number;
  getLineMaxColumn(line: number): number;
  getLineLastNonWhitespaceColumn(line: number): number;
}

/**
 * Problems the schema in the editor already squiggles while typing (unknown fields, wrong types,
 * YAML syntax, duplicate keys). A live dry run leaves them out so a mistake is marked once; an
 * apply shows them all, since that is what kubectl said.
 */
export const SCHEMA_COVERED_TYPES: ReadonlySet<string> = new Set([
  'YAMLSyntax',
  'UnknownField',
  'TypeMismatch',
  'FieldValueDuplicate',
]);

/** Who said it: kubectl for YAML it could not read, the API server for everything else. */
function sourceOf(d: Diagnostic): string {
  return d.type === 'YAMLSyntax' ? 'kubectl' : 'kube-apiserver';
}

/**
 * One marker per diagnostic, from its position to the end of that line's content (so `port: 0`
 * is underlined as a whole), clamped to the model.
 */
export function toMarkers(diagnostics: readonly Diagnostic[], model: LineSource): MarkerData[] {
  const lines = model.getLineCount();
  return diagnostics.map((d) => {
    const line = Math.min(Math.max(1, d.line || 1), lines);
    const maxColumn = model.getLineMaxColumn(line);
    const column = Math.min(Math.max(1, d.column || 1), maxColumn);
    const contentEnd = model.getLineLastNonWhitespaceColumn(line);
    const endColumn = contentEnd > column ? contentEnd : Math.min(column + 1, maxColumn);
    return {
      severity: d.severity === 'error' ? SEVERITY.error : SEVERITY.warning,
      message: d.message,
      source: sourceOf(d),
      code: d.type,
      startLineNumber: line,
      startColumn: column,
      endLineNumber: line,
      endColumn: Math.max(endColumn, column),
    };
  });
}

/**
 * The diagnostics of a live dry run worth a marker: not those in SCHEMA_COVERED_TYPES, and not an
 * unknown kind or apiVersion (the schema lists the known ones there).
 */
export function liveDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter(
    (d) => !SCHEMA_COVERED_TYPES.has(d.type) && d.field !== 'kind' && d.field !== 'apiVersion',
  );
}
