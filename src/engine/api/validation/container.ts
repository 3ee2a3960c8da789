// Container rules (core validation validateContainerCommon, validateContainers,
// validateInitContainers, validateContainerPorts), in the API server's order.
import type { FieldError } from './fieldErrors';
import {
  duplicate,
  forbidden,
  invalid,
  notFound,
  notSupported,
  notSupportedSorted,
  required,
} from './fieldErrors';
import { isDNS1123Label, isEnvVarName, isValidPortName, isValidPortNum } from './names';
import type { Obj } from './obj';
import { has, num, rec, recs, str } from './obj';
import { validateLifecycle, validateProbe } from './probes';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

/** validateContainerPorts: names (IANA_SVC_NAME, unique), containerPort, hostPort, protocol. */
export function validateContainerPorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `${path}[${i}]`;
    const name = str(port['name']);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalid(`${p}.name`, name, m)));
      else if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
      else names.add(name);
    }
    const cp = num(port['containerPort']);
    if (cp === 0) errs.push(required(`${p}.containerPort`));
    else errs.push(...isValidPortNum(cp).map((m) => invalid(`${p}.containerPort`, cp, m)));
    const hp = num(port['hostPort']);
    if (hp !== 0) errs.push(...isValidPortNum(hp).map((m) => invalid(`${p}.hostPort`, hp, m)));
    const proto = str(port['protocol']);
    if (!proto) errs.push(required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(proto))
      errs.push(notSupportedSorted(`${p}.protocol`, proto, PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((ev, i) => {
    const name = str(ev['name']);
    if (!name) errs.push(required(`${path}[${i}].name`));
    else errs.push(...isEnvVarName(name).map((m) => invalid(`${path}[${i}].name`, name, m)));
  });
  return errs;
}

function validateVolumeMounts(mounts: Obj[], volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  mounts.forEach((m, i) => {
    const p = `${path}[${i}]`;
    const name = str(m['name']);
    const mountPath = str(m['mountPath']);
    if (!name) errs.push(required(`${p}.name`));
    if (!volumes.has(name)) errs.push(notFound(`${p}.name`, name));
    if (!mountPath) errs.push(required(`${p}.mountPath`));
    if (seen.has(mountPath)) errs.push(invalid(`${p}.mountPath`, mountPath, 'must be unique'));
    seen.add(mountPath);
  });
  return errs;
}

function validateCommon(ctr: Obj, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(ctr['name']);
  if (!name) errs.push(required(`${path}.name`));
  else errs.push(...isDNS1123Label(name).map((m) => invalid(`${path}.name`, name, m)));
  if (!str(ctr['image'])) errs.push(required(`${path}.image`));
  const tmp = str(ctr['terminationMessagePolicy']);
  if (!tmp) errs.push(required(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(
      notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']),
    );
  }
  errs.push(...validateContainerPorts(recs(ctr['ports']), `${path}.ports`));
  errs.push(...validateEnv(recs(ctr['env']), `${path}.env`));
  errs.push(...validateVolumeMounts(recs(ctr['volumeMounts']), volumes, `${path}.volumeMounts`));
  const pull = str(ctr['imagePullPolicy']);
  if (!pull) errs.push(required(`${path}.imagePullPolicy`));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pull)) {
    errs.push(
      notSupportedSorted(`${path}.imagePullPolicy`, pull, ['Always', 'IfNotPresent', 'Never']),
    );
  }
  return errs;
}

function hostPortConflicts(containers: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    recs(c['ports']).forEach((port, pi) => {
      const hp = num(port['hostPort']);
      if (hp === 0) return;
      const key = `${str(port['protocol'])}/${str(port['hostIP'])}/${hp}`;
      if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  });
  return errs;
}

/** validateContainers: at least one container, unique names, probes, lifecycle, hostPorts. */
export function validateContainers(
  containers: Obj[],
  volumes: Set<string>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  if (containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((ctr, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateCommon(ctr, volumes, p));
    const name = str(ctr['name']);
    if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    else names.add(name);
    const lifecycle = rec(ctr['lifecycle']);
    if (lifecycle) errs.push(...validateLifecycle(lifecycle, gracePeriod, `${p}.lifecycle`));
    errs.push(
      ...validateProbe(
        rec(ctr['livenessProbe']),
        'livenessProbe',
        gracePeriod,
        `${p}.livenessProbe`,
      ),
    );
    errs.push(
      ...validateProbe(
        rec(ctr['readinessProbe']),
        'readinessProbe',
        gracePeriod,
        `${p}.readinessProbe`,
      ),
    );
    errs.push(
      ...validateProbe(rec(ctr['startupProbe']), 'startupProbe', gracePeriod, `${p}.startupProbe`),
    );
    if (has(ctr, 'restartPolicy')) {
      errs.push(forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
    }
  });
  errs.push(...hostPortConflicts(containers, path));
  return errs;
}

const INIT_FORBIDDEN = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'];

/** validateInitContainers: common rules, names unique across regular and init containers. */
export function validateInitContainers(
  inits: Obj[],
  regular: Obj[],
  volumes: Set<string>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(regular.map((c) => str(c['name'])));
  inits.forEach((ctr, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateCommon(ctr, volumes, p));
    const policy = ctr['restartPolicy'];
    const restartAlways = policy === 'Always';
    if (policy !== undefined && policy !== null && !restartAlways) {
      errs.push(notSupported(`${p}.restartPolicy`, str(policy), ['Always']));
    }
    const name = str(ctr['name']);
    if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    else if (name) names.add(name);
    errs.push(...hostPortConflicts([ctr], path));
    if (restartAlways) {
      const lifecycle = rec(ctr['lifecycle']);
      if (lifecycle) errs.push(...validateLifecycle(lifecycle, gracePeriod, `${p}.lifecycle`));
      errs.push(
        ...validateProbe(
          rec(ctr['livenessProbe']),
          'livenessProbe',
          gracePeriod,
          `${p}.livenessProbe`,
        ),
      );
      errs.push(
        ...validateProbe(
          rec(ctr['readinessProbe']),
          'readinessProbe',
          gracePeriod,
          `${p}.readinessProbe`,
        ),
      );
      errs.push(
        ...validateProbe(
          rec(ctr['startupProbe']),
          'startupProbe',
          gracePeriod,
          `${p}.startupProbe`,
        ),
      );
    } else {
      for (const f of INIT_FORBIDDEN) {
        if (has(ctr, f)) {
          errs.push(
            forbidden(
              `${p}.${f}`,
              'may not be set for init containers without restartPolicy=Always',
            ),
          );
        }
      }
    }
  });
  return errs;
}
