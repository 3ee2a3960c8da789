// Load generators from the scenario's `traffic:` list: every Running client pod whose labels match
// `from` sends `rps` requests per second to `url`; `from: external` is one client outside the cluster.
import { sameStringMap } from '../api/pods';
import type { Pod } from '../api/types';
import type { Cluster } from '../cluster';
import { EXTERNAL_CLIENT_IP, sendRequest } from '../network/dataplane';
import { matchesSelector, parseSelector } from '../util/labels';
import type { LabelSelector } from '../api/types';

/** One `traffic:` entry after parsing. */
export interface TrafficSpec {
  name: string;
  from: 'external' | LabelSelector;
  fromText: string;
  url: string;
  rps: number;
}

/** Runs the load generators. */
export class TrafficController {
  private specs: TrafficSpec[] = [];
  /** podKey → token; a loop whose token is stale stops. */
  private readonly tokens = new Map<string, number>();
  private externalToken = 0;

  constructor(private readonly c: Cluster) {
    c.store.onChange((ch) => {
      if (ch.kind !== 'Pod' || !ch.old || !ch.obj) return;
      const same = sameStringMap((ch.old as Pod).metadata.labels, (ch.obj as Pod).metadata.labels);
      if (!same && this.c.ctl.kubelet.runtime(ch.key)?.listening) this.podRunning(ch.key);
    });
  }

  get list(): readonly TrafficSpec[] {
    return this.specs;
  }

  /** Replaces the generators (scenario load); restarts loops for running pods. */
  setSpecs(specs: TrafficSpec[]): void {
    this.specs = specs;
    this.externalToken++;
    for (const rt of this.c.ctl.kubelet.pods.values()) if (rt.listening) this.podRunning(rt.key);
    specs.forEach((s) => {
      if (s.from === 'external') this.loop(s, null, this.externalToken);
    });
  }

  /** A pod's container started (or its labels changed): start its generators. */
  podRunning(key: string): void {
    const pod = this.c.store.get('Pod', key);
    const sends = (s: TrafficSpec) =>
      s.from !== 'external' && !!pod && matchesSelector(s.from, pod.metadata.labels);
    // A pod that sends nothing and never did needs no token (most pods of a large cluster).
    if (!this.tokens.has(key) && !this.specs.some(sends)) return;
    const token = (this.tokens.get(key) ?? 0) + 1;
    this.tokens.set(key, token);
    if (!pod) return;
    for (const s of this.specs) if (sends(s)) this.loop(s, key, token);
  }

  podStopped(key: string): void {
    if (this.tokens.has(key)) this.tokens.set(key, (this.tokens.get(key) ?? 0) + 1);
  }

  private loop(s: TrafficSpec, podKey: string | null, token: number): void {
    const interval = 1000 / s.rps;
    const alive = () =>
      podKey === null ? this.externalToken === token : this.tokens.get(podKey) === token;
    const tick = () => {
      if (!alive()) return;
      if (podKey === null) {
        sendRequest(
          this.c,
          { name: 'external', ip: EXTERNAL_CLIENT_IP, node: null, namespace: 'default' },
          s.url,
          s.name,
        );
      } else {
        const pod = this.c.store.get('Pod', podKey);
        const rt = this.c.ctl.kubelet.runtime(podKey);
        if (!pod?.status.podIP || !rt?.listening) return;
        sendRequest(
          this.c,
          {
            name: pod.metadata.name,
            ip: pod.status.podIP,
            node: pod.spec.nodeName ?? null,
            namespace: pod.metadata.namespace ?? 'default',
          },
          s.url,
          s.name,
        );
      }
      this.c.after(interval, tick);
    };
    this.c.after(this.c.rng.next() * interval, tick);
  }
}

/** Parses a `from:` value: `external` or a label selector. */
export function parseFrom(text: string): 'external' | LabelSelector | { error: string } {
  if (text.trim() === 'external') return 'external';
  return parseSelector(text);
}
