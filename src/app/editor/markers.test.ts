// Engine diagnostics become Monaco markers at their line and column, in the API server's words.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../engine/index';
import { liveDiagnostics, SEVERITY, toMarkers, type LineSource } from './markers';

/** A text model stand-in over plain text (Monaco columns are 1-based, max = length + 1). */
function model(text: string): LineSource {
  const lines = text.split('\n');
  const at = (n: number) => lines[n - 1] ?? '';
  return {
    getLineCount: () => lines.length,
    getLineMaxColumn: (n) => at(n).length + 1,
    getLineLastNonWhitespaceColumn: (n) => (at(n).trim() ? at(n).trimEnd().length + 1 : 0),
  };
}

const diag = (over: Partial<Diagnostic>): Diagnostic => ({
  severity: 'error',
  kind: 'Service',
  name: 'web',
  field: 'spec.ports[0].port',
  type: 'FieldValueInvalid',
  message: 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
  line: 3,
  column: 7,
  ...over,
});

const TEXT = 'spec:\n  ports:\n    - port: 0   \n';

describe('toMarkers', () => {
  it('underlines from the position to the end of the line content, message untouched', () => {
    expect(toMarkers([diag({})], model(TEXT))).toEqual([
      {
        severity: SEVERITY.error,
        message: 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        source: 'kube-apiserver',
        code: 'FieldValueInvalid',
        startLineNumber: 3,
        startColumn: 7,
        endLineNumber: 3,
        endColumn: 14,
      },
    ]);
  });

  it('clamps positions past the text and names kubectl for YAML it could not read', () => {
    const [m] = toMarkers(
      [diag({ type: 'YAMLSyntax', severity: 'warning', line: 99, column: 40 })],
      model(TEXT),
    );
    expect(m).toMatchObject({
      severity: SEVERITY.warning,
      source: 'kubectl',
      startLineNumber: 4,
      startColumn: 1,
      endColumn: 1,
    });
  });
});

describe('liveDiagnostics', () => {
  it('leaves out what the schema already marks while typing', () => {
    const kept = diag({});
    const found = [
      kept,
      diag({ type: 'UnknownField' }),
      diag({ type: 'TypeMismatch' }),
      diag({ type: 'YAMLSyntax' }),
      diag({ type: 'FieldValueDuplicate' }),
      diag({ type: 'FieldValueNotSupported', field: 'kind' }),
    ];
    expect(liveDiagnostics(found)).toEqual([kept]);
  });
});
