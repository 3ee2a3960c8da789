// Puts a solution's manifests into the editor's text: documents for the same object (kind,
// namespace, name) are replaced, new ones appended, everything else kept as the user wrote it.
// Teacher mode applies the result, so the editor shows the fix in context.
import { parse } from 'yaml';

/** The documents of a multi-document YAML text, split on `---` lines (text kept verbatim). */
export function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let cur: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^---\s*$/.test(line)) {
      docs.push(cur.join('\n'));
      cur = [];
    } else cur.push(line);
  }
  docs.push(cur.join('\n'));
  return docs
    .map((d) => d.replace(/^\n+|\n+$/g, ''))
    .filter((d) => d.trim() !== '' && !/^(\s*#.*\n?)*\s*$/.test(d));
}

/** `Kind/namespace/name` of a document, or null when it names no object. */
export function objectId(doc: string): string | null {
  let o: unknown;
  try {
    o = parse(doc);
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null) return null;
  const r = o as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  if (typeof r.kind !== 'string' || typeof r.metadata?.name !== 'string') return null;
  const ns = typeof r.metadata.namespace === 'string' ? r.metadata.namespace : 'default';
  return `${r.kind}/${ns}/${r.metadata.name}`;
}

/** The editor text with `patch`'s documents merged in. */
export function mergeManifests(editor: string, patch: string): string {
  const docs = splitDocuments(editor);
  const ids = docs.map(objectId);
  for (const p of splitDocuments(patch)) {
    const id = objectId(p);
    const at = id === null ? -1 : ids.indexOf(id);
    if (at >= 0) docs[at] = p;
    else {
      docs.push(p);
      ids.push(id);
    }
  }
  return docs.join('\n---\n') + '\n';
}
