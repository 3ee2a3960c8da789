// The engine's one class: builds a cluster from a scenario, advances virtual time, runs commands and
// applies manifests, and keeps the command log that makes replay (share links, rewind) exact.
import { applyManifests, type ApplyResult } from './api/apply';
import { toYaml } from './api/serialize';
import { nodeRules, type NodeRules } from './network/rules/index';
import { validateFile, type ValidationReport } from './api/validateFile';
import type { EndpointSlice, KubeKind, Service } from './api/types';
import { Cluster } from './cluster';
import { runChaos } from './commands/chaos';
import { splitArgs } from './commands/argv';
import { fail, type CommandResult } from './commands/result';
import { wireControllers } from './controllers/wire';
import { runKubectl } from './kubectl/index';
import {
  checkScenario,
  clusterConfig,
  formatScenarioErrors,
  parseScenario,
  type ScenarioError,
} from './scenario/parse';
import { addBackgroundServices } from './scenario/background';
import type { Scenario } from './scenario/types';
import { parseFrom, type TrafficSpec } from './traffic/generators';
import { parseDuration } from './util/duration';
import { indexedIp } from './util/ip';
import { clusterView, runReport, type ClusterView, type RunReport } from './view';

/** One user action at a virtual time; replaying the log reproduces the cluster exactly. */
export type LoggedCommand =
  { at: number; run: string } | { at: number; apply: string; prune?: boolean };

export type CreateResult =
  { ok: true; engine: Engine } | { ok: false; errors: ScenarioError[]; message: string };

/** Longest time `settle()` waits for a scenario to converge. */
export const SETTLE_LIMIT_MS = 120_000;

/** A running simulation. */
export class Engine {
  readonly cluster: Cluster;
  readonly log: LoggedCommand[] = [];

  private constructor(readonly scenario: Scenario) {
    const config = clusterConfig(scenario);
    this.cluster = new Cluster(config);
    wireControllers(this.cluster);
    bootBuiltins(this.cluster);
  }

  /** Builds an engine from scenario YAML (or an object); errors say which field is wrong. */
  static create(input: string | Scenario): CreateResult {
    const parsed = typeof input === 'string' ? parseScenario(input) : checkScenario(input);
    if (!parsed.ok)
      return { ok: false, errors: parsed.errors, message: formatScenarioErrors(parsed.errors) };
    const s = parsed.scenario;
    const cfg = clusterConfig(s);
    const capacity = 2 ** (24 - cfg.podCIDR.prefix);
    if (cfg.nodes.length > capacity) {
      const errors = [
        {
          path: 'cluster.nodes',
          message: `${cfg.nodes.length} nodes need ${cfg.nodes.length} /24 pod subnets, but podCIDR ${cfg.podCIDR.text} has ${capacity}`,
        },
      ];
      return { ok: false, errors, message: formatScenarioErrors(errors) };
    }
    const engine = new Engine(s);
    const problem = engine.start();
    if (problem)
      return {
        ok: false,
        errors: [{ path: problem.path, message: problem.message }],
        message: `${problem.path}: ${problem.message}`,
      };
    return { ok: true, engine };
  }

  private start(): { path: string; message: string } | null {
    const s = this.scenario;
    const specs: TrafficSpec[] = [];
    for (const [i, t] of (s.traffic ?? []).entries()) {
      const from = parseFrom(t.from);
      if (typeof from === 'object' && 'error' in from)
        return { path: `traffic[${i}].from`, message: from.error };
      specs.push({
        name: t.name ?? `traffic-${i + 1}`,
        from,
        fromText: t.from,
        url: t.url,
        rps: t.rps ?? 1,
      });
    }
    const bg = s.cluster?.backgroundServices;
    if (bg) addBackgroundServices(this.cluster, bg.count, bg.endpoints ?? 3);
    if (s.manifests) {
      const r = applyManifests(this.cluster, s.manifests, { source: 'manifests' });
      if (!r.ok) return { path: 'manifests', message: r.errorText };
    }
    this.cluster.ctl.traffic.setSpecs(specs);
    for (const entry of s.timeline ?? []) {
      const at = typeof entry.at === 'number' ? entry.at : (parseDuration(entry.at) ?? 0);
      this.cluster.queue.push(at, () => {
        const r = this.runCommand(entry.run);
        if (r.exitCode !== 0) {
          this.cluster.recordEvent(
            { kind: 'Scenario', metadata: { name: s.metadata.name } },
            'Warning',
            'TimelineCommandFailed',
            `${entry.run}: ${r.stderr.trim()}`,
            'kubeplay',
            'timeline.failed',
            { command: entry.run },
          );
        }
      });
    }
    return null;
  }

  get now(): number {
    return this.cluster.now;
  }

