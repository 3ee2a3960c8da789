// The hashes real Kubernetes uses for names: kube-proxy chain names (sha256 + base32),
// pod-template-hash (FNV-1a 32 + SafeEncodeString) and generateName suffixes.
import { sha256 } from '@noble/hashes/sha2.js';
import type { Rng } from '../sim/rng';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const encoder = new TextEncoder();

/** RFC 4648 base32 (StdEncoding) of the bytes. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += B32[(buffer << (5 - bits)) & 31];
  return out;
}

/** base32(sha256(text)) — kube-proxy's portProtoHash and servicePortEndpointChainName. */
export function sha256Base32(text: string): string {
  return base32(sha256(encoder.encode(text)));
}

/** FNV-1a 32-bit hash of a string's UTF-8 bytes. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** apimachinery's alphabet for generated names: no vowels, no 0, 1 or 3. */
export const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each character c becomes ALPHANUMS[c % 27]. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += ALPHANUMS[text.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** The pod-template-hash of a template: FNV-1a over its canonical form, printed in decimal, safe-encoded. */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const text = canonicalJson(template) + (collisionCount ? String(collisionCount) : '');
  return safeEncodeString(String(fnv1a32(text)));
}

/** utilrand.String(n): n characters from ALPHANUMS, drawn from the engine's PRNG. */
export function randomSuffix(rng: Rng, n = 5): string {
  let out = '';
  for (let i = 0; i < n; i++) out += ALPHANUMS[rng.int(ALPHANUMS.length)];
  return out;
}

/** JSON with object keys sorted, so equal objects hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}
