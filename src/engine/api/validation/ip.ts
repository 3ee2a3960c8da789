// IP address parsing and checks with the API server's messages (apimachinery validation/ip.go,
// core validation ValidateNonSpecialIP). It never allocates addresses.
import type { FieldError } from './fieldErrors';
import { invalid } from './fieldErrors';

/** Parsed address: family and bytes (4 or 16). */
export interface ParsedIP {
  family: 'IPv4' | 'IPv6';
  bytes: number[];
}

/** Like netutils.ParseIPSloppy: IPv4 octets may have leading zeros (read as decimal). */
export function parseIP(s: string): ParsedIP | null {
  const v4 = parseIPv4(s);
  if (v4) return { family: 'IPv4', bytes: v4 };
  const v6 = parseIPv6(s);
  if (!v6) return null;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? { family: 'IPv4', bytes: v6.slice(12) } : { family: 'IPv6', bytes: v6 };
}

function parseIPv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

function parseIPv6(s: string): number[] | null {
  if (!s.includes(':') || s.includes('%')) return null;
  let head = s;
  let tail4: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (!v4) return null;
    tail4 = v4;
    head = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const parseGroups = (h: string): number[] | null => {
    if (h === '') return [];
    const groups = h.split(':');
    const out: number[] = [];
    for (const g of groups) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      const n = parseInt(g, 16);
      out.push(n >> 8, n & 0xff);
    }
    return out;
  };
  const left = parseGroups(halves[0] ?? '');
  const right = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!left || !right) return null;
  let bytes: number[];
  if (halves.length === 2) {
    if (left.length + right.length > 14) return null;
    bytes = [...left, ...new Array<number>(16 - left.length - right.length).fill(0), ...right];
  } else {
    if (left.length !== 16) return null;
    bytes = left;
  }
  if (tail4.length === 4) bytes.splice(12, 4, ...tail4);
  return bytes;
}

/** IsValidIP (field form). */
export function validateIP(field: string, value: string): FieldError[] {
  return parseIP(value)
    ? []
    : [invalid(field, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

/** IsValidIPv4Address. */
export function validateIPv4(field: string, value: string): FieldError[] {
  const ip = parseIP(value);
  return ip && ip.family === 'IPv4' ? [] : [invalid(field, value, 'must be a valid IPv4 address')];
}

/** IsValidIPv6Address. */
export function validateIPv6(field: string, value: string): FieldError[] {
  const ip = parseIP(value);
  return ip && ip.family === 'IPv6' ? [] : [invalid(field, value, 'must be a valid IPv6 address')];
}

/** ValidateNonSpecialIP: no unspecified, loopback or link-local addresses (endpoints, externalIPs). */
export function validateNonSpecialIP(field: string, value: string): FieldError[] {
  const ip = parseIP(value);
  if (!ip) return [invalid(field, value, 'must be a valid IP address')];
  const b = ip.bytes;
  const errs: FieldError[] = [];
  const v4 = ip.family === 'IPv4';
  if (b.every((x) => x === 0))
    errs.push(invalid(field, value, `may not be unspecified (${value})`));
  const loopback = v4 ? b[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
  if (loopback) {
    errs.push(invalid(field, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  }
  const linkLocal = v4
    ? b[0] === 169 && b[1] === 254
    : b[0] === 0xfe && ((b[1] ?? 0) & 0xc0) === 0x80;
  if (linkLocal) {
    errs.push(
      invalid(field, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'),
    );
  }
  const llMulticast = v4
    ? b[0] === 224 && b[1] === 0 && b[2] === 0
    : b[0] === 0xff && ((b[1] ?? 0) & 0x0f) === 2;
  if (llMulticast) {
    errs.push(
      invalid(
        field,
        value,
        'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
      ),
    );
  }
  return errs;
}

/** IsValidCIDR. */
export function validateCIDR(field: string, value: string): FieldError[] {
  const [addr, bits, extra] = value.split('/');
  const ip = addr === undefined ? null : parseIP(addr);
  const max = ip?.family === 'IPv4' && !addr?.includes(':') ? 32 : 128;
  const ok =
    ip && extra === undefined && bits !== undefined && /^[0-9]+$/.test(bits) && Number(bits) <= max;
  return ok
    ? []
    : [invalid(field, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}
