// `kubectl apply` against the simulated API server: every document is decoded, defaulted and
// validated first; only when all pass is anything written (all or nothing). Then each object is
// created, configured (changed) or left unchanged, and the summary reads like kubectl's. With
// `prune`, objects applied earlier that the text no longer lists are deleted (prune.ts).
import type { Cluster } from '../cluster';
import { replicasLimitText, SIM_LIMITS } from '../limits';
import { canonicalJson } from '../util/hash';
import {
  admit,
  allocationDiagnostic,
  allocationFailure,
  combineErrors,
  type Admitted,
} from './admission';
import { deleteObject } from '../kubectl/gc';
import { parseManifests, type Diagnostic, type ManifestDoc } from './manifests';
import { LAST_APPLIED, pruneCandidates } from './prune';
import { allocateService, reconcileLoadBalancer, releaseService } from './services';
import { objectKey } from './store';
import type { Deployment, KubeObject, Pod, Service } from './types';

/** A field error as the API server reports it. */
export interface FieldErrorLike {
  field: string;
  type: string;
  message: string;
}

/** What an apply did, or why it did nothing. */
export interface ApplyResult {
  ok: boolean;
  /** kubectl's stdout lines, e.g. `service/backend-service created`. */
  output: string[];
  /** kubectl's stderr text when something failed. */
  errorText: string;
  diagnostics: Diagnostic[];
}

const RESOURCE: Record<string, string> = {
  Deployment: 'deployment.apps',
  ReplicaSet: 'replicaset.apps',
  Pod: 'pod',
  Service: 'service',
  EndpointSlice: 'endpointslice.discovery.k8s.io',
  Namespace: 'namespace',
};

interface Planned {
  doc: ManifestDoc;
  obj: KubeObject;
  old: KubeObject | undefined;
}

/** How to apply. */
export interface ApplyOptions {
  /** Check everything, write nothing, and leave the PRNG as it was (nothing later changes). */
  dryRun?: boolean;
  /** The file name kubectl's messages name. */
  source?: string;
  /** `--prune`: delete objects applied before that the text no longer lists (prune.ts). */
  prune?: boolean;
}

const resourceName = (o: KubeObject) =>
  `${RESOURCE[o.kind] ?? o.kind.toLowerCase()}/${o.metadata.name}`;

/** Applies a multi-document manifest text. `dryRun` checks everything and writes nothing. */
export function applyManifests(c: Cluster, text: string, opts: ApplyOptions = {}): ApplyResult {
  const source = opts.source ?? 'manifests.yaml';
  const parsed = parseManifests(text);
  const diagnostics = [...parsed.diagnostics];
  const errors: string[] = [];
  if (diagnostics.length > 0) {
    errors.push(`error: error parsing ${source}: ${diagnostics[0]?.message ?? ''}`);
    return { ok: false, output: [], errorText: errors.join('\n'), diagnostics };
  }
  const planned: Planned[] = [];
  const failures: Admitted[] = [];
  for (const doc of parsed.docs) {
    const res = admit(c, doc, parsed.lines, source);
    diagnostics.push(...res.diagnostics);
    if (res.obj) {
      const key = objectKey(res.obj.metadata.namespace, res.obj.metadata.name);
      planned.push({ doc, obj: res.obj, old: c.store.get(res.obj.kind, key) });
    } else failures.push(res);
  }
  for (const p of planned) {
    const replicas =
      (p.obj.kind === 'Deployment' || p.obj.kind === 'ReplicaSet') && (p.obj.spec.replicas ?? 1);
    if (replicas !== false && replicas > SIM_LIMITS.maxReplicas) {
      failures.push({
        obj: null,
        diagnostics: [],
        errorText: replicasLimitText(p.obj.kind, p.obj.metadata.name, replicas),
      });
      diagnostics.push(
        allocationDiagnostic(p.doc, parsed.lines, p.obj.metadata.name, {
          field: 'spec.replicas',
          type: 'FieldValueInvalid',
          message: replicasLimitText(p.obj.kind, p.obj.metadata.name, replicas),
        }),
      );
    }
  }
  // Allocation (ClusterIPs, node ports) is checked before anything is written.
  const rngState = opts.dryRun ? c.rng.save() : null;
  if (failures.length === 0) {
    for (const p of planned) {
      if (p.obj.kind !== 'Service') continue;
      const probe = structuredClone(p.obj);
      const allocErrors = allocateService(c, probe, p.old as Service | undefined);
      if (allocErrors.length === 0) {
        releaseService(c, probe, p.old as Service | undefined);
        continue;
      }
      for (const e of allocErrors)
        diagnostics.push(allocationDiagnostic(p.doc, parsed.lines, p.obj.metadata.name, e));
      failures.push(allocationFailure(p.obj.metadata.name, !p.old, allocErrors));
    }
  }
  if (rngState) c.rng.restore(rngState);
  if (failures.length > 0) errors.push(combineErrors(failures, source));
  const applied = planned.map((p) => p.obj);
  const pruned = opts.prune && errors.length === 0 ? pruneCandidates(c, applied) : [];
  if (errors.length > 0 || opts.dryRun) {
    const output =
      errors.length > 0
        ? []
        : [
            ...planned.map(
              (p) => `${resourceName(p.obj)} ${p.old ? 'configured' : 'created'} (dry run)`,
            ),
            ...pruned.map((o) => `${resourceName(o)} pruned (dry run)`),
          ];
    return { ok: errors.length === 0, output, errorText: errors.join('\n'), diagnostics };
  }
  const output = planned.map((p) => `${resourceName(p.obj)} ${write(c, p)}`);
  for (const o of pruned) {
    deleteObject(c, o, { force: false, cascade: 'background' });
    output.push(`${resourceName(o)} pruned`);
  }
  return { ok: true, output, errorText: '', diagnostics };
}

