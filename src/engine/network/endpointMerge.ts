// One Service port's endpoints as kube-proxy merges them from EndpointSlices (first slice entry per
// ip:port wins, sorted by "ip:port"), kept between rebuilds. While a Service has one slice, a new
// version of it usually differs in a few entries: those are patched into the sorted list instead of
// re-reading every endpoint (the objects a large cluster has to fetch from memory).
import type { Endpoint, EndpointSlice, Protocol } from '../api/types';
import type { ProxyEndpoint } from './proxyTable';

/** A port's merged endpoints and what they were merged from. */
export interface PortMerge {
  portName: string;
  protocol: Protocol;
  /** The only slice they came from, when there was exactly one (else null: no patching). */
  slice: EndpointSlice | null;
  /** The slice's port number for this Service port. */
  port: number;
  /** Sorted by key; parallel arrays. */
  keys: string[];
  eps: ProxyEndpoint[];
  from: Endpoint[];
  /** No slice entry was dropped as a duplicate ip:port (patching assumes none). */
  complete: boolean;
}

/** Entries a patch may touch before a full merge is cheaper. */
const MAX_PATCH = 8;

/** The port's endpoints from `slices`, patched from `prev` when only a few entries changed. */
export function mergePort(
  slices: EndpointSlice[],
  portName: string,
  protocol: Protocol,
  prev: PortMerge | undefined,
): PortMerge {
  const only = slices.length === 1 ? (slices[0] as EndpointSlice) : null;
  if (
    only &&
    prev?.slice &&
    prev.complete &&
    prev.portName === portName &&
    prev.protocol === protocol &&
    prev.slice.metadata.name === only.metadata.name &&
    prev.slice.ports === only.ports
  ) {
    const patched = patch(prev, only);
    if (patched) return patched;
  }
  return fullMerge(slices, portName, protocol, only);
}

function fullMerge(
  slices: EndpointSlice[],
  portName: string,
  protocol: Protocol,
  only: EndpointSlice | null,
): PortMerge {
  const byKey = new Map<string, { ep: ProxyEndpoint; from: Endpoint }>();
  let complete = true;
  let slicePort = 0;
  for (const s of slices) {
    const port = s.ports.find(
      (p) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === protocol,
    );
    if (!port?.port) continue;
    slicePort = port.port;
    for (const e of s.endpoints) {
      const addr = e.addresses[0];
      if (!addr) continue;
      const key = `${addr}:${port.port}`;
      if (byKey.has(key)) {
        complete = false;
        continue;
      }
      byKey.set(key, { ep: proxyEndpoint(e, addr, port.port), from: e });
    }
  }
  const sorted = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    portName,
    protocol,
    slice: only && slicePort > 0 ? only : null,
    port: slicePort,
    keys: sorted.map(([k]) => k),
    eps: sorted.map(([, v]) => v.ep),
    from: sorted.map(([, v]) => v.from),
    complete,
  };
}

/**
 * The slice's new entries differ from the previous ones only inside one window (common prefix
 * and suffix by identity): remove the window's old entries, insert its new ones by key.
 * Null when the window is large or an entry would duplicate a key.
 */
function patch(prev: PortMerge, slice: EndpointSlice): PortMerge | null {
  const a = (prev.slice as EndpointSlice).endpoints;
  const b = slice.endpoints;
  let start = 0;
  const n = Math.min(a.length, b.length);
  while (start < n && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (endA - start + (endB - start) > MAX_PATCH) return null;
  const keys = prev.keys.slice();
  const eps = prev.eps.slice();
  const from = prev.from.slice();
  for (let i = start; i < endA; i++) {
    const at = from.indexOf(a[i] as Endpoint);
    if (at < 0) continue; // had no address
    keys.splice(at, 1);
    eps.splice(at, 1);
    from.splice(at, 1);
  }
  for (let i = start; i < endB; i++) {
    const e = b[i] as Endpoint;
    const addr = e.addresses[0];
    if (!addr) continue;
    const key = `${addr}:${prev.port}`;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((keys[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    if (keys[lo] === key) return null; // a duplicate: the full merge decides which one wins
    keys.splice(lo, 0, key);
    eps.splice(lo, 0, proxyEndpoint(e, addr, prev.port));
    from.splice(lo, 0, e);
  }
  return { ...prev, slice, keys, eps, from };
}

function proxyEndpoint(e: Endpoint, addr: string, port: number): ProxyEndpoint {
  return {
    ip: addr,
    port,
    node: e.nodeName,
    pod: e.targetRef?.name,
    ready: e.conditions.ready ?? true,
    serving: e.conditions.serving ?? e.conditions.ready ?? true,
    terminating: e.conditions.terminating ?? false,
  };
}
