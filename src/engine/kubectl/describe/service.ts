// `kubectl describe service` (describeService): ports with their node ports, and `Endpoints:` from
// the Service's EndpointSlices — ready endpoints only, at most three (formatEndpointSlices).
import type { Cluster } from '../../cluster';
import type { EndpointSlice, Service } from '../../api/types';
import { formatLabels } from '../../util/labels';
import { eventsAbout } from '../events';
import { annotationsMultiline, describeEvents, labelsMultiline, PrefixWriter } from './writer';

/** formatEndpointSlices for one Service port name. */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string | null): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const s of slices) {
    if (s.ports.length === 0) {
      for (const e of s.endpoints) {
        if (list.length === max) more = true;
        if (e.conditions.ready === false) continue;
        if (!more) list.push(e.addresses[0] ?? '');
        count++;
      }
      continue;
    }
    for (const port of s.ports) {
      if (portName !== null && (port.name ?? '') !== portName) continue;
      for (const e of s.endpoints) {
        if (list.length === max) more = true;
        if (e.conditions.ready === false) continue;
        if (!more) list.push(`${e.addresses[0] ?? ''}:${port.port ?? 0}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** The describe text of one Service. */
export function describeService(c: Cluster, s: Service): string {
  const w = new PrefixWriter();
  const spec = s.spec;
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace ?? 'default'}\n`);
  labelsMultiline(w, 'Labels', s.metadata.labels);
  annotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? 'ClusterIP'}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = s.status.loadBalancer.ingress ?? [];
  if (ingress.length > 0)
    w.write(
      0,
      `LoadBalancer Ingress:\t${ingress.map((i) => (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip)).join(', ')}\n`,
    );
  const slices = c.ctl.sliceIndex.slicesFor(c.key(s));
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy)
    w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy)
    w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  describeEvents(w, c, eventsAbout(c, 'Service', s.metadata.name, s.metadata.namespace));
  return w.text();
}
