// Object metadata, labels, annotations and label selectors (apimachinery api/validation/objectmeta.go
// and apis/meta/v1/validation). Map keys are visited in sorted order for deterministic output (Go
// visits them in random order).
import type { FieldError } from './fieldErrors';
import { GoStruct, forbidden, invalid, required, tooLong } from './fieldErrors';
import type { NameValidator } from './names';
import { byteLength, isDNS1123Label, isQualifiedName, isValidLabelValue } from './names';
import type { Obj } from './obj';
import { arr, deepEqual, num, rec, str, strMap } from './obj';

/** `IsNegativeErrorMsg`. */
export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
/** `FieldImmutableErrorMsg`. */
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';

/** ValidateNonnegativeField. */
export function validateNonnegative(value: number, field: string): FieldError[] {
  return value < 0 ? [invalid(field, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** ValidateImmutableField: `field is immutable`, rendering the new value. */
export function validateImmutable(
  newVal: unknown,
  oldVal: unknown,
  field: string,
  render: unknown = newVal,
): FieldError[] {
  return deepEqual(newVal, oldVal) ? [] : [invalid(field, render, FIELD_IMMUTABLE_ERROR_MSG)];
}

/** ValidateLabelName: a qualified name. */
export function validateLabelName(name: string, field: string): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(field, name, m));
}

/** ValidateLabels: every key a qualified name, every value a label value (errors on the map). */
export function validateLabels(
  labels: Record<string, string> | undefined,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    const v = labels?.[k] ?? '';
    errs.push(...validateLabelName(k, field));
    errs.push(...isValidLabelValue(v).map((m) => invalid(field, v, m)));
  }
  return errs;
}

/** ValidateAnnotations: case-insensitive qualified names, 256 KiB in total. */
export function validateAnnotations(
  annotations: Record<string, string> | undefined,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of Object.keys(annotations ?? {}).sort()) {
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(field, k, m)));
    total += byteLength(k) + byteLength(annotations?.[k] ?? '');
  }
  if (total > 256 * 1024) errs.push(tooLong(field, 256 * 1024));
  return errs;
}

/** Options for ValidateObjectMeta. */
export interface ObjectMetaOptions {
  namespaced: boolean;
  nameFn: NameValidator;
}