function write(c: Cluster, p: Planned): 'created' | 'configured' | 'unchanged' {
  const { obj, old } = p;
  const applied = canonicalJson(p.doc.obj);
  if (
    old &&
    old.metadata.annotations?.[LAST_APPLIED] === applied &&
    old.metadata.deletionTimestamp === undefined
  )
    return 'unchanged';
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: applied };
  if (!old) {
    const meta = c.newMeta(obj.metadata.name, obj.metadata.namespace, obj.metadata.labels);
    obj.metadata = { ...obj.metadata, uid: meta.uid, creationTimestamp: c.now, generation: 1 };
    if (obj.kind === 'Pod') {
      c.ctl.api.createPod(obj);
      return 'created';
    }
    if (obj.kind === 'Service') {
      allocateService(c, obj, undefined);
      c.store.put(obj);
      reconcileLoadBalancer(c, c.key(obj));
      return 'created';
    }
    c.store.put(obj);
    return 'created';
  }
  obj.metadata = {
    ...old.metadata,
    labels: obj.metadata.labels ?? {},
    annotations: obj.metadata.annotations,
  };
  if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0)
    delete obj.metadata.labels;
  if (obj.kind === 'Service') {
    const prev = old as Service;
    allocateService(c, obj, prev);
    releaseService(c, prev, obj);
    obj.status = prev.spec.type === obj.spec.type ? prev.status : { loadBalancer: {} };
    c.store.put(obj);
    reconcileLoadBalancer(c, c.key(obj));
    return 'configured';
  }
  if (obj.kind === 'Deployment') {
    const prev = old as Deployment;
    if (canonicalJson(prev.spec) !== canonicalJson(obj.spec))
      obj.metadata.generation = (prev.metadata.generation ?? 1) + 1;
    obj.status = prev.status;
    c.store.put(obj);
    return 'configured';
  }
  if (obj.kind === 'Pod') {
    // Most of a pod's spec is immutable; labels and annotations are what apply can change.
    const prev = old as Pod;
    c.store.put({
      ...prev,
      metadata: {
        ...prev.metadata,
        labels: obj.metadata.labels ?? {},
        annotations: obj.metadata.annotations ?? {},
      },
    });
    return 'configured';
  }
  if ('status' in old && 'status' in obj) (obj as { status: unknown }).status = old.status;
  c.store.put(obj);
  return 'configured';
}
