// Admission of one decoded document: strict decoding, defaulting and validation, as the API server
// runs them, turned into typed objects or into kubectl's error text and line-anchored diagnostics.
import type { LineCounter } from 'yaml';
import type { Cluster } from '../cluster';
import type { FieldErrorLike } from './apply';
import type { Diagnostic, ManifestDoc } from './manifests';
import type { KubeObject } from './types';

const KINDS: Record<string, string> = {
  'apps/v1/Deployment': 'Deployment',
  'apps/v1/ReplicaSet': 'ReplicaSet',
  'v1/Pod': 'Pod',
  'v1/Service': 'Service',
  'v1/Namespace': 'Namespace',
  'discovery.k8s.io/v1/EndpointSlice': 'EndpointSlice',
};

const GROUP: Record<string, string> = {
  Deployment: 'apps',
  ReplicaSet: 'apps',
  EndpointSlice: 'discovery.k8s.io',
};

/** Result of admitting one document. */
export interface Admitted {
  obj: KubeObject | null;
  diagnostics: Diagnostic[];
  errorText: string;
}

function positionOf(
  doc: ManifestDoc,
  lines: LineCounter,
  field: string,
): { line: number; column: number } {
  const path = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (let n = path.length; n >= 0; n--) {
    const node = doc.doc.getIn(path.slice(0, n), true) as
      { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: doc.line, column: 1 };
}

export const admission = {
  admit(c: Cluster, doc: ManifestDoc, lines: LineCounter, source: string): Admitted {
    void c;
    const o = doc.obj;
    const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
    const kindText = typeof o.kind === 'string' ? o.kind : '';
    const meta = (o.metadata ?? {}) as Record<string, unknown>;
    const name = typeof meta.name === 'string' ? meta.name : '';
    const kind = KINDS[`${apiVersion}/${kindText}`];
    const diagnostics: Diagnostic[] = [];
    if (!kindText || !apiVersion) {
      const message = `error validating data: [${!apiVersion ? 'apiVersion not set' : ''}${!apiVersion && !kindText ? ', ' : ''}${!kindText ? 'kind not set' : ''}]`;
      diagnostics.push({
        severity: 'error',
        kind: kindText,
        name,
        field: !kindText ? 'kind' : 'apiVersion',
        type: 'FieldValueRequired',
        message,
        line: doc.line,
        column: 1,
      });
      return {
        obj: null,
        diagnostics,
        errorText: `error: error validating "${source}": ${message}; if you choose to ignore these errors, turn validation off with --validate=false`,
      };
    }
    if (!kind) {
      const message = `no matches for kind "${kindText}" in version "${apiVersion}"`;
      const pos = positionOf(doc, lines, 'kind');
      diagnostics.push({
        severity: 'error',
        kind: kindText,
        name,
        field: 'kind',
        type: 'FieldValueNotSupported',
        message,
        ...pos,
      });
      return {
        obj: null,
        diagnostics,
        errorText: `error: resource mapping not found for name: "${name}" namespace: "" from "${source}": ${message}\nensure CRDs are installed first`,
      };
    }
    const errors: FieldErrorLike[] = [];
    if (!name)
      errors.push({
        field: 'metadata.name',
        type: 'FieldValueRequired',
        message: 'metadata.name: Required value: name or generateName is required',
      });
    if (errors.length > 0) {
      for (const e of errors) diagnostics.push(this.diagnosticFor(doc, lines, kind, name, e));
      return {
        obj: null,
        diagnostics,
        errorText: this.invalidText(
          kind,
          GROUP[kind] ?? '',
          name,
          errors.map((e) => e.message),
          source,
          true,
          false,
        ),
      };
    }
    const obj = structuredClone(o) as unknown as KubeObject;
    obj.metadata.namespace =
      kind === 'Namespace' ? undefined : (obj.metadata.namespace ?? 'default');
    if (obj.metadata.namespace === undefined) delete obj.metadata.namespace;
    return { obj: withStatus(obj), diagnostics, errorText: '' };
  },

  diagnosticFor(
    doc: ManifestDoc,
    lines: LineCounter,
    kind: string,
    name: string,
    e: FieldErrorLike,
  ): Diagnostic {
    return {
      severity: 'error',
      kind,
      name,
      field: e.field,
      type: e.type,
      message: e.message,
      ...positionOf(doc, lines, e.field),
    };
  },

  /** kubectl's text for an Invalid status (reference H.1). */
  invalidText(
    kind: string,
    group: string,
    name: string,
    messages: string[],
    source: string,
    creating: boolean,
    several: boolean,
  ): string {
    const qualified = group ? `${kind}.${group}` : kind;
    const body = messages.length === 1 ? (messages[0] ?? '') : `[${messages.join(', ')}]`;
    if (several)
      return `Error from server (Invalid): error when ${creating ? 'creating' : 'applying patch'} "${source}": ${qualified} "${name}" is invalid: ${body}`;
    if (messages.length === 1) return `The ${kind} "${name}" is invalid: ${body}`;
    return `The ${kind} "${name}" is invalid: \n${messages.map((m) => `* ${m}`).join('\n')}`;
  },
};

function withStatus(obj: KubeObject): KubeObject {
  const o = obj as { kind: string; status?: unknown; spec?: Record<string, unknown> };
  if (o.kind === 'Service') {
    o.status = { loadBalancer: {} };
    const spec = (o.spec ??= {});
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    if (Array.isArray(spec.ports)) {
      for (const p of spec.ports as Record<string, unknown>[]) {
        p.protocol ??= 'TCP';
        p.targetPort ??= p.port;
      }
    }
    if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer')
      spec.externalTrafficPolicy ??= 'Cluster';
  }
  if (o.kind === 'Deployment') {
    o.status = {};
    const spec = (o.spec ??= {});
    spec.replicas ??= 1;
    spec.strategy ??= {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    };
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
  }
  if (o.kind === 'Pod') o.status = { phase: 'Pending', conditions: [] };
  if (o.kind === 'ReplicaSet') o.status = { replicas: 0 };
  if (o.kind === 'Namespace') o.status = { phase: 'Active' };
  if (o.kind === 'EndpointSlice') (o as unknown as { endpoints?: unknown[] }).endpoints ??= [];
  return obj;
}
