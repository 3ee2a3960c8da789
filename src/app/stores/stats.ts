// Requests over virtual time, in one-second buckets: how many succeeded and failed, and a sample
// of their latencies, for the stats chart. Pure functions over plain arrays.
import type { RequestRecord } from '../../engine/index';

/** Virtual milliseconds per bucket, buckets kept, latencies sampled per bucket. */
export const BUCKET_MS = 1000;
export const MAX_BUCKETS = 120;
const MAX_SAMPLES = 64;

export interface StatsBucket {
  /** Start of the bucket (virtual ms). */
  t: number;
  ok: number;
  failed: number;
  /** Latencies (ms) of up to MAX_SAMPLES requests of the bucket. */
  lat: number[];
}

/** The series with these requests added; `now` closes buckets up to it (empty seconds count). */
export function addToSeries(
  prev: StatsBucket[],
  requests: readonly RequestRecord[],
  now: number,
): StatsBucket[] {
  const last = prev[prev.length - 1];
  const endT = Math.floor(now / BUCKET_MS) * BUCKET_MS;
  if (requests.length === 0 && last && last.t >= endT) return prev;
  const out = prev.slice();
  const byT = new Map<number, number>();
  out.forEach((b, i) => byT.set(b.t, i));
  const bucket = (t: number): StatsBucket | null => {
    const start = Math.floor(t / BUCKET_MS) * BUCKET_MS;
    const i = byT.get(start);
    if (i !== undefined) {
      const b = out[i];
      if (!b) return null;
      const copy = b === prev[i] ? { ...b, lat: b.lat.slice() } : b;
      out[i] = copy;
      return copy;
    }
    const first = out[0];
    if (first && start < first.t) return null; // older than the window
    const b: StatsBucket = { t: start, ok: 0, failed: 0, lat: [] };
    byT.set(start, out.length);
    out.push(b);
    return b;
  };
  for (const r of requests) {
    const b = bucket(r.t);
    if (!b) continue;
    if (r.outcome === 'ok') b.ok++;
    else b.failed++;
    if (b.lat.length < MAX_SAMPLES) b.lat.push(r.latencyMs);
  }
  // Seconds without a request are buckets too (a stalled Service shows as a gap in traffic).
  if (out.length > 0) {
    const tail = out[out.length - 1];
    const from = Math.max((tail?.t ?? endT) + BUCKET_MS, endT - MAX_BUCKETS * BUCKET_MS);
    for (let t = from; t <= endT; t += BUCKET_MS)
      if (!byT.has(t)) {
        byT.set(t, out.length);
        out.push({ t, ok: 0, failed: 0, lat: [] });
      }
  }
  out.sort((a, b) => a.t - b.t);
  return out.length > MAX_BUCKETS ? out.slice(out.length - MAX_BUCKETS) : out;
}

/** The q-quantile (0…1) of a sample, or null when it is empty. */
export function quantile(sample: readonly number[], q: number): number | null {
  if (sample.length === 0) return null;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null;
}
