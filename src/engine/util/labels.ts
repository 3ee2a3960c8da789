// Label selectors: matching, parsing kubectl's `-l` syntax, and printing like labels.FormatLabels.
import type { LabelSelector, StringMap } from '../api/types';

/** True when every key=value of an equality selector (a Service's spec.selector) is on the labels. */
export function matchesMap(selector: StringMap, labels: StringMap | undefined): boolean {
  for (const k in selector) {
    if (labels?.[k] !== selector[k]) return false;
  }
  return true;
}

/** True when the labels satisfy a full LabelSelector (matchLabels and matchExpressions). */
export function matchesSelector(selector: LabelSelector, labels: StringMap | undefined): boolean {
  if (selector.matchLabels && !matchesMap(selector.matchLabels, labels)) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, req.key);
    const v = labels?.[req.key];
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(v ?? '')) return false;
        break;
      case 'NotIn':
        if (has && values.includes(v ?? '')) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Parses kubectl's selector syntax: `app=web,tier!=db,env in (a,b),!legacy,release`. */
export function parseSelector(text: string): LabelSelector | { error: string } {
  const sel: LabelSelector = { matchLabels: {}, matchExpressions: [] };
  const parts = splitTopLevel(text.trim());
  for (const raw of parts) {
    const p = raw.trim();
    if (!p) return { error: `unable to parse requirement: found '', expected: identifier` };
    let m: RegExpMatchArray | null;
    if ((m = p.match(/^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/))) {
      const [, key = '', op, value = ''] = m;
      if (op === '!=') sel.matchExpressions?.push({ key, operator: 'NotIn', values: [value] });
      else if (sel.matchLabels) sel.matchLabels[key] = value;
    } else if ((m = p.match(/^([\w./-]+)\s+(in|notin)\s*\(([^)]*)\)$/))) {
      const [, key = '', op, vals = ''] = m;
      const values = vals.split(',').map((v) => v.trim());
      sel.matchExpressions?.push({ key, operator: op === 'in' ? 'In' : 'NotIn', values });
    } else if ((m = p.match(/^!([\w./-]+)$/))) {
      sel.matchExpressions?.push({ key: m[1] ?? '', operator: 'DoesNotExist' });
    } else if ((m = p.match(/^([\w./-]+)$/))) {
      sel.matchExpressions?.push({ key: m[1] ?? '', operator: 'Exists' });
    } else {
      return { error: `unable to parse requirement: ${p}` };
    }
  }
  return sel;
}

function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Formats labels as kubectl does (`app=web,tier=be`, sorted by key), `<none>` when empty. */
export function formatLabels(labels: StringMap | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}
