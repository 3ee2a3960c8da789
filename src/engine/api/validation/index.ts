// The API server's admission of one manifest object: dispatch on apiVersion/kind, defaulting,
// request-level preparation (namespace, carried-over allocated values), then the kind's validation.
// Public face of src/engine/api/validation; strict decoding and positions are separate steps.
import { applyDefaults } from '../defaults';
import { validateDeployment, validateReplicaSet } from './apps';
import { validateEndpointSlice } from './endpointSlice';
import type { FieldError } from './fieldErrors';
import { noKindMatchMessage } from './messages';
import { validateNamespace } from './namespace';
import type { Obj } from './obj';
import { arr, clone, rec, recOr, str } from './obj';
import { validatePod } from './podSpec';
import { validateService } from './service';
import { normalizeClusterIPs } from './serviceClusterIPs';

/** A supported kind: its API group, whether it is namespaced, and its validator. */
interface KindInfo {
  group: string;
  namespaced: boolean;
  validate: (obj: Obj, old?: Obj) => FieldError[];
}

const KINDS: Record<string, KindInfo> = {
  'apps/v1/Deployment': { group: 'apps', namespaced: true, validate: validateDeployment },
  'apps/v1/ReplicaSet': { group: 'apps', namespaced: true, validate: validateReplicaSet },
  'v1/Pod': { group: '', namespaced: true, validate: (o) => validatePod(o) },
  'v1/Service': { group: '', namespaced: true, validate: validateService },
  'v1/Namespace': { group: '', namespaced: false, validate: validateNamespace },
  'discovery.k8s.io/v1/EndpointSlice': {
    group: 'discovery.k8s.io',
    namespaced: true,
    validate: validateEndpointSlice,
  },
};

/** The outcome of admitting one object. */
export interface ManifestValidation {
  kind: string;
  /** API group ('' for the core group), for invalidMessage. */
  group: string;
  name: string;
  errors: FieldError[];
  /** The defaulted, prepared object that was validated (undefined for an unknown kind). */
  object?: Obj;
  /** Set for a kind the cluster does not serve: `no matches for kind "Foo" in version "v1"`. */
  noMatch?: string;
}

/** Options: the request's namespace (kubectl's default is "default"). */
export interface ManifestOptions {
  namespace?: string;
}

function carryMetadata(obj: Obj, old: Obj): void {
  const meta = recOr(obj['metadata']);
  obj['metadata'] = meta;
  const oldMeta = recOr(old['metadata']);
  for (const f of ['uid', 'resourceVersion', 'creationTimestamp', 'generation']) {
    if (meta[f] === undefined && oldMeta[f] !== undefined) meta[f] = oldMeta[f];
  }
}

/** patchAllocatedValues (Service REST): keep allocated values the manifest does not restate. */
function patchAllocatedValues(svc: Obj, old: Obj): void {
  const spec = recOr(svc['spec']);
  const oldSpec = recOr(old['spec']);
  const type = str(spec['type']);
  const oldType = str(oldSpec['type']);
  if (type !== 'ExternalName' && oldType !== 'ExternalName') {
    if (!str(spec['clusterIP']) && oldSpec['clusterIP'] !== undefined)
      spec['clusterIP'] = oldSpec['clusterIP'];
    if (arr(spec['clusterIPs']).length === 0 && arr(oldSpec['clusterIPs']).length > 0) {
      spec['clusterIPs'] = [...arr(oldSpec['clusterIPs'])];
    }
    for (const f of ['ipFamilies', 'ipFamilyPolicy']) {
      if (spec[f] === undefined && oldSpec[f] !== undefined) spec[f] = clone(oldSpec[f]);
    }
  }
  const needsNodePort = (t: string): boolean => t === 'NodePort' || t === 'LoadBalancer';
  if (needsNodePort(type) && needsNodePort(oldType)) {
    const ports = arr(spec['ports']).map(recOr);
    const oldPorts = arr(oldSpec['ports']).map(recOr);
    const newUsed = new Set(
      ports.map((p) => p['nodePort']).filter((n) => typeof n === 'number' && n !== 0),
    );
    const used = new Set(oldPorts.map((p) => p['nodePort']).filter((n) => newUsed.has(n)));
    const byName = new Map(oldPorts.map((p) => [str(p['name']), p['nodePort']]));
    for (const p of ports) {
      if (typeof p['nodePort'] === 'number' && p['nodePort'] !== 0) continue;
      const oldVal = byName.get(str(p['name']));
      if (oldVal !== undefined && !used.has(oldVal)) p['nodePort'] = oldVal;
    }
  }
  const needsHC = (s: Obj): boolean =>
    str(s['type']) === 'LoadBalancer' && str(s['externalTrafficPolicy']) === 'Local';
  if (needsHC(spec) && needsHC(oldSpec) && !spec['healthCheckNodePort']) {
    spec['healthCheckNodePort'] = oldSpec['healthCheckNodePort'];
  }
  svc['spec'] = spec;
}

