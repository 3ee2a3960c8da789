// The Service REST storage's allocators (A.2, A.3): ClusterIP on create (kept on update: it is
// immutable), node ports for NodePort/LoadBalancer, the health-check node port for LoadBalancer with
// externalTrafficPolicy Local, and the cloud controller that gives a LoadBalancer its external IP.
import type { Cluster } from '../cluster';
import type { Service } from './types';
import type { FieldErrorLike } from './apply';

/** The external IPs a simulated cloud load balancer hands out (TEST-NET-2). */
const LB_POOL_BASE = '198.51.100.';
/** How long the simulated cloud takes to provision a load balancer. */
export const LB_PROVISION_MS = 4000;

/**
 * Allocates what a new or updated Service needs, mutating `svc`. Returns allocation errors (exact API
 * texts) without allocating anything when one fails.
 */
export function allocateService(
  c: Cluster,
  svc: Service,
  old: Service | undefined,
): FieldErrorLike[] {
  const a = c.ctl.allocators;
  const errors: FieldErrorLike[] = [];
  const spec = svc.spec;
  const type = spec.type ?? 'ClusterIP';
  const taken: (() => void)[] = [];
  // ClusterIP
  if (type === 'ExternalName') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  } else if (old?.spec.clusterIP && old.spec.type !== 'ExternalName') {
    spec.clusterIP = old.spec.clusterIP;
    spec.clusterIPs = [old.spec.clusterIP];
  } else if (spec.clusterIP === 'None') {
    spec.clusterIPs = ['None'];
  } else if (spec.clusterIP) {
    const ip = spec.clusterIP;
    const r = a.clusterIPs.allocateIp(ip);
    if (r === 'ok') taken.push(() => a.clusterIPs.release(ip));
    else
      errors.push({
        field: 'spec.clusterIPs',
        type: 'FieldValueInvalid',
        message:
          r === 'range'
            ? `spec.clusterIPs: Invalid value: ["${ip}"]: failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${c.config.serviceCIDR.text}`
            : `spec.clusterIPs: Invalid value: ["${ip}"]: failed to allocate IP ${ip}: provided IP is already allocated`,
      });
  } else {
    const ip = a.clusterIPs.allocateNext(c.rng);
    if (ip) {
      spec.clusterIP = ip;
      taken.push(() => a.clusterIPs.release(ip));
    }
  }
  if (spec.clusterIP) {
    spec.clusterIPs = [spec.clusterIP];
    if (spec.clusterIP !== 'None' || type === 'ClusterIP') {
      spec.ipFamilies = ['IPv4'];
      spec.ipFamilyPolicy = 'SingleStack';
    }
  }
  // Node ports
  const needsNodePorts =
    type === 'NodePort' ||
    (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  (spec.ports ?? []).forEach((p, i) => {
    const prev = old?.spec.ports?.find(
      (o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'),
    )?.nodePort;
    if (!needsNodePorts) {
      delete p.nodePort;
      return;
    }
    if (p.nodePort !== undefined && p.nodePort === prev) return;
    if (p.nodePort !== undefined) {
      const port = p.nodePort;
      const r = a.nodePorts.allocatePort(port);
      if (r === 'ok') taken.push(() => a.nodePorts.release(port));
      else
        errors.push({
          field: `spec.ports[${i}].nodePort`,
          type: 'FieldValueInvalid',
          message:
            r === 'range'
              ? `spec.ports[${i}].nodePort: Invalid value: ${port}: provided port is not in the valid range. The range of valid ports is ${a.nodePorts.rangeText}`
              : `spec.ports[${i}].nodePort: Invalid value: ${port}: provided port is already allocated`,
        });
      return;
    }
    if (prev !== undefined) {
      p.nodePort = prev;
      return;
    }
    const port = a.nodePorts.allocateNext(c.rng);
    if (port !== null) {
      p.nodePort = port;
      taken.push(() => a.nodePorts.release(port));
    }
  });
  if (type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
    if (spec.healthCheckNodePort === undefined) {
      const hc = old?.spec.healthCheckNodePort ?? a.nodePorts.allocateNext(c.rng);
      if (hc !== null) spec.healthCheckNodePort = hc;
    }
  } else delete spec.healthCheckNodePort;
  if (errors.length > 0) {
    for (const undo of taken) undo();
    return errors;
  }
  return [];
}

/** Frees the addresses and ports a Service held (on delete, or ports it no longer uses on update). */
export function releaseService(c: Cluster, old: Service, next: Service | undefined): void {
  const a = c.ctl.allocators;
  const keep = new Set(
    (next?.spec.ports ?? []).map((p) => p.nodePort).filter((p) => p !== undefined),
  );
  if (next?.spec.healthCheckNodePort !== undefined) keep.add(next.spec.healthCheckNodePort);
  for (const p of old.spec.ports ?? [])
    if (p.nodePort !== undefined && !keep.has(p.nodePort)) a.nodePorts.release(p.nodePort);
  if (old.spec.healthCheckNodePort !== undefined && !keep.has(old.spec.healthCheckNodePort))
    a.nodePorts.release(old.spec.healthCheckNodePort);
  const ip = old.spec.clusterIP;
  if (ip && ip !== 'None' && next?.spec.clusterIP !== ip) a.clusterIPs.release(ip);
}

/** The cloud controller: a LoadBalancer Service gets an ingress IP after provisioning; others lose it. */
export function reconcileLoadBalancer(c: Cluster, key: string): void {
  const svc = c.store.get('Service', key);
  if (!svc) return;
  const hasIngress = (svc.status.loadBalancer.ingress ?? []).length > 0;
  if (svc.spec.type !== 'LoadBalancer') {
    if (hasIngress) c.store.put({ ...svc, status: { loadBalancer: {} } });
    return;
  }
  if (hasIngress) return;
  const uid = svc.metadata.uid;
  c.recordEvent(
    svc,
    'Normal',
    'EnsuringLoadBalancer',
    'Ensuring load balancer',
    'service-controller',
    'svc.ensuringLB',
    { service: svc.metadata.name },
  );
  c.after(LB_PROVISION_MS, () => {
    const cur = c.store.get('Service', key);
    if (!cur || cur.metadata.uid !== uid || cur.spec.type !== 'LoadBalancer') return;
    if ((cur.status.loadBalancer.ingress ?? []).length > 0) return;
    const ip =
      cur.spec.loadBalancerIP || `${LB_POOL_BASE}${10 + c.ctl.allocators.nextLoadBalancer++}`;
    c.store.put({ ...cur, status: { loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } });
    c.recordEvent(
      cur,
      'Normal',
      'EnsuredLoadBalancer',
      'Ensured load balancer',
      'service-controller',
      'svc.ensuredLB',
      { service: cur.metadata.name, ip },
    );
  });
}
