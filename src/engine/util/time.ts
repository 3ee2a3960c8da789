// Virtual time → the wall-clock timestamps Kubernetes prints (RFC 3339), without touching Date:
// the simulated cluster starts at a fixed instant, so output is the same on every run.

/** The wall-clock instant of virtual time 0: 2026-01-01T00:00:00Z, in Unix milliseconds. */
export const CLUSTER_EPOCH_MS = 1_767_225_600_000;

/** Unix days → [year, month (1-12), day] (Howard Hinnant's civil_from_days). */
function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

/** Virtual ms → `2026-01-01T00:00:05Z` (seconds precision, as the API serializes metav1.Time). */
export function toRfc3339(virtualMs: number): string {
  const unixMs = CLUSTER_EPOCH_MS + Math.floor(virtualMs);
  const days = Math.floor(unixMs / 86_400_000);
  const rem = Math.floor((unixMs - days * 86_400_000) / 1000);
  const [y, mo, d] = civilFromDays(days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p(mo)}-${p(d)}T${p(Math.floor(rem / 3600))}:${p(Math.floor((rem % 3600) / 60))}:${p(rem % 60)}Z`;
}
