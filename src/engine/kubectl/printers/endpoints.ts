// `kubectl get endpoints` (formatEndpoints: at most 3 `ip:port`, then ` + N more...`) and
// `kubectl get endpointslices` (formatDiscoveryPorts / formatDiscoveryEndpoints).
import type { EndpointSlice } from '../../api/types';
import { ageSince } from '../age';
import type { EndpointsObject } from '../legacyEndpoints';
import type { TableDef } from './table';

const MAX = 3;

/** formatEndpoints with ports = nil (every port). */
export function formatEndpoints(ep: EndpointsObject): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(`${a.ip}:${port.port}`);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

function listWithMore(list: string[], more: boolean, count: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - MAX} more...`;
  return ret || '<unset>';
}

/** formatDiscoveryPorts. */
export function formatSlicePorts(s: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of s.ports) {
    if (list.length < MAX) list.push(p.port !== undefined ? String(p.port) : (p.name ?? '*'));
    else more = true;
    count++;
  }
  return listWithMore(list, more, count);
}

/** formatDiscoveryEndpoints: every address, ready or not. */
export function formatSliceEndpoints(s: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of s.endpoints)
    for (const a of e.addresses) {
      if (list.length < MAX) list.push(a);
      else more = true;
      count++;
    }
  return listWithMore(list, more, count);
}

export const endpointsTable: TableDef = {
  columns: [{ name: 'Name' }, { name: 'Endpoints' }, { name: 'Age' }],
  cells(obj, c) {
    const ep = obj as EndpointsObject;
    return [ep.metadata.name, formatEndpoints(ep), ageSince(ep.metadata.creationTimestamp, c.now)];
  },
};

export const endpointSliceTable: TableDef = {
  columns: [
    { name: 'Name' },
    { name: 'AddressType' },
    { name: 'Ports' },
    { name: 'Endpoints' },
    { name: 'Age' },
  ],
  cells(obj, c) {
    const s = obj as EndpointSlice;
    return [
      s.metadata.name,
      s.addressType,
      formatSlicePorts(s),
      formatSliceEndpoints(s),
      ageSince(s.metadata.creationTimestamp, c.now),
    ];
  },
};
