// Service rules (core validation ValidateService, validateServicePort, ValidateServiceUpdate) in the
// API server's order. Runs on a defaulted, clusterIP-normalized Service; allocation (clusterIPs,
// nodePorts, healthCheckNodePort) happens elsewhere, before this in the real server.
import type { FieldError } from './fieldErrors';
import {
  GoStruct,
  duplicate,
  forbidden,
  invalid,
  notSupportedSorted,
  required,
} from './fieldErrors';
import { validateCIDR, validateIP, validateNonSpecialIP } from './ip';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './meta';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidPortNum,
} from './names';
import type { Obj } from './obj';
import { arr, has, num, optNum, rec, recOr, recs, str, strMap } from './obj';
import { validatePortNumOrName } from './probes';
import {
  clusterIPsOf,
  isHeadless,
  validateClusterIPsRelated,
  validateClusterIPsUpdate,
} from './serviceClusterIPs';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

/** MaxClientIPServiceAffinitySeconds. */
export const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

function validateServicePort(
  sp: Obj,
  requireName: boolean,
  names: Set<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sp['name']);
  if (requireName && !name) errs.push(required(`${path}.name`));
  else if (name) {
    errs.push(...isDNS1123Label(name).map((m) => invalid(`${path}.name`, name, m)));
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
    else names.add(name);
  }
  const port = num(sp['port']);
  errs.push(...isValidPortNum(port).map((m) => invalid(`${path}.port`, port, m)));
  const proto = str(sp['protocol']);
  if (!proto) errs.push(required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(proto))
    errs.push(notSupportedSorted(`${path}.protocol`, proto, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp['targetPort'], `${path}.targetPort`));
  if (has(sp, 'appProtocol')) {
    const ap = str(sp['appProtocol']);
    errs.push(...isQualifiedName(ap).map((m) => invalid(`${path}.appProtocol`, ap, m)));
  }
  return errs;
}

/** The internal core.ServicePort as the Duplicate error renders it (Go field names, JSON). */
function servicePortKey(protocol: string, port: number): GoStruct {
  return new GoStruct([
    ['Name', ''],
    ['Protocol', protocol],
    ['AppProtocol', null],
    ['Port', port],
    ['TargetPort', 0],
    ['NodePort', 0],
  ]);
}

/** apiservice.ExternallyAccessible. */
export function externallyAccessible(spec: Obj): boolean {
  const t = str(spec['type']);
  return (
    t === 'LoadBalancer' ||
    t === 'NodePort' ||
    (t === 'ClusterIP' && arr(spec['externalIPs']).length > 0)
  );
}

