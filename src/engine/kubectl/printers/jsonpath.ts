// `-o jsonpath=…` — the subset of kubectl's JSONPath templates tutorials use: literal text,
// `{.a.b[0].c}`, `[*]` wildcards, `{range …}…{end}`, quoted literals like `{"\n"}`, and `..name`
// recursive descent. Several results of one expression are joined by spaces, as kubectl does.

type Node = { text: string } | { expr: string } | { range: string; body: Node[] };

function tokenize(tpl: string): Node[] | { error: string } {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf('{', i);
    const cur = stack[stack.length - 1] as Node[];
    if (open < 0) {
      cur.push({ text: tpl.slice(i) });
      break;
    }
    if (open > i) cur.push({ text: tpl.slice(i, open) });
    const close = tpl.indexOf('}', open);
    if (close < 0) return { error: 'unclosed action' };
    const inner = tpl.slice(open + 1, close).trim();
    i = close + 1;
    if (inner.startsWith('range ')) {
      const node: Node = { range: inner.slice(6).trim(), body: [] };
      cur.push(node);
      stack.push(node.body);
    } else if (inner === 'end') {
      if (stack.length === 1) return { error: 'not in range' };
      stack.pop();
    } else if (/^".*"$/.test(inner) || /^'.*'$/.test(inner)) {
      cur.push({ text: inner.slice(1, -1).replace(/\\n/g, '\n').replace(/\\t/g, '\t') });
    } else cur.push({ expr: inner });
  }
  return root;
}

function evaluate(expr: string, data: unknown, root: unknown): unknown[] {
  let cur: unknown[] = [expr.startsWith('$') ? root : data];
  const path = expr.replace(/^\$/, '').replace(/^@/, '');
  const re = /\.\.([A-Za-z0-9_-]+)|\.([A-Za-z0-9_-]+)|\[(\*|-?\d+|'[^']*'|"[^"]*")\]|\.\*/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < path.length && (m = re.exec(path)) !== null) {
    pos = re.lastIndex;
    const next: unknown[] = [];
    for (const v of cur) {
      if (m[1] !== undefined) collect(v, m[1], next);
      else if (m[2] !== undefined || (m[3] && /^['"]/.test(m[3]))) {
        const key = m[2] ?? (m[3] as string).slice(1, -1);
        if (v && typeof v === 'object' && !Array.isArray(v) && key in v)
          next.push((v as Record<string, unknown>)[key]);
      } else if (m[3] === '*' || m[0] === '.*') {
        if (Array.isArray(v)) next.push(...v);
        else if (v && typeof v === 'object') next.push(...Object.values(v));
      } else if (m[3] !== undefined && Array.isArray(v)) {
        const n = Number(m[3]);
        const item = v[n < 0 ? v.length + n : n];
        if (item !== undefined) next.push(item);
      }
    }
    cur = next;
  }
  return cur;
}

function collect(v: unknown, key: string, out: unknown[]): void {
  if (Array.isArray(v)) for (const x of v) collect(x, key, out);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (key in o) out.push(o[key]);
    for (const x of Object.values(o)) collect(x, key, out);
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function run(nodes: Node[], data: unknown, root: unknown): string {
  let out = '';
  for (const n of nodes) {
    if ('text' in n) out += n.text;
    else if ('expr' in n) out += evaluate(n.expr, data, root).map(show).join(' ');
    else for (const item of evaluate(n.range, data, root)) out += run(n.body, item, root);
  }
  return out;
}

/** Runs a template against an object (or a List); returns kubectl's error text on bad input. */
export function jsonpath(template: string, data: unknown): { text: string } | { error: string } {
  const nodes = tokenize(template);
  if ('error' in nodes)
    return { error: `error: error parsing jsonpath ${template}, ${nodes.error}` };
  return { text: run(nodes, data, data) };
}
