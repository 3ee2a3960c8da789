// Probe and lifecycle-handler rules (core validation validateProbe, validateHandler and friends).
// Runs on defaulted objects: a 0 period/timeout/threshold was already defaulted, so only negative
// values fail here (ValidateNonnegativeField), exactly like the API server.
import type { FieldError } from './fieldErrors';
import { forbidden, invalid, notSupportedSorted, required } from './fieldErrors';
import { validateNonnegative } from './meta';
import { isValidPortName, isValidPortNum, regexError } from './names';
import type { Obj } from './obj';
import { arr, has, num, optNum, rec, recs, str } from './obj';

/** ValidatePortNumOrName: an int port 1..65535 or an IANA_SVC_NAME (intstr.IntOrString). */
export function validatePortNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(field, port, m));
  const n = num(port);
  return isValidPortNum(n).map((m) => invalid(field, n, m));
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;

function validateHTTPGet(h: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(h['path'])) errs.push(required(`${path}.path`));
  errs.push(...validatePortNumOrName(h['port'], `${path}.port`));
  const scheme = str(h['scheme']);
  if (scheme !== 'HTTP' && scheme !== 'HTTPS') {
    errs.push(notSupportedSorted(`${path}.scheme`, scheme, ['HTTP', 'HTTPS']));
  }
  for (const hdr of recs(h['httpHeaders'])) {
    const name = str(hdr['name']);
    if (!/^[-A-Za-z0-9]+$/.test(name)) {
      errs.push(
        invalid(
          `${path}.httpHeaders`,
          name,
          regexError(
            "a valid HTTP header must consist of alphanumeric characters or '-'",
            '[-A-Za-z0-9]+',
            'X-Header-Name',
          ),
        ),
      );
    }
  }
  return errs;
}

function validateSleep(h: Obj, gracePeriod: number | undefined, path: string): FieldError[] {
  const seconds = num(h['seconds']);
  if (gracePeriod !== undefined && (seconds <= 0 || seconds > gracePeriod)) {
    return [
      invalid(
        path,
        seconds,
        `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
      ),
    ];
  }
  return [];
}

/** validateHandler: exactly one handler type (exec, httpGet, tcpSocket, grpc, sleep). */
export function validateHandler(
  handler: Obj,
  allowed: ReadonlyArray<(typeof HANDLERS)[number]>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of HANDLERS) {
    if (!allowed.includes(kind) || !has(handler, kind)) continue;
    const p = `${path}.${kind}`;
    if (count > 0) {
      errs.push(forbidden(p, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    const h = rec(handler[kind]) ?? {};
    if (kind === 'exec' && arr(h['command']).length === 0) errs.push(required(`${p}.command`));
    if (kind === 'httpGet') errs.push(...validateHTTPGet(h, p));
    if (kind === 'tcpSocket') errs.push(...validatePortNumOrName(h['port'], `${p}.port`));
    if (kind === 'grpc') errs.push(...validatePortNumOrName(num(h['port']), `${p}.port`));
    if (kind === 'sleep') errs.push(...validateSleep(h, gracePeriod, p));
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

/** The probe kinds a container may have. */
export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** validateLivenessProbe / validateReadinessProbe / validateStartupProbe. */
export function validateProbe(
  probe: Obj | undefined,
  kind: ProbeKind,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, ['exec', 'httpGet', 'tcpSocket', 'grpc'], gracePeriod, path);
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    errs.push(...validateNonnegative(num(probe[f]), `${path}.${f}`));
  }
  const tgps = optNum(probe['terminationGracePeriodSeconds']);
  if (tgps !== undefined && tgps <= 0) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, tgps, 'must be greater than 0'));
  }
  if (kind !== 'readinessProbe' && num(probe['successThreshold']) !== 1) {
    errs.push(invalid(`${path}.successThreshold`, num(probe['successThreshold']), 'must be 1'));
  }
  if (kind === 'readinessProbe' && tgps !== undefined) {
    errs.push(
      invalid(`${path}.terminationGracePeriodSeconds`, tgps, 'must not be set for readinessProbes'),
    );
  }
  return errs;
}

/** validateLifecycle: postStart and preStop handlers. */
export function validateLifecycle(
  lifecycle: Obj,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    const h = rec(lifecycle[hook]);
    if (h)
      errs.push(
        ...validateHandler(
          h,
          ['exec', 'httpGet', 'tcpSocket', 'sleep'],
          gracePeriod,
          `${path}.${hook}`,
        ),
      );
  }
  return errs;
}
