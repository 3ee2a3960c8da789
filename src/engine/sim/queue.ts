// The discrete-event queue: actions ordered by virtual time, then by insertion order (stable, deterministic).
// Thousands of actions share each millisecond at scale, so actions wait in one FIFO bucket per
// distinct time and only the distinct times sit in a binary min-heap.

interface Entry {
  t: number;
  run: () => void;
}

/** A time's actions in insertion order; `next` is the first not yet run. */
interface Bucket {
  runs: (() => void)[];
  next: number;
}

/** Timed actions; ties run in the order they were scheduled. */
export class EventQueue {
  /** Distinct pending times, a binary min-heap. */
  private times: number[] = [];
  private readonly buckets = new Map<number, Bucket>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Time of the next action, or Infinity when empty. */
  peekTime(): number {
    return this.times[0] ?? Infinity;
  }

  push(t: number, run: () => void): void {
    this.count++;
    const b = this.buckets.get(t);
    if (b) {
      b.runs.push(run);
      return;
    }
    this.buckets.set(t, { runs: [run], next: 0 });
    const h = this.times;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p] as number;
      if (parent <= t) break;
      h[i] = parent;
      i = p;
    }
    h[i] = t;
  }

  /** Removes and returns the earliest action. */
  pop(): Entry | undefined {
    const t = this.times[0];
    if (t === undefined) return undefined;
    const b = this.buckets.get(t) as Bucket;
    const run = b.runs[b.next] as () => void;
    b.runs[b.next++] = noop; // let the closure go
    this.count--;
    if (b.next === b.runs.length) {
      this.buckets.delete(t);
      this.popTime();
    }
    return { t, run };
  }

  private popTime(): void {
    const h = this.times;
    const last = h.pop();
    if (last === undefined || h.length === 0) return;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (h[r] as number) < (h[l] as number) ? r : l;
      if ((h[c] as number) >= last) break;
      h[i] = h[c] as number;
      i = c;
    }
    h[i] = last;
  }
}

function noop(): void {}
