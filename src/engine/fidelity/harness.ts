// Helpers for the fidelity suite: build scenarios from manifest objects, send one request from a
// pod or from outside, and run kubectl commands that must succeed.
// Test support only: pure like the engine, imported by src/engine/fidelity/*.test.ts.
import { stringify } from 'yaml';
import type { Pod } from '../api/types';
import type { ProxyMode } from '../cluster';
import type { CommandResult } from '../commands/result';
import { Engine } from '../engine';
import { EXTERNAL_CLIENT_IP, sendRequest } from '../network/dataplane';
import type { Scenario } from '../scenario/types';
import { TestCluster } from '../testing/driver';
import type { RequestRecord } from '../trace';

/** The cluster block of a test scenario. */
export interface ClusterOpts {
  nodes?: number | { name: string; labels?: Record<string, string> }[];
  proxyMode?: ProxyMode;
  ipvsScheduler?: 'rr' | 'lc' | 'sh';
  seed?: number;
  serviceCIDR?: string;
  podCIDR?: string;
  traffic?: Scenario['traffic'];
  timeline?: Scenario['timeline'];
}

/** A scenario object from manifest objects (or YAML text). */
export function scenarioOf(manifests: (object | string)[], opts: ClusterOpts = {}): Scenario {
  const docs = manifests.map((m) => (typeof m === 'string' ? m : stringify(m)).trimEnd());
  const s: Scenario = {
    apiVersion: 'kubeplay.dev/v1',
    kind: 'Scenario',
    metadata: { name: 'fidelity' },
    cluster: {
      nodes: opts.nodes ?? 3,
      proxyMode: opts.proxyMode ?? 'iptables',
      seed: opts.seed ?? 1,
      ...(opts.ipvsScheduler ? { ipvsScheduler: opts.ipvsScheduler } : {}),
      ...(opts.serviceCIDR ? { serviceCIDR: opts.serviceCIDR } : {}),
      ...(opts.podCIDR ? { podCIDR: opts.podCIDR } : {}),
    },
    manifests: docs.join('\n---\n') + '\n',
  };
  if (opts.traffic) s.traffic = opts.traffic;
  if (opts.timeline) s.timeline = opts.timeline;
  return s;
}

/** Scenario YAML text (for the CLI). */
export function scenarioYaml(manifests: (object | string)[], opts: ClusterOpts = {}): string {
  return stringify(scenarioOf(manifests, opts));
}

/** A test cluster from manifest objects; throws with the scenario's errors. */
export function clusterOf(manifests: (object | string)[], opts: ClusterOpts = {}): TestCluster {
  const r = Engine.create(scenarioOf(manifests, opts));
  if (!r.ok) throw new Error(r.message);
  return new TestCluster(r.engine);
}

/** Options of a test Deployment. */
export interface DeployOpts {
  replicas?: number;
  labels?: Record<string, string>;
  image?: string;
  ports?: { name?: string; containerPort: number }[];
  readinessProbe?: object;
  preStopSleep?: number;
  /** A raw preStop handler (e.g. `{ exec: { command: ['sleep', '60'] } }`). */
  preStop?: object;
  grace?: number;
  nodeSelector?: Record<string, string>;
  tolerations?: object[];
  strategy?: object;
  minReadySeconds?: number;
  command?: string[];
}

/** A Deployment manifest whose pods listen on `ports` (8080 by default). */
export function deployment(name: string, o: DeployOpts = {}): object {
  const labels = o.labels ?? { app: name };
  const container: Record<string, unknown> = {
    name,
    image: o.image ?? 'hashicorp/http-echo:1.0',
    ports: o.ports ?? [{ containerPort: 8080 }],
  };
  if (o.command) container.command = o.command;
  if (o.readinessProbe) container.readinessProbe = o.readinessProbe;
  if (o.preStopSleep !== undefined)
    container.lifecycle = { preStop: { sleep: { seconds: o.preStopSleep } } };
  if (o.preStop) container.lifecycle = { preStop: o.preStop };
  const podSpec: Record<string, unknown> = { containers: [container] };
  if (o.grace !== undefined) podSpec.terminationGracePeriodSeconds = o.grace;
  if (o.nodeSelector) podSpec.nodeSelector = o.nodeSelector;
  if (o.tolerations) podSpec.tolerations = o.tolerations;
  const spec: Record<string, unknown> = {
    replicas: o.replicas ?? 1,
    selector: { matchLabels: labels },
    template: { metadata: { labels }, spec: podSpec },
  };
  if (o.strategy) spec.strategy = o.strategy;
  if (o.minReadySeconds !== undefined) spec.minReadySeconds = o.minReadySeconds;
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec };
}

/** A client Deployment (curl) that only sends what the test sends. */
export function client(name = 'client', replicas = 3): object {
  return deployment(name, { replicas, image: 'curlimages/curl:8.11.1', ports: [] });
}

/** A Service manifest. */
export function service(name: string, spec: object): object {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec };
}

/** `kubectl apply` of manifest objects now; throws with kubectl's error text when it fails. */
export function applyObjects(t: TestCluster, manifests: object[]): void {
  const r = t.engine.apply(manifests.map((m) => stringify(m)).join('---\n'));
  if (!r.ok) throw new Error(r.errorText);
}

/** Live pods whose name starts with `prefix-` (or all), sorted by name. */
export function podsOf(t: TestCluster, prefix?: string): Pod[] {
  return t.c.store
    .list('Pod')
    .filter((p) => prefix === undefined || p.metadata.name.startsWith(`${prefix}-`))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/** Sends one request now, from a pod (by name) or from `external`, and returns its record. */
export function request(t: TestCluster, from: string, url: string): RequestRecord {
  if (from === 'external')
    return sendRequest(
      t.c,
      { name: 'external', ip: EXTERNAL_CLIENT_IP, node: null, namespace: 'default' },
      url,
      'test',
    );
  const pod = t.c.store.list('Pod').find((p) => p.metadata.name === from);
  if (!pod?.status.podIP) throw new Error(`no running pod ${from}`);
  return sendRequest(
    t.c,
    {
      name: pod.metadata.name,
      ip: pod.status.podIP,
      node: pod.spec.nodeName ?? null,
      namespace: pod.metadata.namespace ?? 'default',
    },
    url,
    'test',
  );
}

/** `n` requests, `gapMs` apart (time advances between them). */
export function requests(
  t: TestCluster,
  from: string,
  url: string,
  n: number,
  gapMs = 10,
): RequestRecord[] {
  const out: RequestRecord[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) t.advance(gapMs);
    out.push(request(t, from, url));
  }
  return out;
}

/** The ClusterIP of a Service in `default`. */
export function clusterIP(t: TestCluster, name: string): string {
  return t.c.store.get('Service', `default/${name}`)?.spec.clusterIP ?? '';
}

/** Runs `kubectl …` now; throws with kubectl's stderr when it fails. */
export function kubectl(t: TestCluster, line: string): CommandResult {
  const r = t.run(`kubectl ${line}`);
  if (r.exitCode !== 0) throw new Error(`kubectl ${line}: ${r.stderr}`);
  return r;
}
