// The Service REST allocator's errors (pkg/registry/core/service/storage/alloc.go, portallocator,
// ipallocator): user-requested nodePorts and clusterIPs that are out of range or taken. It only
// words the errors; the allocator that owns the bitmaps lives elsewhere in the engine.
import type { FieldError } from './fieldErrors';
import { invalid } from './fieldErrors';

/** A `--service-node-port-range`, inclusive (default 30000-32767). */
export interface PortRange {
  base: number;
  size: number;
}

/** The default node port range, 30000-32767. */
export const DEFAULT_NODE_PORT_RANGE: PortRange = { base: 30000, size: 2768 };

/** net.PortRange.String(): `30000-32767`. */
export function portRangeString(r: PortRange): string {
  return r.size === 0 ? '' : `${r.base}-${r.base + r.size - 1}`;
}

/** portallocator ErrNotInRange text. */
export function nodePortNotInRangeMessage(r: PortRange): string {
  return `provided port is not in the valid range. The range of valid ports is ${portRangeString(r)}`;
}

/** portallocator ErrAllocated text. */
export const NODE_PORT_ALLOCATED_MESSAGE = 'provided port is already allocated';

/**
 * validateNodePortRange(port, range): the allocator's check of a user-chosen nodePort, reported on
 * `spec.ports[i].nodePort`; [] when the port is inside the range.
 */
export function validateNodePortRange(port: number, range: PortRange, portIndex = 0): FieldError[] {
  const inRange = port >= range.base && port < range.base + range.size;
  return inRange
    ? []
    : [invalid(`spec.ports[${portIndex}].nodePort`, port, nodePortNotInRangeMessage(range))];
}

/** The error for a user-chosen nodePort that another Service already holds. */
export function nodePortAllocatedError(port: number, portIndex = 0): FieldError {
  return invalid(`spec.ports[${portIndex}].nodePort`, port, NODE_PORT_ALLOCATED_MESSAGE);
}

/** ipallocator ErrNotInRange text (the variant that names the IP and the range). */
export function clusterIPNotInRangeMessage(ip: string, cidr: string): string {
  return `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${cidr}`;
}

/** ipallocator ErrAllocated text. */
export const CLUSTER_IP_ALLOCATED_MESSAGE = 'provided IP is already allocated';

/**
 * The allocator's error for a user-chosen clusterIP outside the service CIDR:
 * `spec.clusterIPs: Invalid value: ["10.0.0.5"]: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) …`.
 */
export function clusterIPNotInRangeError(
  clusterIPs: string[],
  ip: string,
  cidr: string,
): FieldError {
  return invalid(
    'spec.clusterIPs',
    clusterIPs,
    `failed to allocate IP ${ip}: ${clusterIPNotInRangeMessage(ip, cidr)}`,
  );
}

/** The allocator's error for a user-chosen clusterIP that is already taken. */
export function clusterIPAllocatedError(clusterIPs: string[], ip: string): FieldError {
  return invalid(
    'spec.clusterIPs',
    clusterIPs,
    `failed to allocate IP ${ip}: ${CLUSTER_IP_ALLOCATED_MESSAGE}`,
  );
}
