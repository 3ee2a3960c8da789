// A controller work queue: keys marked dirty are synced once after a short delay (deduplicated),
// like client-go's rate-limited queues feeding a controller's sync handler.
import type { EventQueue } from './queue';

/** Dedupes keys and runs `sync(key)` for each at `now() + delay`. */
export class WorkQueue {
  private pending = new Set<string>();

  constructor(
    private readonly queue: EventQueue,
    private readonly now: () => number,
    private readonly delayMs: () => number,
    private readonly sync: (key: string) => void,
  ) {}

  add(key: string): void {
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.queue.push(this.now() + this.delayMs(), () => {
      this.pending.delete(key);
      this.sync(key);
    });
  }
}
