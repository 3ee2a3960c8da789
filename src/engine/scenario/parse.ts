// Reads a scenario file (DESIGN.md §3): checks every field and reports problems as clear messages
// with the path of the field, so a bad scenario or share link never reaches the engine half-understood.
import { parse as parseYaml } from 'yaml';
import type { ClusterConfig, ProxyMode } from '../cluster';
import { parseDuration } from '../util/duration';
import { parseCidr } from '../util/ip';
import { BACKGROUND_LIMITS } from './background';
import type { Scenario } from './types';

export const SCENARIO_LIMITS = {
  maxBytes: 2_000_000,
  maxNodes: 5000,
  maxTraffic: 50,
  maxRps: 100,
  maxTimeline: 1000,
  maxTimelineMs: 24 * 3_600_000,
};

/** A scenario problem: where and what. */
export interface ScenarioError {
  path: string;
  message: string;
}

export type ParsedScenario =
  { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** Parses and checks scenario YAML. */
export function parseScenario(text: string): ParsedScenario {
  if (text.length > SCENARIO_LIMITS.maxBytes)
    return fail(
      '',
      `the scenario is ${text.length} bytes; the limit is ${SCENARIO_LIMITS.maxBytes} bytes`,
    );
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100, prettyErrors: false });
  } catch (e) {
    return fail(
      '',
      `the scenario is not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    );
  }
  return checkScenario(raw);
}

/** Checks an already-decoded scenario object. */
export function checkScenario(raw: unknown): ParsedScenario {
  const errors: ScenarioError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!isObj(raw))
    return fail('', 'a scenario must be a YAML mapping with apiVersion, kind and metadata');
  if (raw.apiVersion !== 'kubeplay.dev/v1')
    err('apiVersion', `must be "kubeplay.dev/v1", got ${JSON.stringify(raw.apiVersion ?? null)}`);
  if (raw.kind !== 'Scenario')
    err('kind', `must be "Scenario", got ${JSON.stringify(raw.kind ?? null)}`);
  const meta = raw.metadata;
  if (
    !isObj(meta) ||
    typeof meta.name !== 'string' ||
    !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(meta.name)
  )
    err(
      'metadata.name',
      'is required and must be a DNS-1123 label (lowercase letters, digits and "-")',
    );
  const cluster = raw.cluster ?? {};
  if (!isObj(cluster)) err('cluster', 'must be a mapping');
  else {
    const nodes = cluster.nodes;
    if (nodes !== undefined) {
      if (typeof nodes === 'number') {
        if (!Number.isInteger(nodes) || nodes < 1 || nodes > SCENARIO_LIMITS.maxNodes)
          err('cluster.nodes', `must be a whole number from 1 to ${SCENARIO_LIMITS.maxNodes}`);
      } else if (Array.isArray(nodes)) {
        if (nodes.length < 1 || nodes.length > SCENARIO_LIMITS.maxNodes)
          err('cluster.nodes', `must list 1 to ${SCENARIO_LIMITS.maxNodes} nodes`);
        const seen = new Set<string>();
        nodes.forEach((n, i) => {
          if (
            !isObj(n) ||
            typeof n.name !== 'string' ||
            !/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(n.name)
          )
            err(`cluster.nodes[${i}].name`, 'is required and must be a DNS-1123 subdomain');
          else if (seen.has(n.name))
            err(`cluster.nodes[${i}].name`, `duplicate node name "${n.name}"`);
          else seen.add(n.name);
          if (isObj(n) && n.labels !== undefined && !isStringMap(n.labels))
            err(`cluster.nodes[${i}].labels`, 'must map strings to strings');
        });
      } else err('cluster.nodes', 'must be a count or a list of {name, labels}');
    }
    if (
      cluster.proxyMode !== undefined &&
      !['iptables', 'ipvs', 'nftables'].includes(String(cluster.proxyMode))
    )
      err(
        'cluster.proxyMode',
        `unsupported value ${JSON.stringify(cluster.proxyMode)}: supported values: "iptables", "ipvs", "nftables"`,
      );
    if (
      cluster.ipvsScheduler !== undefined &&
      !['rr', 'lc', 'sh'].includes(String(cluster.ipvsScheduler))
    )
      err('cluster.ipvsScheduler', 'supported values: "rr", "lc", "sh"');
    if (
      cluster.seed !== undefined &&
      (!Number.isInteger(cluster.seed) ||
        (cluster.seed as number) < 0 ||
        (cluster.seed as number) > 0xffffffff)
    )
      err('cluster.seed', 'must be a whole number from 0 to 4294967295');
    const bg = cluster.backgroundServices;
    if (bg !== undefined) {
      const { maxServices, maxEndpoints } = BACKGROUND_LIMITS;
      if (!isObj(bg) || !isWhole(bg.count, 0, maxServices))
        err('cluster.backgroundServices.count', `must be a whole number from 0 to ${maxServices}`);
      else if (bg.endpoints !== undefined && !isWhole(bg.endpoints, 0, maxEndpoints))
        err(
          'cluster.backgroundServices.endpoints',
          `must be a whole number from 0 to ${maxEndpoints}`,
        );
    }
    for (const f of ['serviceCIDR', 'podCIDR'] as const) {
      const v = cluster[f];
      if (v === undefined) continue;
      const cidr = typeof v === 'string' ? parseCidr(v) : null;
      if (!cidr)
        err(
          `cluster.${f}`,
          `must be an IPv4 CIDR such as ${f === 'podCIDR' ? '10.244.0.0/16' : '10.96.0.0/12'}`,
        );
      else if (f === 'podCIDR' && cidr.prefix > 22)
        err('cluster.podCIDR', 'must be /22 or larger (each node takes a /24)');
      else if (f === 'serviceCIDR' && (cidr.prefix > 28 || cidr.prefix < 12))
        err('cluster.serviceCIDR', 'must be between /12 and /28');
    }
  }
  if (raw.manifests !== undefined && typeof raw.manifests !== 'string')
    err('manifests', 'must be a string (use a YAML block: `manifests: |`)');
  const traffic = raw.traffic ?? [];
  if (!Array.isArray(traffic)) err('traffic', 'must be a list');
  else {
    if (traffic.length > SCENARIO_LIMITS.maxTraffic)
      err('traffic', `at most ${SCENARIO_LIMITS.maxTraffic} load generators`);
    traffic.forEach((t, i) => {
      if (!isObj(t)) {
        err(`traffic[${i}]`, 'must be a mapping with from and url');
        return;
      }
      if (typeof t.from !== 'string' || !t.from.trim())
        err(
          `traffic[${i}].from`,
          'is required: a label selector such as app=frontend, or "external"',
        );
      if (typeof t.url !== 'string' || !t.url.trim())
        err(`traffic[${i}].url`, 'is required, e.g. http://backend-service');
      if (
        t.rps !== undefined &&
        (typeof t.rps !== 'number' || !(t.rps > 0) || t.rps > SCENARIO_LIMITS.maxRps)
      )
        err(`traffic[${i}].rps`, `must be a number above 0 and at most ${SCENARIO_LIMITS.maxRps}`);
      if (t.name !== undefined && typeof t.name !== 'string')
        err(`traffic[${i}].name`, 'must be a string');
    });
  }
  const timeline = raw.timeline ?? [];
  if (!Array.isArray(timeline)) err('timeline', 'must be a list');
  else {
    if (timeline.length > SCENARIO_LIMITS.maxTimeline)
      err('timeline', `at most ${SCENARIO_LIMITS.maxTimeline} entries`);
    timeline.forEach((e, i) => {
      if (!isObj(e)) {
        err(`timeline[${i}]`, 'must be a mapping with at and run');
        return;
      }
      const at =
        typeof e.at === 'string' ? parseDuration(e.at) : typeof e.at === 'number' ? e.at : null;
      if (at === null) err(`timeline[${i}].at`, 'must be a duration such as 500ms, 10s or 1m30s');
      else if (at > SCENARIO_LIMITS.maxTimelineMs) err(`timeline[${i}].at`, 'must be at most 24h');
      if (typeof e.run !== 'string' || !e.run.trim())
        err(`timeline[${i}].run`, 'is required: a kubectl or chaos command');
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: raw as unknown as Scenario };
}

/** The cluster settings a scenario asks for, with DESIGN.md's defaults. */
export function clusterConfig(s: Scenario): ClusterConfig {
  const cl = s.cluster ?? {};
  const nodes =
    typeof cl.nodes === 'number' || cl.nodes === undefined
      ? Array.from({ length: typeof cl.nodes === 'number' ? cl.nodes : 3 }, (_, i) => ({
          name: `node-${i + 1}`,
          labels: {},
        }))
      : cl.nodes.map((n) => ({ name: n.name, labels: n.labels ?? {} }));
  const serviceCIDR =
    parseCidr(cl.serviceCIDR ?? '10.96.0.0/12') ??
    (parseCidr('10.96.0.0/12') as NonNullable<ReturnType<typeof parseCidr>>);
  const podCIDR =
    parseCidr(cl.podCIDR ?? '10.244.0.0/16') ??
    (parseCidr('10.244.0.0/16') as NonNullable<ReturnType<typeof parseCidr>>);
  return {
    nodes,
    proxyMode: (cl.proxyMode ?? 'iptables') as ProxyMode,
    seed: cl.seed ?? 1,
    serviceCIDR,
    podCIDR,
    clusterDomain: 'cluster.local',
    nodePortRange: { base: 30000, size: 2768 },
    ipvsScheduler: cl.ipvsScheduler ?? 'rr',
  };
}

/** Human-readable list of scenario errors. */
export function formatScenarioErrors(errors: ScenarioError[]): string {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n');
}

function fail(path: string, message: string): ParsedScenario {
  return { ok: false, errors: [{ path, message }] };
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isWhole(v: unknown, lo: number, hi: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
}

function isStringMap(v: unknown): boolean {
  return isObj(v) && Object.values(v).every((x) => typeof x === 'string');
}