/**
 * prepareManifestObject(obj, old?, opts?): what the API server does before validating: defaults,
 * the request namespace for namespaced kinds, and on update the carried-over system metadata and
 * (for Services) the allocated values plus clusterIP normalization. Returns a new object.
 */
export function prepareManifestObject(obj: Obj, old?: Obj, opts: ManifestOptions = {}): Obj {
  const out = applyDefaults(clone(obj));
  const key = `${str(out['apiVersion'])}/${str(out['kind'])}`;
  const info = KINDS[key];
  if (info?.namespaced) {
    const meta = recOr(out['metadata']);
    if (!str(meta['namespace'])) meta['namespace'] = opts.namespace ?? 'default';
    out['metadata'] = meta;
  }
  if (old) carryMetadata(out, old);
  if (key === 'v1/Service') {
    if (old) patchAllocatedValues(out, old);
    normalizeClusterIPs(out, old);
  }
  return out;
}

/**
 * validateManifestObject(obj, old?, opts?): admits one decoded manifest object like the API
 * server (create, or update when `old`, the stored object, is given) and returns the field errors
 * in the server's order. An unknown apiVersion/kind yields `noMatch` instead.
 */
export function validateManifestObject(
  obj: unknown,
  old?: unknown,
  opts: ManifestOptions = {},
): ManifestValidation {
  const o = rec(obj) ?? {};
  const apiVersion = str(o['apiVersion']);
  const kind = str(o['kind']);
  const name = str(recOr(o['metadata'])['name']);
  const info = KINDS[`${apiVersion}/${kind}`];
  if (!info)
    return { kind, group: '', name, errors: [], noMatch: noKindMatchMessage(kind, apiVersion) };
  // The stored object is already prepared; preparing it again is a no-op that also lets callers
  // pass the previous manifest as written.
  const oldRaw = rec(old);
  const oldObj = oldRaw ? prepareManifestObject(oldRaw, undefined, opts) : undefined;
  const prepared = prepareManifestObject(o, oldObj, opts);
  const errors = info.validate(prepared, oldObj);
  return { kind, group: info.group, name, errors, object: prepared };
}

export { validateDeployment, validateReplicaSet } from './apps';
export { validateEndpointSlice } from './endpointSlice';
export { validateNamespace } from './namespace';
export { validateObjectMeta, validateObjectMetaUpdate, labelSelectorAsSelector } from './meta';
export { validatePod, validatePodSpec, validatePodTemplateSpec } from './podSpec';
export { validateService } from './service';
export { normalizeClusterIPs } from './serviceClusterIPs';
export type { FieldError, FieldErrorType } from './fieldErrors';
export {
  errorBody,
  errorText,
  invalid,
  required,
  notSupported,
  duplicate,
  forbidden,
  tooLong,
  tooMany,
} from './fieldErrors';
export {
  invalidMessage,
  kubectlInvalidText,
  kubectlServerErrorText,
  cannotBeHandledMessage,
  noKindMatchText,
  noKindMatchMessage,
} from './messages';
export type { StrictIssue, StrictResult } from './strict';
export { strictDecode, strictDecodeMessage, isKnownKind } from './strict';
export type { SourcePosition, ParsedSource } from './positions';
export { parseSource, locateField, locateFieldError } from './positions';
export type { DuplicateKey } from './duplicateKeys';
export { findDuplicateKeys, duplicateKeysText } from './duplicateKeys';
export {
  validateNodePortRange,
  nodePortAllocatedError,
  clusterIPNotInRangeError,
  clusterIPAllocatedError,
  DEFAULT_NODE_PORT_RANGE,
} from './allocation';
export type { PortRange } from './allocation';
export { applyDefaults } from '../defaults';
