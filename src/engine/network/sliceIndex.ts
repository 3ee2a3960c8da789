// EndpointSlices by the Service they belong to (label kubernetes.io/service-name), as informers index them.
import { objectKey } from '../api/store';
import type { EndpointSlice } from '../api/types';
import type { Cluster } from '../cluster';
import { SERVICE_NAME_LABEL } from '../controllers/endpointslice';

/** `ns/service` → names of its EndpointSlices (managed or hand-written). */
export class SliceIndex {
  private readonly bySvc = new Map<string, Set<string>>();
  /** `ns/service` → its slice names sorted, until the next change to them. */
  private readonly sorted = new Map<string, readonly string[]>();

  constructor(private readonly c: Cluster) {
    c.store.onChange((ch) => {
      if (ch.kind !== 'EndpointSlice') return;
      const old = ch.old as EndpointSlice | undefined;
      const obj = ch.obj as EndpointSlice | undefined;
      const from = old && svcKeyOf(old);
      const to = obj && svcKeyOf(obj);
      // A new version of a slice that stays with its Service changes no membership.
      if (old && obj && from === to && old.metadata.name === obj.metadata.name) return;
      if (old && from !== undefined) {
        this.bySvc.get(from)?.delete(old.metadata.name);
        this.sorted.delete(from);
      }
      if (obj && to !== undefined) {
        const k = to;
        this.sorted.delete(k);
        let s = this.bySvc.get(k);
        if (!s) this.bySvc.set(k, (s = new Set()));
        s.add(obj.metadata.name);
      }
    });
  }

  get(svcKey: string): string[] {
    return [...this.sortedNames(svcKey)];
  }

  /** The slice names of a Service, sorted: a shared array callers must not change. */
  sortedNames(svcKey: string): readonly string[] {
    let names = this.sorted.get(svcKey);
    if (!names) this.sorted.set(svcKey, (names = [...(this.bySvc.get(svcKey) ?? [])].sort()));
    return names;
  }

  slicesFor(svcKey: string): EndpointSlice[] {
    const ns = svcKey.split('/')[0] ?? 'default';
    return this.sortedNames(svcKey)
      .map((n) => this.c.store.get('EndpointSlice', objectKey(ns, n)))
      .filter((s): s is EndpointSlice => !!s);
  }
}

function svcKeyOf(s: EndpointSlice): string {
  return objectKey(s.metadata.namespace, s.metadata.labels?.[SERVICE_NAME_LABEL] ?? '');
}
