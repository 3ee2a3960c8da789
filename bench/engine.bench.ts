// Engine benchmarks in Node: the seed scenario's speed (virtual seconds per wall second) and a
// cluster at Kubernetes' documented scalability limits with a minute of churn. Prints JSON.
import { readFileSync } from 'node:fs';
import { Engine } from '../src/engine/index';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function seedSpeed(runs: number): { virtualSecondsPerWallSecond: number; runs: number[] } {
  const text = readFileSync(
    new URL('../src/lessons/seed-services/scenario.yaml', import.meta.url),
    'utf8',
  );
  const speeds: number[] = [];
  // One warm-up run lets the JIT settle; then `runs` measured hours of virtual time.
  for (let i = -1; i < runs; i++) {
    const r = Engine.create(text);
    if (!r.ok) throw new Error(r.message);
    r.engine.settle();
    const t0 = performance.now();
    r.engine.advanceBy(3_600_000);
    const wall = (performance.now() - t0) / 1000;
    if (i >= 0) speeds.push(3600 / wall);
  }
  return { virtualSecondsPerWallSecond: Math.round(median(speeds)), runs: speeds.map(Math.round) };
}

/** Manifests for Deployments `from`…`to`-1 of `replicas` pods, each behind its own Service. */
export function scaleManifests(from: number, to: number, replicas: number): string {
  const docs: string[] = [];
  for (let i = from; i < to; i++) {
    const name = `app-${i}`;
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: app, image: "registry.k8s.io/echoserver:2.5", ports: [{containerPort: 8080}]}]}`,
      `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: ${name}}\n  ports: [{port: 80, targetPort: 8080}]`,
    );
  }
  return docs.join('\n---\n');
}

/** A cluster of `nodes` nodes with `services` Services over `replicas` pods each (applied in batches). */
export function scaleEngine(nodes: number, services: number, replicas: number): Engine {
  const scenario = `apiVersion: kubeplay.dev/v1\nkind: Scenario\nmetadata: {name: scale}\ncluster:\n  nodes: ${nodes}\n  podCIDR: 10.0.0.0/8\n  seed: 7\ntraffic:\n  - from: app=app-0\n    url: http://app-1\n    rps: 5\n`;
  const r = Engine.create(scenario);
  if (!r.ok) throw new Error(r.message);
  // Like `kubectl apply -f` on a directory: a few hundred objects per request.
  for (let i = 0; i < services; i += 500) {
    const res = r.engine.apply(scaleManifests(i, Math.min(services, i + 500), replicas));
    if (!res.ok) throw new Error(res.errorText);
  }
  return r.engine;
}

function scale(nodes: number, services: number, replicas: number, churnSeconds: number) {
  const t0 = performance.now();
  let peakRss = process.memoryUsage().rss;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  const e = scaleEngine(nodes, services, replicas);
  const tCreated = performance.now();
  // Bring the cluster up: every pod Running, every node synced.
  for (let i = 0; i < 120 && !e.isSettled(); i++) {
    e.advanceBy(1000);
    sample();
  }
  const tBuilt = performance.now();
  const pods = e.cluster.store.map('Pod').size;
  // A minute of churn: each second kill 0.1 % of pods, scale a few Deployments, flap a node.
  for (let s = 0; s < churnSeconds; s++) {
    e.exec(`chaos kill-pod -l app=app-${(s * 37) % services} --count 3`);
    e.exec(
      `kubectl scale deployment app-${(s * 53) % services} --replicas=${replicas + (s % 3) - 1}`,
    );
    if (s === 5) e.exec(`chaos fail-node node-${1 + (s % nodes)}`);
    if (s === 40) e.exec(`chaos recover-node node-${1 + (5 % nodes)}`);
    e.advanceBy(1000);
    sample();
  }
  const tChurned = performance.now();
  return {
    nodes,
    services,
    pods,
    buildSeconds: +((tBuilt - t0) / 1000).toFixed(2),
    applySeconds: +((tCreated - t0) / 1000).toFixed(2),
    churnSeconds: +((tChurned - tBuilt) / 1000).toFixed(2),
    totalSeconds: +((tChurned - t0) / 1000).toFixed(2),
    peakRssMiB: Math.round(peakRss / 1048576),
    iptablesRules: e.cluster.ctl.proxy.table.ruleCount,
    requests: e.cluster.requests.length,
  };
}

const which = process.argv[2] ?? 'none';
const out: Record<string, unknown> = {};
if (which === 'seed' || which === 'all') out.seed = seedSpeed(5);
if (which === 'scale' || which === 'all') out.scale = scale(5000, 10000, 15, 60);
if (which === 'scale-small')
  out.scale = scale(
    Number(process.argv[3] ?? 500),
    Number(process.argv[4] ?? 1000),
    15,
    Number(process.argv[5] ?? 60),
  );
process.stdout.write(JSON.stringify(out) + '\n');
