// The console's running watches (`kubectl get … -w`, `kubectl rollout status`) for one engine
// host: started by execWatch, polled into every frame, ended by unwatch, by finishing (a rollout
// that completed) or when the cluster they watch is replaced. Not logged: a watch changes nothing.
import { watchLine, type Engine, type KubectlWatch } from '../engine/index';
import type { WatchOutput } from './protocol';

/** Most watches one console may keep open (older ones are ended). */
const MAX_WATCHES = 8;

export class WatchTable {
  private readonly watches = new Map<number, KubectlWatch>();
  private seq = 0;
  private ended: number[] = [];

  /** Starts `line` as a watch when it is one; null for a line that prints once. */
  start(engine: Engine, line: string): { watch: KubectlWatch; id: number | null } | null {
    const watch = watchLine(engine.cluster, line);
    if (!watch) return null;
    if (watch.done) return { watch, id: null };
    const id = ++this.seq;
    this.watches.set(id, watch);
    for (const old of this.watches.keys()) {
      if (this.watches.size <= MAX_WATCHES) break;
      this.stop(old);
      this.ended.push(old);
    }
    return { watch, id };
  }

  stop(id: number): void {
    this.watches.get(id)?.close();
    this.watches.delete(id);
  }

  /** Ends every watch (the cluster is being replaced); the next poll reports them done. */
  closeAll(): void {
    for (const id of [...this.watches.keys()]) {
      this.stop(id);
      this.ended.push(id);
    }
  }

  /** What each watch printed since the last poll, and which ended. */
  poll(): WatchOutput[] {
    const out: WatchOutput[] = this.ended.map((id) => ({ id, text: '', done: true }));
    this.ended = [];
    for (const [id, w] of this.watches) {
      const text = w.poll();
      if (text || w.done) out.push({ id, text, done: w.done });
      if (w.done) this.stop(id);
    }
    return out;
  }
}