function validateTrafficPolicies(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(spec['type']);
  const etp = str(spec['externalTrafficPolicy']);
  if (!externallyAccessible(spec)) {
    if (etp)
      errs.push(
        invalid(
          'spec.externalTrafficPolicy',
          etp,
          'may only be set for externally-accessible services',
        ),
      );
  } else if (!etp) {
    errs.push(required('spec.externalTrafficPolicy'));
  } else if (etp !== 'Cluster' && etp !== 'Local') {
    errs.push(notSupportedSorted('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  }
  const hc = num(spec['healthCheckNodePort']);
  const needsHC = type === 'LoadBalancer' && etp === 'Local';
  if (!needsHC && hc !== 0) {
    errs.push(
      invalid(
        'spec.healthCheckNodePort',
        hc,
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    );
  } else if (needsHC && hc !== 0) {
    errs.push(...isValidPortNum(hc).map((m) => invalid('spec.healthCheckNodePort', hc, m)));
  }
  if (!has(spec, 'internalTrafficPolicy')) {
    if (['NodePort', 'LoadBalancer', 'ClusterIP'].includes(type))
      errs.push(required('spec.internalTrafficPolicy'));
  } else {
    const itp = str(spec['internalTrafficPolicy']);
    if (itp !== 'Cluster' && itp !== 'Local') {
      errs.push(notSupportedSorted('spec.internalTrafficPolicy', itp, ['Cluster', 'Local']));
    }
  }
  if (has(spec, 'trafficDistribution') && spec['trafficDistribution'] !== 'PreferClose') {
    errs.push(
      notSupportedSorted('spec.trafficDistribution', str(spec['trafficDistribution']), [
        'PreferClose',
      ]),
    );
  }
  return errs;
}

function validateTypeSpecific(svc: Obj, spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(spec['type']);
  const headless = isHeadless(svc);
  if (type === 'LoadBalancer' && headless) {
    errs.push(
      invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"),
    );
  } else if (type === 'NodePort' && headless) {
    errs.push(
      invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"),
    );
  } else if (type === 'ExternalName') {
    if (clusterIPsOf(svc).length > 0)
      errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (arr(spec['ipFamilies']).length > 0)
      errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (has(spec, 'ipFamilyPolicy'))
      errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = str(spec['externalName']).replace(/\.$/, '');
    if (cname)
      errs.push(...isDNS1123Subdomain(cname).map((m) => invalid('spec.externalName', cname, m)));
    else errs.push(required('spec.externalName'));
  }
  return errs;
}

/** ValidateService: the create-time rules. */
export function validateServiceCreate(svc: Obj): FieldError[] {
  const errs = validateObjectMeta(rec(svc['metadata']), {
    namespaced: true,
    nameFn: isDNS1035Label,
  });
  const spec = recOr(svc['spec']);
  const type = str(spec['type']);
  const ports = recs(spec['ports']);
  if (ports.length === 0 && !isHeadless(svc) && type !== 'ExternalName')
    errs.push(required('spec.ports'));
  errs.push(...validateTypeSpecific(svc, spec));
  const names = new Set<string>();
  ports.forEach((p, i) =>
    errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)),
  );
  if (has(spec, 'selector'))
    errs.push(...validateLabels(strMap(spec['selector']), 'spec.selector'));
  const affinity = str(spec['sessionAffinity']);
  if (!affinity) errs.push(required('spec.sessionAffinity'));
  else if (affinity !== 'ClientIP' && affinity !== 'None') {
    errs.push(notSupportedSorted('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  }
  errs.push(...validateAffinityConfig(affinity, rec(spec['sessionAffinityConfig'])));
  errs.push(...validateClusterIPsRelated(svc));
  arr(spec['externalIPs']).forEach((ip, i) => {
    const e = validateIP(`spec.externalIPs[${i}]`, str(ip));
    errs.push(...(e.length > 0 ? e : validateNonSpecialIP(`spec.externalIPs[${i}]`, str(ip))));
  });
  if (!type) errs.push(required('spec.type'));
  else if (!TYPES.includes(type)) errs.push(notSupportedSorted('spec.type', type, TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (num(p['nodePort']) !== 0) {
        errs.push(
          forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"),
        );
      }
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const np = num(p['nodePort']);
    if (np === 0) return;
    const key = `${str(p['protocol'])}/${np}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, np));
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${str(p['protocol'])}/${num(p['port'])}`;
    if (portKeys.has(key))
      errs.push(duplicate(`spec.ports[${i}]`, servicePortKey(str(p['protocol']), num(p['port']))));
    portKeys.add(key);
  });
  errs.push(...validateLoadBalancerFields(spec));
  errs.push(...validateTrafficPolicies(spec));
  return errs;
}

function validateAffinityConfig(affinity: string, config: Obj | undefined): FieldError[] {
  const path = 'spec.sessionAffinityConfig';
  if (affinity === 'None')
    return config ? [forbidden(path, 'must not be set when session affinity is None')] : [];
  if (affinity !== 'ClientIP') return [];
  const when = 'when session affinity type is ClientIP';
  if (!config) return [required(path, when)];
  const clientIP = rec(config['clientIP']);
  if (!clientIP) return [required(`${path}.clientIP`, when)];
  const timeout = optNum(clientIP['timeoutSeconds']);
  if (timeout === undefined) return [required(`${path}.clientIP.timeoutSeconds`, when)];
  if (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
    return [
      invalid(
        `${path}.clientIP.timeoutSeconds`,
        timeout,
        `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`,
      ),
    ];
  }
  return [];
}

function validateLoadBalancerFields(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const isLB = str(spec['type']) === 'LoadBalancer';
  const ranges = arr(spec['loadBalancerSourceRanges']).map(str);
  if (ranges.length > 0) {
    const path = 'spec.LoadBalancerSourceRanges';
    if (!isLB) errs.push(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => errs.push(...validateCIDR(`${path}[${i}]`, r.trim())));
  }
  if (has(spec, 'allocateLoadBalancerNodePorts') && !isLB) {
    errs.push(
      forbidden(
        'spec.allocateLoadBalancerNodePorts',
        "may only be used when `type` is 'LoadBalancer'",
      ),
    );
  }
  if (isLB && !has(spec, 'allocateLoadBalancerNodePorts'))
    errs.push(required('allocateLoadBalancerNodePorts'));
  if (has(spec, 'loadBalancerClass')) {
    const cls = str(spec['loadBalancerClass']);
    if (isLB)
      errs.push(...isQualifiedName(cls).map((m) => invalid('spec.loadBalancerClass', cls, m)));
    else
      errs.push(
        forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"),
      );
  }
  return errs;
}

/** ValidateServiceUpdate: metadata, immutable primary clusterIP, then the create rules. */
export function validateServiceUpdate(svc: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(rec(svc['metadata']), rec(old['metadata']));
  errs.push(...validateClusterIPsUpdate(old, svc));
  const spec = recOr(svc['spec']);
  const oldSpec = recOr(old['spec']);
  const bothLB = str(spec['type']) === 'LoadBalancer' && str(oldSpec['type']) === 'LoadBalancer';
  if (bothLB && (spec['loadBalancerClass'] ?? null) !== (oldSpec['loadBalancerClass'] ?? null)) {
    errs.push(
      invalid(
        'spec.loadBalancerClass',
        spec['loadBalancerClass'] ?? null,
        'may not change once set',
      ),
    );
  }
  const needs = (s: Obj): boolean =>
    str(s['type']) === 'LoadBalancer' && str(s['externalTrafficPolicy']) === 'Local';
  if (
    needs(spec) &&
    needs(oldSpec) &&
    num(spec['healthCheckNodePort']) !== num(oldSpec['healthCheckNodePort'])
  ) {
    errs.push(forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  return [...errs, ...validateServiceCreate(svc)];
}

/** validateService(svc, old?): create rules, or update rules when `old` is given. */
export function validateService(svc: Obj, old?: Obj): FieldError[] {
  return old ? validateServiceUpdate(svc, old) : validateServiceCreate(svc);
}
