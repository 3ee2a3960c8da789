// EndpointSlice rules (discovery validation ValidateEndpointSlice, validateEndpoints, validatePorts)
// for discovery.k8s.io/v1, in the API server's order.
import type { FieldError } from './fieldErrors';
import { duplicate, invalid, notSupportedSorted, required, tooMany } from './fieldErrors';
import { validateIPv4, validateIPv6, validateNonSpecialIP } from './ip';
import {
  validateImmutable,
  validateLabels,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './meta';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from './names';
import type { Obj } from './obj';
import { arr, has, rec, recs, str, strMap } from './obj';

const ADDRESS_TYPES = ['IPv4', 'IPv6', 'FQDN'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

function validateFQDN(field: string, value: string): FieldError[] {
  if (!value) return [required(field)];
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  const msgs = isDNS1123Subdomain(name);
  if (msgs.length > 0) return [invalid(field, name, msgs.join(','))];
  const labels = name.split('.');
  if (labels.length < 2)
    return [
      invalid(field, name, 'should be a domain with at least two segments separated by dots'),
    ];
  for (const l of labels) {
    const m = isDNS1123Label(l);
    if (m.length > 0) return [invalid(field, l, m.join(','))];
  }
  return [];
}

function validateEndpoints(endpoints: Obj[], addressType: string): FieldError[] {
  if (endpoints.length > 1000) return [tooMany('endpoints', endpoints.length, 1000)];
  const errs: FieldError[] = [];
  endpoints.forEach((ep, i) => {
    const p = `endpoints[${i}]`;
    const addresses = arr(ep['addresses']).map(str);
    if (addresses.length === 0)
      errs.push(required(`${p}.addresses`, 'must contain at least 1 address'));
    else if (addresses.length > 100) errs.push(tooMany(`${p}.addresses`, addresses.length, 100));
    addresses.forEach((a, j) => {
      const ap = `${p}.addresses[${j}]`;
      if (addressType === 'IPv4') errs.push(...validateIPv4(ap, a), ...validateNonSpecialIP(ap, a));
      if (addressType === 'IPv6') errs.push(...validateIPv6(ap, a), ...validateNonSpecialIP(ap, a));
      if (addressType === 'FQDN') errs.push(...validateFQDN(ap, a));
    });
    const topo = strMap(ep['deprecatedTopology']);
    if (topo && Object.keys(topo).length > 16) {
      errs.push(tooMany(`${p}.deprecatedTopology`, Object.keys(topo).length, 16));
    }
    errs.push(...validateLabels(topo, `${p}.deprecatedTopology`));
    if (has(ep, 'hostname')) {
      const h = str(ep['hostname']);
      errs.push(...isDNS1123Label(h).map((m) => invalid(`${p}.hostname`, h, m)));
    }
    if (has(ep, 'nodeName')) {
      const n = str(ep['nodeName']);
      errs.push(...isDNS1123Subdomain(n).map((m) => invalid(`${p}.nodeName`, n, m)));
    }
  });
  return errs;
}

function validatePorts(ports: Obj[]): FieldError[] {
  if (ports.length > 100) return [tooMany('ports', ports.length, 100)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `ports[${i}]`;
    const name = str(port['name']);
    if (name) errs.push(...isDNS1123Label(name).map((m) => invalid(`${p}.name`, name, m)));
    if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    else names.add(name);
    if (!has(port, 'protocol')) errs.push(required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(str(port['protocol']))) {
      errs.push(notSupportedSorted(`${p}.protocol`, str(port['protocol']), PROTOCOLS));
    }
    if (has(port, 'appProtocol')) {
      const ap = str(port['appProtocol']);
      errs.push(...isQualifiedName(ap).map((m) => invalid(`${p}.appProtocol`, ap, m)));
    }
  });
  return errs;
}

/** validateEndpointSlice(slice, old?): ValidateEndpointSliceCreate / ValidateEndpointSliceUpdate. */
export function validateEndpointSlice(slice: Obj, old?: Obj): FieldError[] {
  const errs = validateObjectMeta(rec(slice['metadata']), {
    namespaced: true,
    nameFn: isDNS1123Subdomain,
  });
  const addressType = str(slice['addressType']);
  const valid = old ? [...ADDRESS_TYPES, 'IP'] : ADDRESS_TYPES;
  if (!addressType) errs.push(required('addressType'));
  else if (!valid.includes(addressType))
    errs.push(notSupportedSorted('addressType', addressType, valid));
  errs.push(...validateEndpoints(recs(slice['endpoints']), addressType));
  errs.push(...validatePorts(recs(slice['ports'])));
  if (old) {
    errs.unshift(...validateObjectMetaUpdate(rec(slice['metadata']), rec(old['metadata'])));
    errs.push(...validateImmutable(addressType, str(old['addressType']), 'addressType'));
  }
  return errs;
}
