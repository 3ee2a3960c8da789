// The pods behind `TYPE/NAME` for exec and logs-like commands (kubectl's AttachablePodForObject):
// a pod itself, a Deployment's or ReplicaSet's pods, a Service's selected pods — first by name.
import type { Cluster } from '../cluster';
import type { Pod } from '../api/types';
import { matchesMap, matchesSelector } from '../util/labels';
import { notFoundText } from './output';
import { resolveResource, resourceGroup } from './resources';

/** Pods of the named object, running ones first, then by name; or kubectl's error. */
export function podsOf(
  c: Cluster,
  type: string,
  name: string,
  ns: string,
): { pods: Pod[] } | { error: string } {
  const r = resolveResource(type);
  if (r === null || 'empty' in r)
    return { error: `error: the server doesn't have a resource type "${type}"` };
  const all = c.store.list('Pod', ns).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  let pods: Pod[];
  if (r.kind === 'Pod') {
    const p = c.store.get('Pod', `${ns}/${name}`);
    pods = p ? [p] : [];
    if (!p) return { error: notFoundText('pods', name) };
  } else if (r.kind === 'Deployment' || r.kind === 'ReplicaSet') {
    const o = c.store.get(r.kind, `${ns}/${name}`);
    if (!o) return { error: notFoundText(resourceGroup(r), name) };
    pods = all.filter((p) => matchesSelector(o.spec.selector, p.metadata.labels));
  } else if (r.kind === 'Service') {
    const s = c.store.get('Service', `${ns}/${name}`);
    if (!s) return { error: notFoundText('services', name) };
    pods = s.spec.selector
      ? all.filter((p) => matchesMap(s.spec.selector ?? {}, p.metadata.labels))
      : [];
  } else return { error: `error: cannot attach to ${r.resource}: not implemented` };
  const rank = (p: Pod) =>
    p.status.phase === 'Running' && p.metadata.deletionTimestamp === undefined ? 0 : 1;
  return { pods: [...pods].sort((a, b) => rank(a) - rank(b)) };
}
