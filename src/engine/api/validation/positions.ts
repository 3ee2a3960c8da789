// Maps API field paths (`spec.ports[0].port`) to 1-based line/column in the YAML source, using the
// `yaml` package's Document AST and LineCounter. A missing field resolves to its closest existing
// parent (for a Required field: the parent's key). It never validates.
import type { Document, LineCounter, Node, Pair } from 'yaml';
import { isMap, isScalar, isSeq, parseAllDocuments, LineCounter as Counter } from 'yaml';
import type { FieldError } from './fieldErrors';

/** A 1-based source position. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** The parsed documents of one multi-document YAML source, sharing one LineCounter. */
export interface ParsedSource {
  docs: Document.Parsed[];
  lineCounter: LineCounter;
}

/** Parses a (multi-document) YAML source keeping duplicate keys (they are reported separately). */
export function parseSource(source: string): ParsedSource {
  const lineCounter = new Counter();
  const docs = parseAllDocuments(source, { lineCounter, uniqueKeys: false, prettyErrors: false });
  return { docs: Array.isArray(docs) ? docs : [], lineCounter };
}

/** A path segment: a field name or an index/key in brackets. */
type Segment = { name: string } | { bracket: string };

/** Splits `spec.ports[0].port` / `metadata.annotations[example.com/a]` into segments. */
export function parseFieldPath(path: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      i++;
    } else if (ch === '[') {
      const end = path.indexOf(']', i);
      const stop = end < 0 ? path.length : end;
      out.push({ bracket: path.slice(i + 1, stop) });
      i = stop + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      out.push({ name: path.slice(i, j) });
      i = j;
    }
  }
  return withAliases(out);
}

/** `<template>.labels` is validated under that name but written under `metadata`. */
function withAliases(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  segs.forEach((s, i) => {
    const prev = segs[i - 1];
    if (
      'name' in s &&
      (s.name === 'labels' || s.name === 'annotations') &&
      prev &&
      'name' in prev &&
      prev.name === 'template'
    ) {
      out.push({ name: 'metadata' });
    }
    out.push(s);
  });
  return out;
}

function findPair(map: Node, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  const items = map.items as Array<Pair<unknown, unknown>>;
  const keyOf = (p: Pair<unknown, unknown>): string =>
    isScalar(p.key) ? String(p.key.value) : String(p.key);
  let found: Pair<unknown, unknown> | undefined;
  for (const p of items) if (keyOf(p) === key) found = p;
  if (!found) for (const p of items) if (keyOf(p).toLowerCase() === key.toLowerCase()) found = p;
  if (!found && key === 'clusterIPs') found = findPair(map, 'clusterIP');
  return found;
}

function startOf(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}

/** Walks the path; returns the offset of the deepest node found and the node itself. */
function resolve(
  doc: Document,
  path: string,
): { offset: number; node: unknown; complete: boolean } {
  let node: unknown = doc.contents;
  let offset = startOf(node) ?? 0;
  for (const seg of parseFieldPath(path)) {
    if ('name' in seg) {
      const pair = findPair(node as Node, seg.name);
      if (!pair) return { offset, node, complete: false };
      offset = startOf(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg.bracket)];
      if (item === undefined) return { offset, node, complete: false };
      offset = startOf(item) ?? offset;
      node = item;
    } else {
      const pair = findPair(node as Node, seg.bracket);
      if (!pair) return { offset, node, complete: false };
      offset = startOf(pair.key) ?? offset;
      node = pair.value;
    }
  }
  return { offset, node, complete: true };
}

function toPosition(lc: LineCounter, offset: number): SourcePosition {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

/** locateField(doc, lineCounter, path): where `path` is written, or its closest existing parent. */
export function locateField(doc: Document, lineCounter: LineCounter, path: string): SourcePosition {
  return toPosition(lineCounter, resolve(doc, path).offset);
}

/**
 * locateFieldError(doc, lineCounter, error): like locateField, but an error on a whole map
 * (`metadata.labels`, `spec.selector`) points at the offending key or value when it can.
 */
export function locateFieldError(
  doc: Document,
  lineCounter: LineCounter,
  err: FieldError,
): SourcePosition {
  const r = resolve(doc, err.field);
  if (r.complete && isMap(r.node) && typeof err.badValue === 'string' && err.badValue !== '') {
    for (const p of r.node.items as Array<Pair<unknown, unknown>>) {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      const v = isScalar(p.value) ? String(p.value.value) : undefined;
      if (k === err.badValue) return toPosition(lineCounter, startOf(p.key) ?? r.offset);
      if (v === err.badValue) return toPosition(lineCounter, startOf(p.value) ?? r.offset);
    }
  }
  return toPosition(lineCounter, r.offset);
}