/** ValidateObjectMeta on create (name generation already done). */
export function validateObjectMeta(
  meta: Obj | undefined,
  opts: ObjectMetaOptions,
  path = 'metadata',
): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(meta?.['name']);
  const generateName = str(meta?.['generateName']);
  if (generateName) {
    const masked = generateName.endsWith('-') ? generateName.slice(0, -1) + 'a' : generateName;
    errs.push(...opts.nameFn(masked).map((m) => invalid(`${path}.generateName`, generateName, m)));
  }
  if (!name) {
    if (!generateName) errs.push(required(`${path}.name`, 'name or generateName is required'));
  } else {
    errs.push(...opts.nameFn(name).map((m) => invalid(`${path}.name`, name, m)));
  }
  const namespace = str(meta?.['namespace']);
  if (opts.namespaced) {
    if (!namespace) errs.push(required(`${path}.namespace`));
    else
      errs.push(
        ...validateNamespaceName(namespace).map((m) => invalid(`${path}.namespace`, namespace, m)),
      );
  } else if (namespace) {
    errs.push(forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  errs.push(...validateNonnegative(num(meta?.['generation']), `${path}.generation`));
  errs.push(...validateLabels(strMap(meta?.['labels']), `${path}.labels`));
  errs.push(...validateAnnotations(strMap(meta?.['annotations']), `${path}.annotations`));
  for (const f of arr(meta?.['finalizers'])) {
    errs.push(...isQualifiedName(str(f)).map((m) => invalid(`${path}.finalizers`, str(f), m)));
  }
  return errs;
}

/** ValidateObjectMetaUpdate: identity fields may not change (resourceVersion is carried by apply). */
export function validateObjectMetaUpdate(
  meta: Obj | undefined,
  old: Obj | undefined,
  path = 'metadata',
): FieldError[] {
  const errs: FieldError[] = [];
  if (num(meta?.['generation']) < num(old?.['generation'])) {
    errs.push(invalid(`${path}.generation`, num(meta?.['generation']), 'must not be decremented'));
  }
  for (const f of ['name', 'namespace', 'uid', 'creationTimestamp']) {
    errs.push(...validateImmutable(str(meta?.[f]), str(old?.[f]), `${path}.${f}`));
  }
  errs.push(...validateLabels(strMap(meta?.['labels']), `${path}.labels`));
  errs.push(...validateAnnotations(strMap(meta?.['annotations']), `${path}.annotations`));
  return errs;
}

/** ValidateNamespaceName: a DNS-1123 label. */
export const validateNamespaceName: NameValidator = isDNS1123Label;

const SELECTOR_OPS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** ValidateLabelSelector: matchLabels and matchExpressions. */
export function validateLabelSelector(sel: Obj | undefined, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(strMap(sel['matchLabels']), `${path}.matchLabels`);
  for (const [i, e] of arr(sel['matchExpressions']).entries()) {
    const expr = rec(e) ?? {};
    const p = `${path}.matchExpressions[${i}]`;
    const op = str(expr['operator']);
    const values = arr(expr['values']);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) {
        errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      }
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) {
        errs.push(
          forbidden(
            `${p}.values`,
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
    } else {
      errs.push(invalid(`${p}.operator`, op, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(str(expr['key']), `${p}.key`));
  }
  return errs;
}

/** A parsed selector: `matches(labels)`, and whether it selects everything. */
export interface LabelMatcher {
  empty: boolean;
  matches: (labels: Record<string, string>) => boolean;
}

/** metav1.LabelSelectorAsSelector: null when the selector cannot be parsed. */
export function labelSelectorAsSelector(sel: Obj | undefined): LabelMatcher | null {
  if (!sel) return { empty: false, matches: () => false };
  const reqs: Array<(l: Record<string, string>) => boolean> = [];
  const matchLabels = strMap(sel['matchLabels']) ?? {};
  for (const k of Object.keys(matchLabels).sort()) {
    const v = matchLabels[k] ?? '';
    if (isQualifiedName(k).length > 0 || isValidLabelValue(v).length > 0) return null;
    reqs.push((l) => l[k] === v);
  }
  for (const e of arr(sel['matchExpressions'])) {
    const expr = rec(e) ?? {};
    const key = str(expr['key']);
    const op = str(expr['operator']);
    const values = arr(expr['values']).map(str);
    if (!SELECTOR_OPS.includes(op) || isQualifiedName(key).length > 0) return null;
    if ((op === 'In' || op === 'NotIn') && values.length === 0) return null;
    if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) return null;
    if (values.some((v) => isValidLabelValue(v).length > 0)) return null;
    if (op === 'In') reqs.push((l) => key in l && values.includes(l[key] ?? ''));
    if (op === 'NotIn') reqs.push((l) => !(key in l) || !values.includes(l[key] ?? ''));
    if (op === 'Exists') reqs.push((l) => key in l);
    if (op === 'DoesNotExist') reqs.push((l) => !(key in l));
  }
  return { empty: reqs.length === 0, matches: (l) => reqs.every((r) => r(l)) };
}

/** A metav1.LabelSelector as encoding/json renders it (omitempty on both fields). */
export function labelSelectorValue(sel: Obj | undefined): unknown {
  if (!sel) return null;
  const fields: Array<readonly [string, unknown]> = [];
  const ml = strMap(sel['matchLabels']);
  if (ml && Object.keys(ml).length > 0) fields.push(['matchLabels', ml]);
  const me = arr(sel['matchExpressions']);
  if (me.length > 0) {
    fields.push([
      'matchExpressions',
      me.map((e) => {
        const r = rec(e) ?? {};
        const f: Array<readonly [string, unknown]> = [
          ['key', str(r['key'])],
          ['operator', str(r['operator'])],
        ];
        const vals = arr(r['values']).map(str);
        if (vals.length > 0) f.push(['values', vals]);
        return new GoStruct(f);
      }),
    ]);
  }
  return new GoStruct(fields);
}
