// ClusterIP (A.2) and NodePort (A.3) allocation: a static low band for manual choices and a dynamic
// upper band where automatic allocation picks a random start and scans forward for a free slot.
import type { Rng } from '../sim/rng';
import { intToIp, ipToInt, type Cidr } from '../util/ip';

/** The random-scan-with-offset bitmap allocator over `size` slots (0-based offsets). */
export class OffsetAllocator {
  private readonly used = new Set<number>();

  constructor(
    readonly size: number,
    readonly offset: number,
  ) {}

  has(i: number): boolean {
    return this.used.has(i);
  }

  /** Reserves a specific slot; false when taken or out of range. */
  allocate(i: number): boolean {
    if (i < 0 || i >= this.size || this.used.has(i)) return false;
    this.used.add(i);
    return true;
  }

  /** Random start in the upper band then scan; falls back to the lower band. */
  allocateNext(rng: Rng): number | null {
    const bands: [number, number][] = [
      [this.offset, this.size],
      [0, this.offset],
    ];
    for (const [lo, hi] of bands) {
      const n = hi - lo;
      if (n <= 0) continue;
      const start = rng.int(n);
      for (let k = 0; k < n; k++) {
        const i = lo + ((start + k) % n);
        if (!this.used.has(i)) {
          this.used.add(i);
          return i;
        }
      }
    }
    return null;
  }

  release(i: number): void {
    this.used.delete(i);
  }
}

/** ClusterIP allocator over the service CIDR minus network and broadcast addresses. */
export class ClusterIpAllocator {
  private readonly bits: OffsetAllocator;

  constructor(readonly cidr: Cidr) {
    const size = Math.max(0, cidr.size - 2);
    const offset = size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 16)), 256);
    this.bits = new OffsetAllocator(size, offset);
  }

  /** Reserves a given IP: 'ok', 'range' (outside the CIDR) or 'taken'. */
  allocateIp(ip: string): 'ok' | 'range' | 'taken' {
    const n = ipToInt(ip);
    const i = n === null ? -1 : n - this.cidr.base - 1;
    if (i < 0 || i >= this.bits.size) return 'range';
    return this.bits.allocate(i) ? 'ok' : 'taken';
  }

  isAllocated(ip: string): boolean {
    const n = ipToInt(ip);
    return n !== null && this.bits.has(n - this.cidr.base - 1);
  }

  allocateNext(rng: Rng): string | null {
    const i = this.bits.allocateNext(rng);
    return i === null ? null : intToIp(this.cidr.base + 1 + i);
  }

  release(ip: string): void {
    const n = ipToInt(ip);
    if (n !== null) this.bits.release(n - this.cidr.base - 1);
  }
}

/** NodePort allocator over 30000–32767 with the 86-port static band. */
export class NodePortAllocator {
  private readonly bits: OffsetAllocator;

  constructor(
    readonly base: number,
    readonly size: number,
  ) {
    const offset = size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 32)), 128);
    this.bits = new OffsetAllocator(size, offset);
  }

  get rangeText(): string {
    return `${this.base}-${this.base + this.size - 1}`;
  }

  allocatePort(port: number): 'ok' | 'range' | 'taken' {
    const i = port - this.base;
    if (i < 0 || i >= this.size) return 'range';
    return this.bits.allocate(i) ? 'ok' : 'taken';
  }

  allocateNext(rng: Rng): number | null {
    const i = this.bits.allocateNext(rng);
    return i === null ? null : this.base + i;
  }

  release(port: number): void {
    this.bits.release(port - this.base);
  }
}
