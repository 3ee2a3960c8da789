// Evaluates lesson goals against a running engine: pure reads of the cluster, its trace and its
// command log. It must never change the simulation (no PRNG draws, no writes), or checking a goal
// would change what happens next and break replay.
import { objectKey } from '../api/store';
import { isPodReady, podStatusText } from '../api/pods';
import type { KubeKind, Pod, Service, StringMap } from '../api/types';
import type { Cluster } from '../cluster';
import type { Engine } from '../engine';
import { parseUrl } from '../network/dataplane';
import type { Outcome, RequestRecord } from '../trace';
import { parseDuration } from '../util/duration';
import { matchesSelector, parseSelector } from '../util/labels';
import { checkGoal } from './check';
import type { Bounds, Goal, GoalStatus, RequestFilter, StepMark } from './goals';

/** Every goal's status now, in order, for a step that started at `mark`. */
export function evaluateGoals(
  engine: Engine,
  goals: readonly Goal[],
  mark: StepMark,
): GoalStatus[] {
  return goals.map((g) => evaluateGoal(engine, g, mark));
}

/** True when every goal is met (an empty list is never "done": a step needs a goal). */
export function allMet(statuses: readonly GoalStatus[]): boolean {
  return statuses.length > 0 && statuses.every((s) => s.met);
}

