// Pod IP allocation (A.4): each node owns a /24 of the pod CIDR; inside it host-local IPAM hands out
// addresses round-robin from the last reserved IP + 1 (gateway .1 skipped), so a replacement pod
// gets a new IP and freed addresses are not reused until the range wraps.
import { indexedIp, intToIp, type Cidr } from '../util/ip';

/** host-local IPAM for one node's pod subnet. */
export class HostLocalIpam {
  private readonly used = new Set<number>();
  private last: number;
  readonly subnet: string;
  readonly gateway: string;

  constructor(private readonly base: number) {
    this.subnet = `${intToIp(base)}/24`;
    this.gateway = intToIp(base + 1);
    this.last = 1;
  }

  /** Next free address after the last one handed out (.2 … .254, wrapping); null when full. */
  allocate(): string | null {
    for (let step = 1; step <= 253; step++) {
      const idx = ((this.last - 2 + step) % 253) + 2;
      if (!this.used.has(idx)) {
        this.used.add(idx);
        this.last = idx;
        return intToIp(this.base + idx);
      }
    }
    return null;
  }

  release(ip: string): void {
    const last = Number(ip.split('.')[3]);
    this.used.delete(last);
  }
}

/** The node IPAM controller's cidrset: node i (0-based) gets the i-th /24 of the cluster CIDR. */
export function nodePodCidrBase(podCIDR: Cidr, index: number): number {
  return (podCIDR.base + index * 256) >>> 0;
}

/** Node InternalIP i (0-based), kind-style: 172.18.0.2, 172.18.0.3, … */
export function nodeInternalIp(index: number): string {
  return indexedIp(
    { base: (172 << 24) + (18 << 16), prefix: 16, size: 65536, text: '' },
    2 + index,
  );
}
