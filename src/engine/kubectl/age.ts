// Ages and wall-clock times as kubectl prints them: apimachinery's duration.HumanDuration,
// printers' translateTimestampSince (timestamps travel with whole seconds), and Go's RFC1123Z.
import { CLUSTER_EPOCH_MS, toRfc3339 } from '../util/time';

/** duration.HumanDuration (k8s.io/apimachinery/pkg/util/duration) of a span in milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** A virtual time as the API serializes it (metav1.Time keeps whole seconds). */
export function wholeSeconds(t: number): number {
  return Math.floor(t / 1000) * 1000;
}

/** translateTimestampSince: the AGE of something stamped at virtual time `t`, seen at `now`. */
export function ageSince(t: number | undefined, now: number): string {
  if (t === undefined) return '<unknown>';
  return humanDuration(now - wholeSeconds(t));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Thu, 01 Jan 2026 00:00:05 +0000`. */
export function rfc1123z(t: number): string {
  const iso = toRfc3339(t);
  const [date = '', time = ''] = iso.slice(0, -1).split('T');
  const [y, mo, d] = date.split('-');
  const days = Math.floor((CLUSTER_EPOCH_MS + Math.floor(t)) / 86_400_000);
  const weekday = DAYS[(((days + 4) % 7) + 7) % 7] ?? '';
  return `${weekday}, ${d} ${MONTHS[Number(mo) - 1] ?? ''} ${y} ${time} +0000`;
}
