// IPv4 arithmetic for CIDRs, pod and service address allocation.

/** Dotted quad → 32-bit unsigned integer; null when malformed. */
export function ipToInt(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n >>> 0;
}

/** 32-bit unsigned integer → dotted quad. */
export function intToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export interface Cidr {
  base: number;
  prefix: number;
  size: number;
  text: string;
}

/** Parses "10.96.0.0/12"; null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const [ip, bits] = text.split('/');
  if (ip === undefined || bits === undefined || !/^\d{1,2}$/.test(bits)) return null;
  const prefix = Number(bits);
  const addr = ipToInt(ip);
  if (addr === null || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  const base = prefix === 0 ? 0 : (addr & (~(size - 1) >>> 0)) >>> 0;
  return { base, prefix, size, text: `${intToIp(base)}/${prefix}` };
}

/** True when the address lies inside the CIDR. */
export function cidrContains(cidr: Cidr, ip: string): boolean {
  const n = ipToInt(ip);
  return n !== null && n >= cidr.base && n < cidr.base + cidr.size;
}

/** The IP with index i inside the CIDR (0 = network address). */
export function indexedIp(cidr: Cidr, i: number): string {
  return intToIp((cidr.base + i) >>> 0);
}
