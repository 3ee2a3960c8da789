// `kubectl apply -f FILE` and `kubectl create -f FILE` over the engine's applyManifests (decode,
// default, validate, then write all or nothing). Files come from the context (the editor's text).
// `create` refuses existing objects and, unlike apply, leaves no last-applied annotation.
import { parseAllDocuments } from 'yaml';
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import { applyManifests } from '../../api/apply';
import { objectKey } from '../../api/store';
import type { KubeObject, ObjectMeta } from '../../api/types';
import { flagString, flagStrings, type FlagSpec, type ParsedFlags } from '../flags';
import { Output, errorResult } from '../output';
import { RESOURCES, resourceGroup, type ResourceType } from '../resources';
import type { KubectlContext } from './registry';

export const APPLY_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'dry-run', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'server-side', kind: 'bool' },
  { name: 'force', kind: 'bool' },
  { name: 'validate', kind: 'string' },
];

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The file texts named by -f, or kubectl's error for a missing path. */
export function readFiles(
  p: ParsedFlags,
  ctx: KubectlContext,
): { name: string; text: string }[] | string {
  const names = flagStrings(p, 'filename');
  if (names.length === 0) return 'must specify one of -f and -k';
  const out: { name: string; text: string }[] = [];
  for (const name of names) {
    const text = ctx.files?.[name];
    if (text === undefined) return `the path "${name}" does not exist`;
    out.push({ name, text });
  }
  return out;
}

/** The objects a manifest text names (kinds kubeplay knows), in document order. */
export function manifestRefs(text: string): { r: ResourceType; name: string; namespace: string }[] {
  const out: { r: ResourceType; name: string; namespace: string }[] = [];
  for (const doc of parseAllDocuments(text) as Iterable<{ toJS(): unknown }>) {
    const o = (doc.toJS() ?? {}) as {
      kind?: string;
      metadata?: { name?: string; namespace?: string };
    };
    const r = RESOURCES.find((x) => x.kind === o.kind);
    const name = o.metadata?.name;
    if (r && name) out.push({ r, name, namespace: o.metadata?.namespace ?? 'default' });
  }
  return out;
}

/** Drops the annotation apply adds: objects made by `kubectl create` do not carry it. */
export function stripLastApplied(c: Cluster, kind: KubeObject['kind'], key: string): void {
  const obj = c.store.get(kind, key);
  const annotations = { ...(obj?.metadata.annotations ?? {}) };
  if (!obj || !(LAST_APPLIED in annotations)) return;
  delete annotations[LAST_APPLIED];
  const metadata: ObjectMeta = { ...obj.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  c.store.put({ ...obj, metadata } as KubeObject);
}

/** Applies (or creates) one manifest text; returns kubectl's output and error text. */
export function writeManifests(
  c: Cluster,
  text: string,
  source: string,
  mode: 'apply' | 'create',
  dryRun: boolean,
): { out: string; err: string } {
  const existing: string[] = [];
  const created: [KubeObject['kind'], string][] = [];
  if (mode === 'create') {
    for (const ref of manifestRefs(text)) {
      const key = ref.r.namespaced ? objectKey(ref.namespace, ref.name) : ref.name;
      if (c.store.get(ref.r.kind as KubeObject['kind'], key))
        existing.push(
          `Error from server (AlreadyExists): error when creating "${source}": ${resourceGroup(ref.r)} "${ref.name}" already exists`,
        );
      else created.push([ref.r.kind as KubeObject['kind'], key]);
    }
    if (existing.length > 0) return { out: '', err: existing.join('\n') };
  }
  const r = applyManifests(c, text, { source, dryRun });
  if (!r.ok) return { out: '', err: r.errorText };
  if (mode === 'create' && !dryRun)
    for (const [kind, key] of created) stripLastApplied(c, kind, key);
  const lines = r.output.map((l) =>
    mode === 'create' ? l.replace(/ (configured|unchanged)$/, ' created') : l,
  );
  return { out: lines.map((l) => l + '\n').join(''), err: '' };
}

/** Runs `kubectl apply` (mode apply) or `kubectl create -f` (mode create). */
export function runApply(
  c: Cluster,
  p: ParsedFlags,
  ctx: KubectlContext,
  mode: 'apply' | 'create',
): CommandResult {
  const files = readFiles(p, ctx);
  if (typeof files === 'string') return errorResult(files);
  const dryRunFlag = flagString(p, 'dry-run');
  if (dryRunFlag !== undefined && !['none', 'client', 'server'].includes(dryRunFlag))
    return errorResult(
      `Invalid dry-run value (${dryRunFlag}). Must be "none", "server", or "client".`,
    );
  const dryRun = dryRunFlag === 'client' || dryRunFlag === 'server';
  const out = new Output();
  const errs: string[] = [];
  for (const f of files) {
    const r = writeManifests(c, f.text, f.name, mode, dryRun);
    out.out(dryRunFlag === 'server' ? r.out.replace(/\(dry run\)/g, '(server dry run)') : r.out);
    if (r.err) errs.push(r.err);
  }
  if (errs.length > 0) out.fail(errs.join('\n'));
  return out.result();
}
