// EndpointSlices by the Service they belong to (label kubernetes.io/service-name), as informers index them.
import { objectKey } from '../api/store';
import type { EndpointSlice } from '../api/types';
import type { Cluster } from '../cluster';
import { SERVICE_NAME_LABEL } from '../controllers/endpointslice';

/** `ns/service` → names of its EndpointSlices (managed or hand-written). */
export class SliceIndex {
  private readonly bySvc = new Map<string, Set<string>>();

  constructor(private readonly c: Cluster) {
    c.store.onChange((ch) => {
      if (ch.kind !== 'EndpointSlice') return;
      const old = ch.old as EndpointSlice | undefined;
      const obj = ch.obj as EndpointSlice | undefined;
      if (old) this.bySvc.get(svcKeyOf(old))?.delete(old.metadata.name);
      if (obj) {
        const k = svcKeyOf(obj);
        let s = this.bySvc.get(k);
        if (!s) this.bySvc.set(k, (s = new Set()));
        s.add(obj.metadata.name);
      }
    });
  }

  get(svcKey: string): string[] {
    return [...(this.bySvc.get(svcKey) ?? [])].sort();
  }

  slicesFor(svcKey: string): EndpointSlice[] {
    const ns = svcKey.split('/')[0] ?? 'default';
    return this.get(svcKey)
      .map((n) => this.c.store.get('EndpointSlice', objectKey(ns, n)))
      .filter((s): s is EndpointSlice => !!s);
  }
}

function svcKeyOf(s: EndpointSlice): string {
  return objectKey(s.metadata.namespace, s.metadata.labels?.[SERVICE_NAME_LABEL] ?? '');
}
