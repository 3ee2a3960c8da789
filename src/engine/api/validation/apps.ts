// Deployment and ReplicaSet rules (apps validation ValidateDeploymentSpec, ValidateDeploymentStrategy,
// ValidateRollingUpdateDeployment, ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet, and
// the apps/v1 strategies' selector immutability), in the API server's order.
import type { FieldError } from './fieldErrors';
import { GoStruct, forbidden, invalid, notSupported, required } from './fieldErrors';
import {
  labelSelectorAsSelector,
  labelSelectorValue,
  validateImmutable,
  validateLabelSelector,
  validateNonnegative,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './meta';
import { isDNS1123Subdomain, isValidPercent } from './names';
import type { Obj } from './obj';
import { arr, has, num, optNum, rec, recOr, str, strMap } from './obj';
import { validatePodTemplateSpec } from './podSpec';

/** intstr.IntOrString as encoding/json renders it: the int, or the quoted string. */
function intOrString(v: unknown): number | string {
  return typeof v === 'string' ? v : num(v);
}

function percentValue(v: unknown): number | null {
  if (typeof v !== 'string' || isValidPercent(v).length > 0) return null;
  return Number(v.slice(0, -1));
}

function intOrPercentValue(v: unknown): number {
  const p = percentValue(v);
  if (p !== null) return p;
  if (typeof v === 'string') return Number.isInteger(Number(v)) && v.trim() !== '' ? Number(v) : 0;
  return num(v);
}

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') {
    return isValidPercent(v).map((m) => invalid(path, v, m));
  }
  return validateNonnegative(num(v), path);
}

/** IsNotMoreThan100Percent. */
export function isNotMoreThan100Percent(v: unknown, path: string): FieldError[] {
  const p = percentValue(v);
  return p === null || p <= 100
    ? []
    : [invalid(path, intOrString(v), 'must not be greater than 100%')];
}

function validateRollingUpdate(ru: Obj, path: string): FieldError[] {
  const errs = validatePositiveIntOrPercent(ru['maxUnavailable'], `${path}.maxUnavailable`);
  errs.push(...validatePositiveIntOrPercent(ru['maxSurge'], `${path}.maxSurge`));
  if (intOrPercentValue(ru['maxUnavailable']) === 0 && intOrPercentValue(ru['maxSurge']) === 0) {
    errs.push(
      invalid(
        `${path}.maxUnavailable`,
        intOrString(ru['maxUnavailable']),
        'may not be 0 when `maxSurge` is 0',
      ),
    );
  }
  errs.push(...isNotMoreThan100Percent(ru['maxUnavailable'], `${path}.maxUnavailable`));
  return errs;
}

/** The internal apps.DeploymentStrategy as a NotSupported bad value. */
function strategyValue(strategy: Obj): GoStruct {
  const ru = rec(strategy['rollingUpdate']);
  const ruValue = ru
    ? new GoStruct([
        ['MaxUnavailable', intOrString(ru['maxUnavailable'])],
        ['MaxSurge', intOrString(ru['maxSurge'])],
      ])
    : null;
  return new GoStruct([
    ['Type', str(strategy['type'])],
    ['RollingUpdate', ruValue],
  ]);
}