  /** Advances virtual time to `t` (never backwards). */
  advanceTo(t: number): void {
    if (t > this.cluster.now) this.cluster.runUntil(t);
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.cluster.now + ms);
  }

  /** Runs a console or timeline command now and records it in the log. */
  exec(line: string): CommandResult {
    this.log.push({ at: this.now, run: line });
    return this.runCommand(line);
  }

  /**
   * `kubectl apply` of the editor's text now (with `prune`, `--prune`); recorded in the log only
   * when it changed something.
   */
  apply(text: string, opts: { prune?: boolean } = {}): ApplyResult {
    const prune = opts.prune === true;
    const r = applyManifests(this.cluster, text, { source: 'manifests.yaml', prune });
    if (r.ok)
      this.log.push(prune ? { at: this.now, apply: text, prune } : { at: this.now, apply: text });
    return r;
  }

  /** A dry run of `apply` against the cluster as it is: nothing changes, nothing is logged. */
  validate(text: string): ApplyResult {
    return applyManifests(this.cluster, text, { source: 'manifests.yaml', dryRun: true });
  }

  /** Re-runs a logged command (replay) without validation differences. */
  replay(entry: LoggedCommand): void {
    this.advanceTo(entry.at);
    if ('run' in entry) this.exec(entry.run);
    else this.apply(entry.apply, { prune: entry.prune === true });
  }

  private runCommand(line: string): CommandResult {
    const words = splitArgs(line.trim());
    if ('error' in words) return fail(`error: ${words.error}`);
    const [head, ...rest] = words;
    if (head === 'kubectl') return runKubectl(this.cluster, rest);
    if (head === 'chaos') return runChaos(this.cluster, rest);
    if (!head) return fail('error: empty command');
    return fail(`error: unknown command "${head}": commands start with kubectl or chaos`);
  }

  /** Advances until every Deployment is fully available and every node's rules are current (capped). */
  settle(limitMs = SETTLE_LIMIT_MS): number {
    const start = this.now;
    while (this.now - start < limitMs) {
      this.advanceBy(250);
      if (this.isSettled()) break;
    }
    return this.now;
  }

  isSettled(): boolean {
    const c = this.cluster;
    const deps = c.store.list('Deployment');
    const depsDone = deps.every((d) => {
      const want = d.spec.replicas ?? 1;
      return (
        (d.status.availableReplicas ?? 0) === want &&
        (d.status.updatedReplicas ?? 0) === want &&
        (d.status.replicas ?? 0) === want
      );
    });
    const podsDone = c.store.list('Pod').every((p) => p.metadata.deletionTimestamp === undefined);
    const v = c.ctl.proxy.table.version;
    const proxyDone = [...c.ctl.proxy.nodes.values()].every(
      (n) => n.syncedVersion >= v || c.ctl.nodes.get(n.node)?.failed,
    );
    return depsDone && podsDone && proxyDone;
  }

  /** An object as `kubectl get -o yaml` prints it, or null when it does not exist. */
  objectYaml(kind: string, name: string, namespace: string): string | null {
    const k = kind as KubeKind;
    const key = k === 'Node' || k === 'Namespace' ? name : `${namespace}/${name}`;
    const obj = this.cluster.store.get(k, key);
    return obj ? toYaml(obj) : null;
  }

  /**
   * What a node's kube-proxy has programmed, with packet counters (null for an unknown node);
   * `namespaces` limits it to those namespaces' Services.
   */
  nodeRules(node: string, namespaces?: readonly string[]): NodeRules | null {
    const only = namespaces ? new Set(namespaces) : null;
    return nodeRules(this.cluster, node, only ? (i) => only.has(i.namespace) : undefined);
  }

  view(): ClusterView {
    return clusterView(this.cluster);
  }

  report(): RunReport {
    return runReport(this.cluster);
  }
}

/** `validate` (DESIGN.md §4): dry-run every document, in order, against an empty cluster. */
export function validateManifestFile(text: string, source: string): ValidationReport {
  const r = Engine.create({
    apiVersion: 'kubeplay.dev/v1',
    kind: 'Scenario',
    metadata: { name: 'validate' },
  });
  if (!r.ok) throw new Error(r.message);
  return validateFile(r.engine.cluster, text, source);
}

function bootBuiltins(c: Cluster): void {
  // The `kubernetes` Service holds the first address of the service range (A.1).
  const ip = indexedIp(c.config.serviceCIDR, 1);
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      ...c.newMeta('kubernetes', 'default', { component: 'apiserver', provider: 'kubernetes' }),
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: ip,
      clusterIPs: [ip],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    },
    status: { loadBalancer: {} },
  };
  c.ctl.allocators.clusterIPs.allocateIp(ip);
  c.store.put(svc);
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      ...c.newMeta('kubernetes', 'default', {
        'kubernetes.io/service-name': 'kubernetes',
        'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
      }),
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['172.18.0.1'], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  };
  c.store.put(slice);
}
