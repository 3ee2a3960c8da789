// Service clusterIP/clusterIPs/ipFamilies rules: the strategy's normalizeClusterIPs and
// ValidateServiceClusterIPsRelatedFields / validateUpgradeDowngradeClusterIPs. It never allocates.
import type { FieldError } from './fieldErrors';
import { duplicate, invalid, notSupportedSorted, required } from './fieldErrors';
import { parseIP, validateIP } from './ip';
import type { Obj } from './obj';
import { arr, deepEqual, has, recOr, str } from './obj';

/** The Service's `spec.clusterIPs` as strings. */
export function clusterIPsOf(svc: Obj): string[] {
  return arr(recOr(svc['spec'])['clusterIPs']).map(str);
}

/** isHeadlessService: exactly `clusterIPs: [None]`. */
export function isHeadless(svc: Obj): boolean {
  const ips = clusterIPsOf(svc);
  return ips.length === 1 && ips[0] === 'None';
}

/**
 * normalizeClusterIPs (pkg/registry/core/service): keeps `clusterIP` and `clusterIPs` in sync
 * before validation. Mutates `svc.spec`; `old` is the stored object on update.
 */
export function normalizeClusterIPs(svc: Obj, old?: Obj): void {
  const spec = recOr(svc['spec']);
  svc['spec'] = spec;
  const ip = str(spec['clusterIP']);
  const ips = arr(spec['clusterIPs']);
  if (!old) {
    if (ip && ips.length === 0) spec['clusterIPs'] = [ip];
    return;
  }
  const oldSpec = recOr(old['spec']);
  const oldIP = str(oldSpec['clusterIP']);
  const oldIPs = arr(oldSpec['clusterIPs']);
  if (oldIPs.length > 0 && ips.length === 0 && oldIP === ip) spec['clusterIPs'] = [...oldIPs];
  if (oldIP !== ip) {
    const same = deepEqual(oldIPs, arr(spec['clusterIPs']));
    if (oldIP && !ip) {
      if (same) delete spec['clusterIPs'];
    } else if (same) {
      spec['clusterIPs'] = [ip];
    }
  }
}

/** ValidateServiceClusterIPsRelatedFields. */
export function validateClusterIPsRelated(svc: Obj): FieldError[] {
  const spec = recOr(svc['spec']);
  if (str(spec['type']) === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ip = str(spec['clusterIP']);
  const ips = clusterIPsOf(svc);
  const path = 'spec.clusterIPs';
  if (ip) {
    if (ips.length === 0) errs.push(required(path));
    else if (ips[0] !== ip) errs.push(invalid(path, ips, 'first value must match `clusterIP`'));
  } else if (ips.length !== 0) {
    errs.push(invalid(path, ips, 'must be empty when `clusterIP` is not specified'));
  }
  const families = arr(spec['ipFamilies']).map(str);
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6')
      errs.push(notSupportedSorted(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  if (has(spec, 'ipFamilyPolicy')) {
    const policy = str(spec['ipFamilyPolicy']);
    const allowed = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];
    if (!allowed.includes(policy))
      errs.push(notSupportedSorted('spec.ipFamilyPolicy', policy, allowed));
  }
  let bad = false;
  ips.forEach((v, i) => {
    if (i === 0 && v === 'None') {
      if (ips.length > 1) {
        bad = true;
        errs.push(invalid(path, ips, "'None' must be the first and only value"));
      }
      return;
    }
    const e = validateIP(`${path}[${i}]`, v);
    if (e.length > 0) bad = true;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(invalid(path, ips, 'may only hold up to 2 values'));
  if (bad) return errs;
  if (ips.length > 1) {
    const fams = ips.map((v) => parseIP(v)?.family);
    if (ips.length !== 2 || fams[0] === fams[1]) {
      errs.push(invalid(path, ips, 'may specify no more than one IP for each IP family'));
    }
  }
  if (!isHeadless(svc) && ips.length > 0 && families.length > 0) {
    ips.forEach((v, i) => {
      if (i > families.length - 1) return;
      const v6 = parseIP(v)?.family === 'IPv6';
      if (families[i] === 'IPv4' && v6) {
        errs.push(
          invalid(
            `${path}[${i}]`,
            v,
            `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
      }
      if (families[i] === 'IPv6' && !v6) {
        errs.push(
          invalid(
            `${path}[${i}]`,
            v,
            `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
      }
    });
  }
  return errs;
}

/** validateUpgradeDowngradeClusterIPs: the primary clusterIP `may not change once set`. */
export function validateClusterIPsUpdate(old: Obj, svc: Obj): FieldError[] {
  const type = str(recOr(svc['spec'])['type']);
  const oldType = str(recOr(old['spec'])['type']);
  if (type === 'ExternalName' || oldType === 'ExternalName') return [];
  if (isHeadless(old) && isHeadless(svc)) return [];
  const errs: FieldError[] = [];
  const oldIPs = clusterIPsOf(old);
  const ips = clusterIPsOf(svc);
  const path0 = 'spec.clusterIPs[0]';
  if (oldIPs.length === ips.length) {
    oldIPs.forEach((v, i) => {
      if (v !== ips[i]) errs.push(invalid(`spec.clusterIPs[${i}]`, ips, 'may not change once set'));
    });
  } else if (oldIPs.length > ips.length) {
    if (ips.length === 0) errs.push(invalid(path0, ips, 'primary clusterIP can not be unset'));
    if (oldIPs.length > 0 && ips.length > 0 && ips[0] !== oldIPs[0]) {
      errs.push(invalid(path0, ips, 'may not change once set'));
    }
    const policy = recOr(svc['spec'])['ipFamilyPolicy'];
    if (ips.length === 1 && policy !== 'SingleStack') {
      errs.push(
        invalid(
          'spec.ipFamilyPolicy',
          policy ?? null,
          "must be set to 'SingleStack' when releasing the secondary clusterIP",
        ),
      );
    }
  } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
    errs.push(invalid(path0, ips, 'may not change once set'));
  }
  return errs;
}
