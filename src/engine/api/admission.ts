// Admission of one decoded document, as the API server runs it: YAML duplicate keys (kubectl's
// decoder), kind lookup, strict decoding, defaulting and validation — producing either a typed
// object or kubectl's error text, with every problem anchored to a line and column.
import type { LineCounter } from 'yaml';
import type { Cluster } from '../cluster';
import { objectKey } from './store';
import type { FieldErrorLike } from './apply';
import type { Diagnostic, ManifestDoc } from './manifests';
import type { KubeObject } from './types';
import { duplicateKeysText, findDuplicateKeys } from './validation/duplicateKeys';
import { errorText, type FieldError } from './validation/fieldErrors';
import { validateManifestObject } from './validation/index';
import {
  cannotBeHandledMessage,
  invalidMessage,
  kubectlInvalidText,
  kubectlServerErrorText,
  noKindMatchText,
} from './validation/messages';
import { locateField, locateFieldError } from './validation/positions';
import { isKnownKind, strictDecode } from './validation/strict';

/** Result of admitting one document. */
export interface Admitted {
  obj: KubeObject | null;
  diagnostics: Diagnostic[];
  /** kubectl's message for this object's failure ('' when admitted). */
  errorText: string;
  /** The message inside a server error line, for multi-object applies. */
  serverError?: { reason: string; verb: string; message: string };
}

/** Admits one document against the cluster's current state (create or update). */
export function admit(c: Cluster, doc: ManifestDoc, lines: LineCounter, source: string): Admitted {
  const o = doc.obj;
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  const kind = typeof o.kind === 'string' ? o.kind : '';
  const meta = (typeof o.metadata === 'object' && o.metadata !== null ? o.metadata : {}) as Record<
    string,
    unknown
  >;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  const at = (field: string) => locateField(doc.doc, lines, field);
  const diag = (field: string, type: string, message: string, pos = at(field)): Diagnostic => ({
    severity: 'error',
    kind,
    name,
    field,
    type,
    message,
    line: pos.line,
    column: pos.column,
  });

  const dups = findDuplicateKeys(doc.doc, lines);
  if (dups.length > 0) {
    const text = duplicateKeysText(dups);
    return {
      obj: null,
      diagnostics: dups.map((d) => diag(d.field, 'FieldValueDuplicate', d.message, d.position)),
      errorText: text.trimEnd(),
    };
  }
  if (!apiVersion || !kind) {
    const missing = [!apiVersion && 'apiVersion not set', !kind && 'kind not set']
      .filter(Boolean)
      .join(', ');
    const message = `error validating data: [${missing}]`;
    return {
      obj: null,
      diagnostics: [
        diag(!apiVersion ? 'apiVersion' : 'kind', 'FieldValueRequired', message, {
          line: doc.line,
          column: 1,
        }),
      ],
      errorText: `error: error validating "${source}": ${message}; if you choose to ignore these errors, turn validation off with --validate=false`,
    };
  }
  if (!isKnownKind(apiVersion, kind)) {
    const text = noKindMatchText(name, namespace, source, kind, apiVersion).trimEnd();
    return {
      obj: null,
      diagnostics: [
        diag(
          'kind',
          'FieldValueNotSupported',
          `no matches for kind "${kind}" in version "${apiVersion}"`,
        ),
      ],
      errorText: text,
    };
  }
  const strict = strictDecode(o);
  if (strict?.reason) {
    const message = cannotBeHandledMessage(kind, apiVersion, strict.reason);
    const verb = 'creating';
    return {
      obj: null,
      diagnostics: strict.issues.map((i) => diag(i.field, i.type, i.message)),
      errorText: kubectlServerErrorText('BadRequest', verb, source, message).trimEnd(),
      serverError: { reason: 'BadRequest', verb, message },
    };
  }
  const ns = kind === 'Namespace' ? undefined : namespace || 'default';
  const old = c.store.get(kind as KubeObject['kind'], objectKey(ns, name));
  const v = validateManifestObject(o, old, { namespace: ns ?? 'default' });
  if (v.errors.length > 0 || !v.object) {
    return {
      obj: null,
      diagnostics: v.errors.map((e) => {
        const pos = locateFieldError(doc.doc, lines, e);
        return diag(e.field, e.type, errorText(e), pos);
      }),
      errorText: kubectlInvalidText(kind, name, v.errors).trimEnd(),
      serverError: {
        reason: 'Invalid',
        verb: old ? 'patching' : 'creating',
        message: invalidMessage(v.kind, v.group, name, v.errors),
      },
    };
  }
  return { obj: withStatus(v.object as unknown as KubeObject), diagnostics: [], errorText: '' };
}

/** A diagnostic for an allocation error found after validation (node ports, cluster IPs). */
export function allocationDiagnostic(
  doc: ManifestDoc,
  lines: LineCounter,
  name: string,
  e: FieldErrorLike,
): Diagnostic {
  const pos = locateField(doc.doc, lines, e.field);
  return {
    severity: 'error',
    kind: 'Service',
    name,
    field: e.field,
    type: e.type,
    message: e.message,
    line: pos.line,
    column: pos.column,
  };
}

/** kubectl's text when several objects of one apply fail, or the single-object form. */
export function combineErrors(failures: Admitted[], source: string): string {
  if (failures.length === 1) return failures[0]?.errorText ?? '';
  return failures
    .map((f) =>
      f.serverError
        ? kubectlServerErrorText(
            f.serverError.reason,
            f.serverError.verb,
            source,
            f.serverError.message,
          ).trimEnd()
        : f.errorText,
    )
    .join('\n');
}

/** The Invalid failure for allocation errors of one Service. */
export function allocationFailure(
  name: string,
  creating: boolean,
  errors: FieldErrorLike[],
): Admitted {
  const fieldErrors = errors.map((e): FieldError => ({
    type: 'FieldValueInvalid',
    field: e.field,
    detail: e.message,
  }));
  const body = errors.map((e) => e.message);
  const text =
    body.length === 1
      ? `The Service "${name}" is invalid: ${body[0] ?? ''}`
      : `The Service "${name}" is invalid: \n${body.map((m) => `* ${m}`).join('\n')}`;
  void fieldErrors;
  return {
    obj: null,
    diagnostics: [],
    errorText: text,
    serverError: {
      reason: 'Invalid',
      verb: creating ? 'creating' : 'patching',
      message: `Service "${name}" is invalid: ${body.length === 1 ? body[0] : `[${body.join(', ')}]`}`,
    },
  };
}

/** Status the API server initializes on create. */
function withStatus(obj: KubeObject): KubeObject {
  const o = obj as { kind: string; status?: unknown };
  if (o.kind === 'Service') o.status = { loadBalancer: {} };
  if (o.kind === 'Deployment') o.status = {};
  if (o.kind === 'Pod') o.status = { phase: 'Pending', conditions: [] };
  if (o.kind === 'ReplicaSet') o.status = { replicas: 0 };
  if (o.kind === 'Namespace') o.status = { phase: 'Active' };
  if (o.kind === 'EndpointSlice') (o as unknown as { endpoints?: unknown[] }).endpoints ??= [];
  return obj;
}
