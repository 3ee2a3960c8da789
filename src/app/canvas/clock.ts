// A number that changes on every animation frame (the runner's packet clock), read and observed
// outside React: the packet layers subscribe and move their dots themselves, so motion never
// re-renders components. No animation library needed for that.

/** A value with subscribers, told synchronously of every change. */
export class FrameValue {
  private value: number;
  private readonly listeners = new Set<(v: number) => void>();

  constructor(initial: number) {
    this.value = initial;
  }

  get(): number {
    return this.value;
  }

  set(v: number): void {
    if (v === this.value) return;
    this.value = v;
    for (const l of this.listeners) l(v);
  }

  /** Calls `listener` with every new value; returns the unsubscribe function. */
  subscribe(listener: (v: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
