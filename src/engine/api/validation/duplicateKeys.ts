// Duplicate mapping keys in a YAML document, reported the way kubectl's YAML decoder (go-yaml v3)
// rejects them before anything reaches the API server:
//   error: map[string]interface {}(nil): yaml: unmarshal errors:
//     line 8: mapping key "port" already defined at line 7
// Line numbers in the text are relative to the document (kubectl decodes one document at a time;
// line 1 is the first line after its `---`); positions are absolute in the source.
import type { Document, LineCounter, Pair } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import { goQuote } from './goFormat';
import type { SourcePosition } from './positions';

/** One duplicate key: its path, where both copies are, and kubectl's line for it. */
export interface DuplicateKey {
  field: string;
  key: string;
  position: SourcePosition;
  firstPosition: SourcePosition;
  /** e.g. `line 8: mapping key "port" already defined at line 7` (document-relative lines). */
  message: string;
}

/** The 1-based line where a document's own text starts (the line after its `---`). */
function documentFirstLine(doc: Document, lc: LineCounter): number {
  const start = doc.range?.[0] ?? 0;
  const first = lc.linePos(start).line;
  const startsWithMarker = (doc as { directives?: { docStart?: unknown } }).directives?.docStart;
  return startsWithMarker ? first + 1 : first;
}

/** findDuplicateKeys(doc, lineCounter): every later copy of a key already set in the same map. */
export function findDuplicateKeys(doc: Document, lc: LineCounter): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const base = documentFirstLine(doc, lc) - 1;
  const visit = (node: unknown, path: string): void => {
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const p of node.items as Array<Pair<unknown, unknown>>) {
        const key = isScalar(p.key) ? String(p.key.value) : String(p.key);
        const at = (p.key as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
        const sub = path ? `${path}.${key}` : key;
        const first = seen.get(key);
        if (first !== undefined) {
          const pos = lc.linePos(at);
          const fpos = lc.linePos(first);
          out.push({
            field: sub,
            key,
            position: { line: pos.line, column: pos.col },
            firstPosition: { line: fpos.line, column: fpos.col },
            message: `line ${pos.line - base}: mapping key ${goQuote(key)} already defined at line ${fpos.line - base}`,
          });
        } else {
          seen.set(key, at);
        }
        visit(p.value, sub);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, `${path}[${i}]`));
    }
  };
  visit(doc.contents, '');
  return out;
}

/** kubectl's whole error text for a document with duplicate keys (trailing newline included). */
export function duplicateKeysText(dups: DuplicateKey[]): string {
  return `error: map[string]interface {}(nil): yaml: unmarshal errors:\n${dups.map((d) => `  ${d.message}\n`).join('')}`;
}
