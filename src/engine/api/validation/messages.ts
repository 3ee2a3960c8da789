// Whole-request error texts: the API server's Status messages (apimachinery api/errors NewInvalid,
// util/errors aggregate) and what kubectl prints for them (kubectl cmd/util/helpers.go checkErr,
// MultilineError, AddSourceToErr). It never validates.
import type { FieldError } from './fieldErrors';
import { errorText } from './fieldErrors';
import { goQuote } from './goFormat';

/** `Kind[.group]` as schema.GroupKind.String() prints it. */
export function qualifiedKind(kind: string, group: string): string {
  return group ? `${kind}.${group}` : kind;
}

/** field.ErrorList.ToAggregate().Error(): one message, or `[a, b]` with duplicates dropped. */
export function aggregateText(errors: FieldError[]): string {
  const msgs = [...new Set(errors.map(errorText))];
  return msgs.length === 1 ? (msgs[0] ?? '') : `[${msgs.join(', ')}]`;
}

/**
 * invalidMessage(kind, group, name, errors): the 422 Status message, e.g.
 * `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`.
 */
export function invalidMessage(
  kind: string,
  group: string,
  name: string,
  errors: FieldError[],
): string {
  const head = `${qualifiedKind(kind, group)} ${goQuote(name)} is invalid`;
  return errors.length === 0 ? head : `${head}: ${aggregateText(errors)}`;
}

/**
 * kubectlInvalidText(kind, name, errors): what `kubectl apply/create -f` writes to stderr when one
 * object is invalid, trailing newline included: `The Service "x" is invalid: <error>`, or with
 * several causes the header followed by one `* <error>` line each.
 */
export function kubectlInvalidText(kind: string, name: string, errors: FieldError[]): string {
  const prefix = `The ${kind} ${goQuote(name)} is invalid: `;
  if (errors.length === 0) return `The ${kind} ${goQuote(name)} is invalid\n`;
  if (errors.length === 1) return `${prefix}${errorText(errors[0] as FieldError)}\n`;
  return `${prefix}\n${errors.map((e) => `* ${errorText(e)}\n`).join('')}`;
}

/**
 * kubectlServerErrorText(reason, verb, source, message): the per-object line kubectl prints when
 * several objects of one apply fail, e.g.
 * `Error from server (Invalid): error when creating "app.yaml": Service "x" is invalid: …`.
 */
export function kubectlServerErrorText(
  reason: string,
  verb: string,
  source: string,
  message: string,
): string {
  return `Error from server (${reason}): error when ${verb} ${goQuote(source)}: ${message}\n`;
}

/** The version part of an apiVersion (`apps/v1` → `v1`). */
export function versionOf(apiVersion: string): string {
  return apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
}

/**
 * The 400 message for a body that does not decode:
 * `Service in version "v1" cannot be handled as a Service: <reason>`.
 */
export function cannotBeHandledMessage(kind: string, apiVersion: string, reason: string): string {
  return `${kind} in version ${goQuote(versionOf(apiVersion))} cannot be handled as a ${kind}: ${reason}`;
}

/**
 * kubectl's error for a kind the cluster does not serve (the namespace is the manifest's own,
 * "" when it has none); trailing newline included.
 */
export function noKindMatchText(
  name: string,
  namespace: string,
  source: string,
  kind: string,
  apiVersion: string,
): string {
  return (
    `error: resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} ` +
    `from ${goQuote(source)}: no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}\n` +
    'ensure CRDs are installed first\n'
  );
}

/** The no-match error alone: `no matches for kind "Foo" in version "v1"`. */
export function noKindMatchMessage(kind: string, apiVersion: string): string {
  return `no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}`;
}
