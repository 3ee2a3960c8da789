// Strict decoding like `kubectl apply` (fieldValidation=Strict): unknown fields and JSON type
// mismatches, worded as the API server's decoder (sigs.k8s.io/json on Go encoding/json) words them.
// Keys are visited in sorted order because kubectl sends JSON marshalled from a Go map. A type
// mismatch wins over unknown fields (the decoder fails before strict checks are reported), and only
// the first mismatch is reported, like encoding/json. Duplicate keys are a YAML matter: see
// duplicateKeys.ts.
import { KUBE_ROOTS, KUBE_TYPES } from './kubeFields.generated';
import type { KubeFieldType } from './kubeFieldTypes';
import { goStructName, goTypeName } from './kubeFieldTypes';
import { goQuote } from './goFormat';
import { cannotBeHandledMessage } from './messages';

/** What went wrong with one field. */
export type StrictIssueType = 'UnknownField' | 'TypeMismatch';

/**
 * One decoding problem: `field` is the indexed path (`spec.ports[0].targetport`) for positions,
 * `message` the decoder's text for it.
 */
export interface StrictIssue {
  type: StrictIssueType;
  field: string;
  message: string;
}

/** The decoder's verdict: the issues and, when there are any, the full 400 reason text. */
export interface StrictResult {
  issues: StrictIssue[];
  /** e.g. `strict decoding error: unknown field "spec.replica"`; undefined when clean. */
  reason?: string;
}

const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const QUANTITY_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

interface Ctx {
  unknown: StrictIssue[];
  mismatch?: StrictIssue;
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

function mismatch(
  ctx: Ctx,
  field: string,
  struct: string,
  stack: string[],
  value: string,
  goType: string,
): void {
  if (ctx.mismatch) return;
  const where = `Go struct field ${struct}.${stack.join('.')}`;
  ctx.mismatch = {
    type: 'TypeMismatch',
    field,
    message: `json: cannot unmarshal ${value} into ${where} of type ${goType}`,
  };
}

function intOK(v: number, t: string): boolean {
  const [lo, hi] = t === 'int64' ? [-(2 ** 63), 2 ** 63 - 1] : [-(2 ** 31), 2 ** 31 - 1];
  return Number.isInteger(v) && v >= lo && v <= hi;
}

function walk(
  v: unknown,
  t: KubeFieldType,
  path: string,
  struct: string,
  stack: string[],
  ctx: Ctx,
): void {
  if (v === null || v === undefined || t === 'any' || ctx.mismatch) return;
  const kind = jsonKind(v);
  if (t.startsWith('[]')) {
    if (kind !== 'array') return mismatch(ctx, path, struct, stack, kind, goTypeName(t));
    (v as unknown[]).forEach((item, i) =>
      walk(item, t.slice(2), `${path}[${i}]`, struct, stack, ctx),
    );
    return;
  }
  if (t.startsWith('map:')) {
    if (kind !== 'object') return mismatch(ctx, path, struct, stack, kind, goTypeName(t));
    const m = v as Record<string, unknown>;
    for (const k of Object.keys(m).sort())
      walk(m[k], t.slice(4), `${path}[${k}]`, struct, stack, ctx);
    return;
  }
  if (t.startsWith('ref:')) {
    if (kind !== 'object') return mismatch(ctx, path, struct, stack, kind, goTypeName(t));
    walkStruct(v as Record<string, unknown>, t.slice(4), path, stack, ctx);
    return;
  }
  switch (t) {
    case 'string':
    case 'time':
      if (kind !== 'string') mismatch(ctx, path, struct, stack, kind, 'string');
      return;
    case 'bool':
      if (kind !== 'boolean' && kind !== 'bool') mismatch(ctx, path, struct, stack, kind, 'bool');
      return;
    case 'int32':
    case 'int64':
    case 'intOrString':
      if (t === 'intOrString' && kind === 'string') return;
      if (kind !== 'number')
        return mismatch(ctx, path, struct, stack, kind, t === 'int64' ? 'int64' : 'int32');
      if (!intOK(v as number, t))
        mismatch(
          ctx,
          path,
          struct,
          stack,
          `number ${String(v)}`,
          t === 'int64' ? 'int64' : 'int32',
        );
      return;
    case 'quantity':
      if (
        !QUANTITY_RE.test(kind === 'string' ? (v as string).trim() : JSON.stringify(v)) &&
        !ctx.mismatch
      ) {
        ctx.mismatch = { type: 'TypeMismatch', field: path, message: QUANTITY_ERROR };
      }
      return;
  }
}

function walkStruct(
  o: Record<string, unknown>,
  struct: string,
  path: string,
  stack: string[],
  ctx: Ctx,
): void {
  const fields = KUBE_TYPES[struct] ?? {};
  for (const key of Object.keys(o).sort()) {
    const sub = path ? `${path}.${key}` : key;
    const t = fields[key];
    if (t === undefined) {
      ctx.unknown.push({
        type: 'UnknownField',
        field: sub,
        message: `unknown field ${goQuote(sub)}`,
      });
      continue;
    }
    walk(o[key], t, sub, goStructName(struct), [...stack, key], ctx);
  }
}

/** Whether kubeplay knows the kind (`apiVersion/Kind`), i.e. the cluster serves it. */
export function isKnownKind(apiVersion: string, kind: string): boolean {
  return KUBE_ROOTS[`${apiVersion}/${kind}`] !== undefined;
}

/**
 * strictDecode(obj): decode `obj` (a parsed manifest) as its apiVersion/kind under
 * fieldValidation=Strict. Returns null for a kind kubeplay does not serve.
 */
export function strictDecode(obj: Record<string, unknown>): StrictResult | null {
  const apiVersion = typeof obj['apiVersion'] === 'string' ? obj['apiVersion'] : '';
  const kind = typeof obj['kind'] === 'string' ? obj['kind'] : '';
  const root = KUBE_ROOTS[`${apiVersion}/${kind}`];
  if (!root) return null;
  const ctx: Ctx = { unknown: [] };
  walkStruct(obj, root, '', [], ctx);
  if (ctx.mismatch) {
    return { issues: [ctx.mismatch], reason: ctx.mismatch.message };
  }
  if (ctx.unknown.length === 0) return { issues: [] };
  return {
    issues: ctx.unknown,
    reason: `strict decoding error: ${ctx.unknown.map((u) => u.message).join(', ')}`,
  };
}

/**
 * strictDecodeMessage(obj): the whole 400 Status message, e.g. `Service in version "v1" cannot be
 * handled as a Service: strict decoding error: unknown field "spec.ports[0].targetport"`, or
 * undefined when the object decodes cleanly (or its kind is unknown).
 */
export function strictDecodeMessage(obj: Record<string, unknown>): string | undefined {
  const r = strictDecode(obj);
  if (!r?.reason) return undefined;
  return cannotBeHandledMessage(String(obj['kind']), String(obj['apiVersion']), r.reason);
}