/** ValidateDeploymentStrategy. */
export function validateDeploymentStrategy(strategy: Obj, path: string): FieldError[] {
  const type = str(strategy['type']);
  if (type === 'Recreate') {
    return has(strategy, 'rollingUpdate')
      ? [
          forbidden(
            `${path}.rollingUpdate`,
            "may not be specified when strategy `type` is 'Recreate'",
          ),
        ]
      : [];
  }
  if (type === 'RollingUpdate') {
    const ru = rec(strategy['rollingUpdate']);
    return ru
      ? validateRollingUpdate(ru, `${path}.rollingUpdate`)
      : [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
  }
  return [notSupported(path, strategyValue(strategy), ['Recreate', 'RollingUpdate'])];
}

/** ValidatePodTemplateSpecForReplicaSet: selector must match, restartPolicy Always. */
function validateTemplateForSelector(
  spec: Obj,
  path: string,
  selectorRequired: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  const selector = rec(spec['selector']);
  if (!selector) {
    if (selectorRequired) errs.push(required(`${path}.selector`));
  } else {
    errs.push(...validateLabelSelector(selector, `${path}.selector`));
    const count =
      Object.keys(strMap(selector['matchLabels']) ?? {}).length +
      arr(selector['matchExpressions']).length;
    if (count === 0) {
      errs.push(
        invalid(
          `${path}.selector`,
          labelSelectorValue(selector),
          'empty selector is invalid for deployment',
        ),
      );
    }
  }
  const matcher = labelSelectorAsSelector(selector);
  if (!matcher) {
    errs.push(invalid(`${path}.selector`, labelSelectorValue(selector), 'invalid label selector'));
    return errs;
  }
  const template = recOr(spec['template']);
  const labels = strMap(recOr(template['metadata'])['labels']) ?? {};
  if (!matcher.empty && !matcher.matches(labels)) {
    errs.push(
      invalid(
        `${path}.template.metadata.labels`,
        strMap(recOr(template['metadata'])['labels']) ?? null,
        '`selector` does not match template `labels`',
      ),
    );
  }
  errs.push(...validatePodTemplateSpec(template, `${path}.template`));
  const tspec = recOr(template['spec']);
  const restart = str(tspec['restartPolicy']);
  if (restart !== 'Always')
    errs.push(notSupported(`${path}.template.spec.restartPolicy`, restart, ['Always']));
  if (has(tspec, 'activeDeadlineSeconds')) {
    errs.push(
      forbidden(
        `${path}.template.spec.activeDeadlineSeconds`,
        'activeDeadlineSeconds in ReplicaSet is not Supported',
      ),
    );
  }
  return errs;
}

/** ValidateDeploymentSpec. */
export function validateDeploymentSpec(spec: Obj, path = 'spec'): FieldError[] {
  const errs = validateNonnegative(num(spec['replicas']), `${path}.replicas`);
  errs.push(...validateTemplateForSelector(spec, path, true));
  errs.push(...validateDeploymentStrategy(recOr(spec['strategy']), `${path}.strategy`));
  const minReady = num(spec['minReadySeconds']);
  errs.push(...validateNonnegative(minReady, `${path}.minReadySeconds`));
  const rhl = optNum(spec['revisionHistoryLimit']);
  if (rhl !== undefined) errs.push(...validateNonnegative(rhl, `${path}.revisionHistoryLimit`));
  const pds = optNum(spec['progressDeadlineSeconds']);
  if (pds !== undefined) {
    errs.push(...validateNonnegative(pds, `${path}.progressDeadlineSeconds`));
    if (pds <= minReady) {
      errs.push(
        invalid(`${path}.progressDeadlineSeconds`, pds, 'must be greater than minReadySeconds'),
      );
    }
  }
  return errs;
}

/** validateDeployment(dep, old?): ValidateDeployment, or ValidateDeploymentUpdate + selector immutability. */
export function validateDeployment(dep: Obj, old?: Obj): FieldError[] {
  const errs = old
    ? validateObjectMetaUpdate(rec(dep['metadata']), rec(old['metadata']))
    : validateObjectMeta(rec(dep['metadata']), { namespaced: true, nameFn: isDNS1123Subdomain });
  const spec = recOr(dep['spec']);
  errs.push(...validateDeploymentSpec(spec));
  if (old) errs.push(...selectorImmutable(spec, recOr(old['spec'])));
  return errs;
}

function selectorImmutable(spec: Obj, oldSpec: Obj): FieldError[] {
  const sel = rec(spec['selector']);
  return validateImmutable(
    labelSelectorValue(sel),
    labelSelectorValue(rec(oldSpec['selector'])),
    'spec.selector',
  );
}

/** ValidateReplicaSetSpec. */
export function validateReplicaSetSpec(spec: Obj, path = 'spec'): FieldError[] {
  const errs = validateNonnegative(num(spec['replicas']), `${path}.replicas`);
  errs.push(...validateNonnegative(num(spec['minReadySeconds']), `${path}.minReadySeconds`));
  errs.push(...validateTemplateForSelector(spec, path, true));
  return errs;
}

/** validateReplicaSet(rs, old?): ValidateReplicaSet, or the update rules + selector immutability. */
export function validateReplicaSet(rs: Obj, old?: Obj): FieldError[] {
  const errs = old
    ? validateObjectMetaUpdate(rec(rs['metadata']), rec(old['metadata']))
    : validateObjectMeta(rec(rs['metadata']), { namespaced: true, nameFn: isDNS1123Subdomain });
  const spec = recOr(rs['spec']);
  errs.push(...validateReplicaSetSpec(spec));
  if (old) errs.push(...selectorImmutable(spec, recOr(old['spec'])));
  return errs;
}
