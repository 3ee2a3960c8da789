// Raw DEFLATE decompression that never produces more than a set number of bytes: the input is fed
// to fflate's streaming inflater in small slices and decoding stops as soon as the output passes
// the cap. One slice can expand at most about 1032:1, so memory stays near the cap however
// extreme the input (a "zip bomb" in a share link or in local storage costs nothing).
import { Inflate } from 'fflate';

/** Compressed bytes pushed at a time: at most ~264 KB of output per push. */
const SLICE = 256;

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | {
      ok: false;
      /** `oversized`: the output passed the cap; `truncated`: the stream ended early. */
      reason: 'oversized' | 'truncated' | 'corrupted';
      /** Compressed bytes consumed before stopping (tests check a bomb stops early). */
      consumed: number;
    };

/** Inflates `data` (raw DEFLATE, optionally with a preset dictionary) up to `maxOutput` bytes. */
export function inflateCapped(
  data: Uint8Array,
  maxOutput: number,
  dictionary?: Uint8Array,
): InflateResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate(dictionary ? { dictionary } : {}, (chunk) => {
    if (over) return;
    total += chunk.length;
    if (total > maxOutput) over = true;
    else if (chunk.length > 0) chunks.push(chunk);
  });
  let consumed = 0;
  try {
    do {
      const end = Math.min(data.length, consumed + SLICE);
      inflater.push(data.subarray(consumed, end), end === data.length);
      consumed = end;
    } while (consumed < data.length && !over);
  } catch (e) {
    if (over) return { ok: false, reason: 'oversized', consumed };
    const code = (e as { code?: unknown }).code;
    return { ok: false, reason: code === 0 ? 'truncated' : 'corrupted', consumed };
  }
  if (over) return { ok: false, reason: 'oversized', consumed };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { ok: true, bytes };
}