/** One goal's status now. */
export function evaluateGoal(engine: Engine, goal: Goal, mark: StepMark): GoalStatus {
  const problems = checkGoal(goal);
  if (problems.length > 0) return status(false, 'goal.invalid', { message: problems.join('; ') });
  const c = engine.cluster;
  const ns = 'namespace' in goal && goal.namespace ? goal.namespace : 'default';
  switch (goal.type) {
    case 'serviceReadyEndpoints': {
      if (!c.store.get('Service', objectKey(ns, goal.service)))
        return missing('Service', goal.service);
      const ips = new Set<string>();
      for (const s of c.ctl.sliceIndex.slicesFor(objectKey(ns, goal.service)))
        for (const e of s.endpoints)
          if (e.conditions.ready !== false && e.addresses[0]) ips.add(e.addresses[0]);
      return counted(ips.size, goal);
    }
    case 'requestsOk':
      return counted(requestsSince(c, mark, goal, ['ok']).length, goal);
    case 'requestsOutcome': {
      const outcomes = Array.isArray(goal.outcome) ? goal.outcome : [goal.outcome];
      return counted(requestsSince(c, mark, goal, outcomes).length, goal);
    }
    case 'backendsHit': {
      const ok = requestsSince(c, mark, goal, ['ok']);
      const need = goal.minRequests ?? 1;
      if (ok.length < need)
        return status(false, 'goal.requests', { have: ok.length, want: `≥ ${need}` });
      return counted(new Set(ok.map((r) => r.pod)).size, goal);
    }
    case 'podReplaced':
      return podReplaced(c, goal.selector, ns, mark);
    case 'podCount': {
      const sel = selectorOf(goal.selector);
      const n = c.store.list('Pod', ns).filter((p) => {
        if (!matchesSelector(sel, p.metadata.labels)) return false;
        if (goal.status !== undefined && podStatusText(p) !== goal.status) return false;
        if (goal.ready !== undefined && isPodReady(p) !== goal.ready) return false;
        if (goal.node !== undefined && p.spec.nodeName !== goal.node) return false;
        if (goal.ip !== undefined && p.status.podIP !== goal.ip) return false;
        return true;
      }).length;
      return counted(n, goal);
    }
    case 'deploymentRevision': {
      const d = c.store.get('Deployment', objectKey(ns, goal.name));
      if (!d) return missing('Deployment', goal.name);
      const rev = Number(d.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
      return status(rev >= goal.min, 'goal.count', { have: rev, want: `≥ ${goal.min}` });
    }
    case 'deploymentAvailable': {
      const d = c.store.get('Deployment', objectKey(ns, goal.name));
      if (!d) return missing('Deployment', goal.name);
      const want = d.spec.replicas ?? 1;
      const st = d.status;
      const sel = d.spec.selector;
      const leaving = c.store
        .list('Pod', ns)
        .filter(
          (p) =>
            p.metadata.deletionTimestamp !== undefined && matchesSelector(sel, p.metadata.labels),
        ).length;
      const done =
        leaving === 0 &&
        (goal.replicas === undefined || goal.replicas === want) &&
        (st.updatedReplicas ?? 0) === want &&
        (st.availableReplicas ?? 0) === want &&
        (st.replicas ?? 0) === want &&
        (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
      return status(done, 'goal.rollout', {
        updated: st.updatedReplicas ?? 0,
        available: st.availableReplicas ?? 0,
        replicas: goal.replicas ?? want,
      });
    }
    case 'nodeReady': {
      if (!c.ctl.nodes.get(goal.node)) return missing('Node', goal.node);
      const ready = c.ctl.nodes.isReady(goal.node);
      return status(ready === goal.ready, 'goal.value', { value: ready ? 'Ready' : 'NotReady' });
    }
    case 'ruleCount':
      return counted(c.ctl.proxy.table.ruleCount, goal);
    case 'proxySync':
      return proxySync(c, goal, mark);
    case 'rulesCurrent': {
      const v = c.ctl.proxy.table.version;
      const behind = [...c.ctl.proxy.nodes.values()].filter(
        (n) =>
          (goal.node === undefined || n.node === goal.node) &&
          !c.ctl.nodes.get(n.node)?.failed &&
          n.syncedVersion < v,
      );
      return status(behind.length === 0, 'goal.behind', { have: behind.length });
    }
    case 'endpointSliceHas':
      return endpointSliceHas(c, goal, ns);
    case 'dnsResolves':
      return dnsResolves(c, goal);
    case 'dnsLookups': {
      const named = requestsSince(c, mark, goal, OUTCOMES).filter((r) =>
        r.hops.some((h) => h.kind === 'dns'),
      );
      const last = named[named.length - 1];
      if (!last) return status(false, 'goal.noLookup');
      const hits = named.map((r) => dnsQueries(r));
      const fits = hits.filter((n) => counted(n, goal).met);
      return status(fits.length > 0, 'goal.count', {
        have: dnsQueries(last),
        want: counted(0, goal).params.want ?? '',
      });
    }
    case 'objectField': {
      const obj = objectOf(c, goal.kind, goal.name, ns);
      if (!obj) return missing(goal.kind, goal.name);
      const v = fieldAt(obj, goal.path);
      const shown =
        v === undefined ? '<unset>' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      let met = true;
      if (goal.exists !== undefined) met = (v !== undefined) === goal.exists;
      if (goal.equals !== undefined)
        met = met && v !== undefined && String(v) === String(goal.equals);
      return status(met, 'goal.value', { value: shown });
    }
    case 'commandRun': {
      const re = new RegExp(goal.pattern);
      const n = engine.log
        .slice(mark.log)
        .filter((l) => 'run' in l && re.test(l.run.trim())).length;
      return status(n > 0, 'goal.count', { have: n, want: '≥ 1' });
    }
  }
}

const OUTCOMES: readonly Outcome[] = ['ok', 'refused', 'timeout', 'nxdomain', 'reset'];

/** DNS queries a request's lookup sent. */
function dnsQueries(r: RequestRecord): number {
  let n = 0;
  for (const h of r.hops) if (h.kind === 'dns') n += h.queries.length;
  return n;
}

function status(met: boolean, code: string, params: GoalStatus['params'] = {}): GoalStatus {
  return { met, code, params };
}

function missing(kind: string, name: string): GoalStatus {
  return status(false, 'goal.missing', { kind, name });
}

/** A count against the goal's bounds (none given: at least one). */
function counted(have: number, b: Bounds): GoalStatus {
  const { count, min, max } = b;
  const none = count === undefined && min === undefined && max === undefined;
  const lo = count ?? min ?? (none ? 1 : undefined);
  const hi = count ?? max;
  const met = (lo === undefined || have >= lo) && (hi === undefined || have <= hi);
  const want =
    count !== undefined
      ? String(count)
      : lo !== undefined && hi !== undefined
        ? `${lo}–${hi}`
        : lo !== undefined
          ? `≥ ${lo}`
          : `≤ ${hi ?? 0}`;
  return status(met, 'goal.count', { have, want });
}

function selectorOf(text: string) {
  const s = parseSelector(text);
  return 'error' in s ? { matchLabels: { '\u0000': '' } } : s;
}

/** Index of the first request sent at or after `t` (requests are in time order). */
function firstRequestAt(reqs: readonly RequestRecord[], t: number): number {
  let lo = 0;
  let hi = reqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((reqs[mid]?.t ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Requests since the mark that pass the filter and ended with one of `outcomes`. */
function requestsSince(
  c: Cluster,
  mark: StepMark,
  f: RequestFilter,
  outcomes: readonly Outcome[],
): RequestRecord[] {
  const reqs = c.requests;
  const out: RequestRecord[] = [];
  const labels = f.from && f.from !== 'external' ? podLabelsByName(c) : null;
  const sel = f.from && f.from !== 'external' ? selectorOf(f.from) : null;
  const within = f.within === undefined ? null : parseDuration(f.within);
  const from = within === null ? mark.at : Math.max(mark.at, c.now - within);
  for (let i = firstRequestAt(reqs, from); i < reqs.length; i++) {
    const r = reqs[i] as RequestRecord;
    if (!outcomes.includes(r.outcome)) continue;
    if (f.generator !== undefined && r.generator !== f.generator) continue;
    if (f.from === 'external' && r.from !== 'external') continue;
    if (sel && !matchesSelector(sel, labels?.get(r.from))) continue;
    if (f.to !== undefined && !sentTo(r, f.to)) continue;
    out.push(r);
  }
  return out;
}

/** The request went to Service `to`: routed by it, or addressed to its name. */
function sentTo(r: RequestRecord, to: string): boolean {
  if (r.service !== null && r.service.split('/')[1] === to) return true;
  const host = parseUrl(r.url)?.host;
  return host === to || (host?.startsWith(`${to}.`) ?? false);
}

/** Labels of every pod that ever existed, by name (client pods may be gone already). */
function podLabelsByName(c: Cluster): Map<string, StringMap> {
  const m = new Map<string, StringMap>();
  for (const h of c.podHistory.values()) m.set(h.pod.metadata.name, h.pod.metadata.labels ?? {});
  for (const p of c.store.list('Pod')) m.set(p.metadata.name, p.metadata.labels ?? {});
  return m;
}

function podReplaced(c: Cluster, selector: string, ns: string, mark: StepMark): GoalStatus {
  const sel = selectorOf(selector);
  const oldIps = new Set<string>();
  for (const h of c.podHistory.values()) {
    const p = h.pod;
    if ((p.metadata.namespace ?? 'default') !== ns || !matchesSelector(sel, p.metadata.labels))
      continue;
    const alive = p.metadata.creationTimestamp <= mark.at && (h.deletedAt ?? Infinity) > mark.at;
    if (alive && p.status.podIP) oldIps.add(p.status.podIP);
  }
  const fresh = c.store
    .list('Pod', ns)
    .filter(
      (p: Pod) =>
        matchesSelector(sel, p.metadata.labels) &&
        p.metadata.creationTimestamp > mark.at &&
        p.metadata.deletionTimestamp === undefined &&
        isPodReady(p) &&
        p.status.podIP !== undefined &&
        !oldIps.has(p.status.podIP),
    )
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))[0];
  return fresh
    ? status(true, 'goal.replaced', { pod: fresh.metadata.name, ip: fresh.status.podIP ?? '' })
    : status(false, 'goal.notReplaced');
}

function proxySync(
  c: Cluster,
  goal: Extract<Goal, { type: 'proxySync' }>,
  mark: StepMark,
): GoalStatus {
  const nodes = [...c.ctl.proxy.nodes.values()].filter(
    (n) =>
      (goal.node === undefined || n.node === goal.node) && n.syncs > 0 && n.lastSyncAt >= mark.at,
  );
  if (nodes.length === 0) return status(false, 'goal.noSync');
  const latest = nodes.reduce((a, b) => (b.lastSyncAt > a.lastSyncAt ? b : a));
  const ms = latest.lastSyncDurationMs;
  const met =
    (goal.minMs === undefined || ms >= goal.minMs) &&
    (goal.maxMs === undefined || ms <= goal.maxMs);
  const want =
    goal.minMs !== undefined && goal.maxMs !== undefined
      ? `${goal.minMs}–${goal.maxMs} ms`
      : goal.minMs !== undefined
        ? `≥ ${goal.minMs} ms`
        : goal.maxMs !== undefined
          ? `≤ ${goal.maxMs} ms`
          : 'any';
  return status(met, 'goal.sync', { ms, node: latest.node, want });
}

function endpointSliceHas(
  c: Cluster,
  goal: Extract<Goal, { type: 'endpointSliceHas' }>,
  ns: string,
): GoalStatus {
  if (!c.store.get('Service', objectKey(ns, goal.service))) return missing('Service', goal.service);
  const sel = goal.pod ? selectorOf(goal.pod) : null;
  const labels = sel ? podLabelsByName(c) : null;
  const seen = new Set<string>();
  for (const s of c.ctl.sliceIndex.slicesFor(objectKey(ns, goal.service)))
    for (const e of s.endpoints) {
      const ip = e.addresses[0] ?? '';
      if (goal.ip !== undefined && ip !== goal.ip) continue;
      if (sel && !matchesSelector(sel, labels?.get(e.targetRef?.name ?? ''))) continue;
      const ready = e.conditions.ready ?? true;
      const serving = e.conditions.serving ?? ready;
      const terminating = e.conditions.terminating ?? false;
      if (goal.ready !== undefined && ready !== goal.ready) continue;
      if (goal.serving !== undefined && serving !== goal.serving) continue;
      if (goal.terminating !== undefined && terminating !== goal.terminating) continue;
      seen.add(ip);
    }
  return counted(seen.size, goal);
}

/** One A lookup for a fully qualified name, answered like CoreDNS but without shuffling (no PRNG). */
function peekAnswer(c: Cluster, fqdn: string, depth: number): { ips: string[]; cname?: string } {
  const suffix = `.svc.${c.config.clusterDomain}`;
  const parts = fqdn.endsWith(suffix) ? fqdn.slice(0, -suffix.length).split('.') : [];
  if (parts.length === 2) {
    const svc: Service | undefined = c.store.get(
      'Service',
      objectKey(parts[1] ?? '', parts[0] ?? ''),
    );
    if (!svc) return { ips: [] };
    if (svc.spec.type === 'ExternalName') {
      const target = (svc.spec.externalName ?? '').replace(/\.$/, '');
      return { ips: depth < 8 ? peekAnswer(c, target, depth + 1).ips : [], cname: target };
    }
    if (svc.spec.clusterIP === 'None')
      return { ips: c.ctl.dns.headlessEndpoints(c.key(svc)).map((e) => e.ip) };
    return { ips: svc.spec.clusterIP ? [svc.spec.clusterIP] : [] };
  }
  // Pod records and headless endpoint host names: answered without randomness.
  return { ips: c.ctl.dns.answer(fqdn, depth).answers };
}

function dnsResolves(c: Cluster, goal: Extract<Goal, { type: 'dnsResolves' }>): GoalStatus {
  const d = c.config.clusterDomain;
  const ns = goal.from ?? 'default';
  const absolute = goal.name.endsWith('.');
  const bare = (absolute ? goal.name.slice(0, -1) : goal.name).toLowerCase();
  const dots = (bare.match(/\./g) ?? []).length;
  const search = [`${ns}.svc.${d}`, `svc.${d}`, d].map((s) => `${bare}.${s}`);
  const candidates = absolute ? [bare] : dots < 5 ? [...search, bare] : [bare, ...search];
  let found: { ips: string[]; cname?: string } | null = null;
  for (const fqdn of candidates) {
    const a = peekAnswer(c, fqdn, 0);
    if (a.ips.length > 0) {
      found = a;
      break;
    }
  }
  const value = found ? found.ips.join(', ') : 'NXDOMAIN';
  if (goal.nxdomain === true) return status(found === null, 'goal.dns', { value });
  if (!found) return status(false, 'goal.dns', { value });
  if (goal.count !== undefined || goal.min !== undefined || goal.max !== undefined) {
    if (!counted(found.ips.length, goal).met) return status(false, 'goal.dns', { value });
  }
  const want = goal.answer;
  if (want === undefined) return status(true, 'goal.dns', { value });
  if (want.startsWith('cname:'))
    return status(found.cname === want.slice(6), 'goal.dns', {
      value: found.cname ? `CNAME ${found.cname}` : value,
    });
  if (want.startsWith('clusterIP:')) {
    const [svcName = '', svcNs = ns] = want.slice(10).split('.');
    const ip = c.store.get('Service', objectKey(svcNs, svcName))?.spec.clusterIP;
    return status(ip !== undefined && found.ips.includes(ip), 'goal.dns', { value });
  }
  return status(found.ips.includes(want), 'goal.dns', { value });
}

function objectOf(c: Cluster, kind: string, name: string, ns: string): object | undefined {
  const k = kind as KubeKind;
  const key = k === 'Node' || k === 'Namespace' ? name : objectKey(ns, name);
  return c.store.get(k, key) as object | undefined;
}

/** The value at `spec.ports[0].targetPort` (dots and [index]); undefined when absent. */
export function fieldAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const token of path.match(/[^.[\]]+/g) ?? []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[token];
  }
  return cur;
}
