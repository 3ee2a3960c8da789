// Small formatting rules shared by tables and describe: label selectors as labels.Selector.String()
// prints them, container names/images cells, and `<none>`-style fallbacks.
import type { Container, LabelSelector } from '../../api/types';

/** metav1.LabelSelectorAsSelector(sel).String(): requirements sorted by key, `k=v`, `k in (a,b)`. */
export function selectorString(sel: LabelSelector | undefined): string {
  if (!sel) return '';
  const reqs: [string, string][] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push([k, `${k}=${v}`]);
  for (const r of sel.matchExpressions ?? []) {
    const values = [...(r.values ?? [])].sort().join(',');
    const text =
      r.operator === 'In'
        ? `${r.key} in (${values})`
        : r.operator === 'NotIn'
          ? `${r.key} notin (${values})`
          : r.operator === 'Exists'
            ? r.key
            : `!${r.key}`;
    reqs.push([r.key, text]);
  }
  return reqs
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, t]) => t)
    .join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  return selectorString(sel) || '<none>';
}

/** layoutContainerCells: names and images, comma-joined. */
export function containerCells(containers: Container[]): [string, string] {
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

/** The text or `<none>` when empty. */
export function orNone(s: string | undefined): string {
  return s ? s : '<none>';
}

/** A string compare for sorting, byte order like Go's `<`. */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
