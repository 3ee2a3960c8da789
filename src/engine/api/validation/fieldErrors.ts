// Field errors as the API server builds them (apimachinery pkg/util/validation/field/errors.go)
// and their exact text. It never decides whether a value is valid.
//
// Value rendering follows Kubernetes 1.34+ (apimachinery "Nicer value rendering in API errors"):
// ints, floats and bools print plain (%v), strings with Go %q quoting, and everything else
// (maps, slices, structs, pointers) as Go encoding/json output: `{"app":"web"}`, `["10.96.0.5"]`.
// Up to 1.33 composite values printed with %#v (`map[string]string{"app":"web"}`); we do not
// reproduce that older form.
import { GoStruct, goJSON, goQuote } from './goFormat';

/** The field.ErrorType values kubeplay reports (their Go string constants). */
export type FieldErrorType =
  | 'FieldValueInvalid'
  | 'FieldValueRequired'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueNotFound';

/**
 * One field-level validation error, like apimachinery's field.Error: `field` is the path
 * (`spec.ports[0].port`), `badValue` the offending value (omitted for types that never print it),
 * `detail` the explanation.
 */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue?: unknown;
  detail?: string;
}

const TYPE_WORDS: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
};

/** The bad value as ErrorBody prints it: %v for numbers and bools, %q for strings, else JSON. */
export function renderBadValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return goQuote(value);
  return goJSON(value);
}

/** `ErrorBody()`: the error text without the field path. */
export function errorBody(e: FieldError): string {
  const word = TYPE_WORDS[e.type];
  let s: string;
  switch (e.type) {
    case 'FieldValueRequired':
    case 'FieldValueForbidden':
    case 'FieldValueTooLong':
      s = word;
      break;
    default:
      s =
        e.type === 'FieldValueTooMany' && e.badValue === undefined
          ? word
          : `${word}: ${renderBadValue(e.badValue)}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** `Error()`: `"<field>: <body>"`, exactly as the API server words it. */
export function errorText(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** field.Invalid: a malformed value. */
export function invalid(field: string, badValue: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, badValue, detail };
}

/** field.Required: a missing value; `detail` may be empty. */
export function required(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, badValue: '', detail };
}

/** field.NotSupported: `supported values: "A", "B"` in the order given (callers sort sets). */
export function notSupported(field: string, badValue: unknown, supported: string[]): FieldError {
  const detail =
    supported.length > 0 ? 'supported values: ' + supported.map(goQuote).join(', ') : '';
  return { type: 'FieldValueNotSupported', field, badValue, detail };
}

/** field.NotSupported over a Go set: the supported values are sorted like sets.List. */
export function notSupportedSorted(field: string, badValue: unknown, set: string[]): FieldError {
  return notSupported(field, badValue, [...set].sort());
}

/** field.Duplicate: a value that must be unique. */
export function duplicate(field: string, badValue: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, badValue };
}

/** field.NotFound: a referenced value that does not exist. */
export function notFound(field: string, badValue: unknown): FieldError {
  return { type: 'FieldValueNotFound', field, badValue };
}

/** field.Forbidden: valid in form but not allowed here. */
export function forbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, badValue: '', detail };
}

/** field.TooLong: `may not be more than N bytes` (the value is never printed). */
export function tooLong(field: string, maxLength: number): FieldError {
  const detail =
    maxLength >= 0
      ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}`
      : 'value is too long';
  return { type: 'FieldValueTooLong', field, badValue: '<value omitted>', detail };
}

/** field.TooMany: `must have at most N items`; a negative `actual` omits the value. */
export function tooMany(field: string, actual: number, max: number): FieldError {
  const detail =
    max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items';
  return { type: 'FieldValueTooMany', field, badValue: actual >= 0 ? actual : undefined, detail };
}

/** A Go struct bad value (fields in declaration order), re-exported for validators. */
export { GoStruct };
