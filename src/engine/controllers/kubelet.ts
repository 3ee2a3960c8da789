// The kubelet on every node: sandbox and pod IP, image pulls, container start, probes, crash
// restarts with CrashLoopBackOff (B.3), and graceful termination with preStop and SIGTERM (B.2).
// It also decides whether a container is listening, which is what the data plane asks.
import { clonePod, ownContainerStatuses, setPodCondition } from '../api/pods';
import type { Container, ContainerStatus, Pod, Probe } from '../api/types';
import type { Cluster } from '../cluster';
import { deepFreeze } from '../util/freeze';
import { probeTiming, type ProbeKind } from './probes';

/** Per-pod kubelet state that is not in the API object. */
export interface PodRuntime {
  key: string;
  uid: string;
  node: string;
  /** Bumped whenever a pending timer must be ignored (restart, delete, node failure). */
  gen: number;
  /** The container process accepts connections. */
  listening: boolean;
  /** Readiness failing on purpose (chaos fail-readiness). */
  unhealthy: boolean;
  runningSince: number | null;
  backoffMs: number;
  lastCrashAt: number | null;
  probeStreak: Record<ProbeKind, { ok: number; fail: number }>;
  terminating: boolean;
}

const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
const BACKOFF_RESET_MS = 600_000;

/** All kubelets (one per node), keyed by pod. */
export class Kubelet {
  readonly pods = new Map<string, PodRuntime>();

  constructor(private readonly c: Cluster) {}

  runtime(key: string): PodRuntime | undefined {
    return this.pods.get(key);
  }

  /** The scheduler bound the pod: create the sandbox, take an IP, pull and start. */
  podBound(key: string): void {
    const pod = this.c.store.get('Pod', key);
    if (!pod?.spec.nodeName) return;
    const node = this.c.ctl.nodes.get(pod.spec.nodeName);
    if (!node || node.failed) return;
    const rt: PodRuntime = {
      key,
      uid: pod.metadata.uid,
      node: node.name,
      gen: 0,
      listening: false,
      unhealthy: false,
      runningSince: null,
      backoffMs: 0,
      lastCrashAt: null,
      probeStreak: NO_STREAKS,
      terminating: false,
    };
    this.pods.set(key, rt);
    this.c.after(this.c.rng.between(20, 60), () => this.createSandbox(rt));
  }

  private update(rt: PodRuntime, fn: (p: Pod) => void): Pod | undefined {
    const pod = this.c.store.get('Pod', rt.key);
    if (!pod || pod.metadata.uid !== rt.uid) return undefined;
    const next = clonePod(pod);
    fn(next);
    this.c.store.put(next);
    return next;
  }

  private alive(rt: PodRuntime, gen: number): boolean {
    return rt.gen === gen && this.pods.get(rt.key) === rt && !this.c.ctl.nodes.get(rt.node)?.failed;
  }

  private createSandbox(rt: PodRuntime): void {
    const node = this.c.ctl.nodes.get(rt.node);
    if (!node || node.failed || rt.terminating) return;
    const ip = node.ipam.allocate();
    if (!ip) return;
    const pod = this.update(rt, (p) => {
      p.status.hostIP = node.ip;
      p.status.podIP = ip;
      p.status.podIPs = [{ ip }];
      p.status.startTime = this.c.now;
      setPodCondition(p, 'PodReadyToStartContainers', 'True', this.c.now);
      setPodCondition(p, 'Initialized', 'True', this.c.now);
      setPodCondition(p, 'Ready', 'False', this.c.now, 'ContainersNotReady');
      setPodCondition(p, 'ContainersReady', 'False', this.c.now, 'ContainersNotReady');
      p.status.containerStatuses = p.spec.containers.map((ct) =>
        waitingStatus(ct, 'ContainerCreating'),
      );
    });
    if (pod) this.pullAndStart(rt, pod, false);
  }

  private pullAndStart(rt: PodRuntime, pod: Pod, restart: boolean): void {
    const node = this.c.ctl.nodes.get(rt.node);
    // The timers below outlive this version of the pod: they keep only what their events need.
    const subject = eventSubject(pod);
    const containers = pod.spec.containers;
    const ct = containers[0];
    if (!node || !ct) return;
    const gen = rt.gen;
    const cached = node.images.has(ct.image);
    let delay = 0;
    if (cached && ct.imagePullPolicy !== 'Always') {
      this.event(
        pod,
        'Normal',
        'Pulled',
        sharedText(alreadyPresentText, ct.image),
        'pod.pulled',
        {},
      );
    } else {
      const ms = cached ? this.c.rng.between(300, 800) : this.c.rng.between(900, 2600);
      this.event(pod, 'Normal', 'Pulling', `Pulling image "${ct.image}"`, 'pod.pulling', {
        image: ct.image,
      });
      delay = ms;
      this.c.after(ms, () => {
        if (!this.alive(rt, gen)) return;
        node.images.add(ct.image);
        const s = (ms / 1000).toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
        this.event(
          subject,
          'Normal',
          'Pulled',
          `Successfully pulled image "${ct.image}" in ${s}s (${s}s including waiting). Image size: ${imageSize(ct.image)} bytes.`,
          'pod.pulled',
          { image: ct.image },
        );
      });
    }
    const startAt = delay + this.c.rng.between(30, 120);
    this.c.after(startAt, () => {
      if (!this.alive(rt, gen) || rt.terminating) return;
      for (const c of containers) {
        this.event(subject, 'Normal', 'Created', sharedText(createdText, c.name), 'pod.created', {
          container: c.name,
        });
        this.event(subject, 'Normal', 'Started', sharedText(startedText, c.name), 'pod.started', {
          container: c.name,
        });
      }
      this.containerStarted(rt, restart);
    });
  }

  private containerStarted(rt: PodRuntime, restart: boolean): void {
    rt.listening = true;
    rt.runningSince = this.c.now;
    const pod = this.update(rt, (p) => {
      const ct = p.spec.containers[0];
      rt.probeStreak = ct?.readinessProbe || ct?.livenessProbe ? newStreaks() : NO_STREAKS;
      p.status.phase = 'Running';
      p.status.containerStatuses = p.spec.containers.map((ct, i) => {
        const prev = p.status.containerStatuses?.[i];
        const noProbe = !ct.readinessProbe;
        return {
          name: ct.name,
          image: ct.image,
          ready: noProbe,
          started: true,
          restartCount: (prev?.restartCount ?? 0) + (restart ? 1 : 0),
          state: { running: { startedAt: this.c.now } },
          lastState: restart && prev?.lastState ? prev.lastState : (prev?.lastState ?? {}),
        } satisfies ContainerStatus;
      });
      const allReady = p.spec.containers.every((ct) => !ct.readinessProbe);
      if (allReady) {
        setPodCondition(p, 'ContainersReady', 'True', this.c.now);
        setPodCondition(p, 'Ready', 'True', this.c.now);
      }
    });
    if (!pod) return;
    this.c.ctl.traffic.podRunning(rt.key);
    this.startProbes(rt, pod);
  }

  private startProbes(rt: PodRuntime, pod: Pod): void {
    const ct = pod.spec.containers[0];
    if (!ct) return;
    const gen = rt.gen;
    for (const kind of ['readiness', 'liveness'] as const) {
      const probe = kind === 'readiness' ? ct.readinessProbe : ct.livenessProbe;
      if (!probe) continue;
      const t = probeTiming(probe);
      const tick = () => {
        if (!this.alive(rt, gen) || !rt.listening) return;
        this.runProbe(rt, ct, kind, probe, t.successThreshold, t.failureThreshold);
        if (this.alive(rt, gen)) this.c.after(t.periodMs, tick);
      };
      this.c.after(t.initialDelayMs + this.c.rng.between(0, 200), tick);
    }
  }

  private runProbe(
    rt: PodRuntime,
    ct: Container,
    kind: ProbeKind,
    probe: Probe,
    okNeeded: number,
    failNeeded: number,
  ): void {
    const pod = this.c.store.get('Pod', rt.key);
    if (!pod) return;
    const failure = this.probeFailure(pod, ct, probe, rt);
    const streak = rt.probeStreak[kind];
    if (failure === null) {
      streak.ok++;
      streak.fail = 0;
      if (kind === 'readiness' && streak.ok >= okNeeded) this.setReady(rt, true);
      return;
    }
    streak.fail++;
    streak.ok = 0;
    const label = kind === 'readiness' ? 'Readiness' : 'Liveness';
    this.event(
      pod,
      'Warning',
      'Unhealthy',
      `${label} probe failed: ${failure}`,
      'pod.probeFailed',
      { probe: kind },
    );
    if (streak.fail < failNeeded) return;
    if (kind === 'readiness') this.setReady(rt, false);
    else {
      this.event(
        pod,
        'Normal',
        'Killing',
        `Container ${ct.name} failed liveness probe, will be restarted`,
        'pod.livenessKill',
        {
          container: ct.name,
        },
      );
      this.crash(rt.key, 137, 'Error');
    }
  }

  private probeFailure(pod: Pod, ct: Container, probe: Probe, rt: PodRuntime): string | null {
    const ip = pod.status.podIP ?? '';
    const handler = probe.httpGet ?? probe.tcpSocket;
    if (handler) {
      const port = resolveContainerPort(ct, handler.port);
      const listens = port !== null && (ct.ports ?? []).some((p) => p.containerPort === port);
      if (!listens) {
        const shown = port ?? handler.port;
        return probe.httpGet
          ? `Get "http://${ip}:${shown}${probe.httpGet.path ?? '/'}": dial tcp ${ip}:${shown}: connect: connection refused`
          : `dial tcp ${ip}:${shown}: connect: connection refused`;
      }
    }
    if (rt.unhealthy)
      return probe.httpGet
        ? 'HTTP probe failed with statuscode: 503'
        : 'command terminated with non-zero exit code';
    return null;
  }

  private setReady(rt: PodRuntime, ready: boolean): void {
    const pod = this.c.store.get('Pod', rt.key);
    if (!pod) return;
    const now = pod.status.conditions.find((c) => c.type === 'Ready')?.status === 'True';
    if (now === ready) return;
    this.update(rt, (p) => {
      for (const s of ownContainerStatuses(p)) s.ready = ready;
      const reason = ready ? undefined : 'ContainersNotReady';
      setPodCondition(p, 'ContainersReady', ready ? 'True' : 'False', this.c.now, reason);
      setPodCondition(p, 'Ready', ready ? 'True' : 'False', this.c.now, reason);
    });
  }

  /** chaos fail-readiness / pass-readiness. */
  setUnhealthy(key: string, unhealthy: boolean): boolean {
    const rt = this.pods.get(key);
    if (!rt) return false;
    rt.unhealthy = unhealthy;
    const pod = this.c.store.get('Pod', key);
    // Without a readiness probe, the kubelet never checks; readiness follows the container state.
    if (pod && !pod.spec.containers[0]?.readinessProbe && rt.listening)
      this.setReady(rt, !unhealthy);
    return true;
  }

  /** The container exits (chaos crash, failed liveness): restart in place with back-off. */
  crash(key: string, exitCode = 1, reason = 'Error'): boolean {
    const rt = this.pods.get(key);
    if (!rt || rt.terminating || !rt.listening) return false;
    rt.gen++;
    rt.listening = false;
    const ranFor = rt.runningSince === null ? 0 : this.c.now - rt.runningSince;
    if (ranFor >= BACKOFF_RESET_MS) rt.backoffMs = 0;
    const wait = rt.backoffMs;
    rt.backoffMs = wait === 0 ? BACKOFF_INITIAL_MS : Math.min(wait * 2, BACKOFF_MAX_MS);
    rt.runningSince = null;
    rt.lastCrashAt = this.c.now;
    this.c.ctl.traffic.podStopped(key);
    const pod = this.update(rt, (p) => {
      for (const s of ownContainerStatuses(p)) {
        const startedAt = s.state.running?.startedAt ?? this.c.now;
        s.state = { terminated: { exitCode, reason, startedAt, finishedAt: this.c.now } };
        s.lastState = { terminated: { exitCode, reason, startedAt, finishedAt: this.c.now } };
        s.ready = false;
      }
      setPodCondition(p, 'ContainersReady', 'False', this.c.now, 'ContainersNotReady');
      setPodCondition(p, 'Ready', 'False', this.c.now, 'ContainersNotReady');
    });
    if (!pod) return false;
    const gen = rt.gen;
    if (wait > 0) {
      this.c.after(this.c.rng.between(50, 200), () => {
        if (!this.alive(rt, gen)) return;
        const p = this.update(rt, (x) => {
          for (const s of ownContainerStatuses(x)) {
            s.state = {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: `back-off ${wait / 1000}s restarting failed container=${s.name} pod=${x.metadata.name}_${x.metadata.namespace}(${x.metadata.uid})`,
              },
            };
          }
        });
        if (p) {
          const name = p.spec.containers[0]?.name ?? '';
          this.event(
            p,
            'Warning',
            'BackOff',
            `Back-off restarting failed container ${name} in pod ${p.metadata.name}_${p.metadata.namespace}(${p.metadata.uid})`,
            'pod.backOff',
            { container: name },
          );
        }
      });
    }
    this.c.after(wait + this.c.rng.between(100, 400), () => {
      if (!this.alive(rt, gen)) return;
      const p = this.c.store.get('Pod', key);
      if (p) this.pullAndStart(rt, p, true);
    });
    return true;
  }

  /** The API server set deletionTimestamp: preStop, SIGTERM, exit, then remove the pod object. */
  podDeleting(key: string): void {
    const rt = this.pods.get(key);
    const pod = this.c.store.get('Pod', key);
    if (!pod) return;
    if (!rt) {
      // Never started (unscheduled or still being created): nothing to stop.
      if (!pod.spec.nodeName || !this.c.ctl.nodes.get(pod.spec.nodeName)?.failed)
        this.c.after(5, () => this.finalize(key, pod.metadata.uid));
      return;
    }
    if (rt.terminating || this.c.ctl.nodes.get(rt.node)?.failed) return;
    rt.terminating = true;
    rt.gen++;
    const gen = rt.gen;
    const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    const ct = pod.spec.containers[0];
    this.c.after(this.c.rng.between(5, 25), () => {
      if (!this.alive(rt, gen)) return;
      const started = this.c.now;
      if (ct)
        this.event(pod, 'Normal', 'Killing', `Stopping container ${ct.name}`, 'pod.killing', {
          container: ct.name,
        });
      const preStopMs = rt.listening ? preStopDuration(ct) : 0;
      const sigkillAt = preStopMs > graceMs ? graceMs + 2000 : graceMs;
      const sigtermAt = Math.min(preStopMs, sigkillAt);
      this.c.after(sigtermAt, () => {
        if (!this.alive(rt, gen)) return;
        rt.listening = false;
        this.c.ctl.traffic.podStopped(key);
        const exitIn = this.c.rng.between(80, 400);
        const exited = Math.min(this.c.now - started + exitIn, sigkillAt) - (this.c.now - started);
        this.c.after(Math.max(0, exited), () => {
          if (this.alive(rt, gen)) this.finalize(key, rt.uid);
        });
      });
    });
  }

  /** Force delete or eviction from a dead node: forget the pod, free its IP. */
  podGone(key: string, uid: string): void {
    const rt = this.pods.get(key);
    if (!rt || rt.uid !== uid) return;
    rt.gen++;
    rt.listening = false;
    this.pods.delete(key);
    this.c.ctl.traffic.podStopped(key);
  }

  private finalize(key: string, uid: string): void {
    const pod = this.c.store.get('Pod', key);
    if (!pod || pod.metadata.uid !== uid) return;
    this.c.ctl.api.removePod(key);
  }

  nodeFailed(node: string): void {
    for (const rt of this.pods.values()) {
      if (rt.node !== node) continue;
      rt.gen++;
      this.c.ctl.traffic.podStopped(rt.key);
    }
  }

  /** The kubelet is back: finish deletions that waited for it; report surviving pods ready again. */
  nodeRecovered(node: string): void {
    for (const rt of [...this.pods.values()]) {
      if (rt.node !== node) continue;
      rt.gen++;
      const pod = this.c.store.get('Pod', rt.key);
      if (!pod) continue;
      if (pod.metadata.deletionTimestamp !== undefined) {
        this.c.ctl.api.removePod(rt.key);
        continue;
      }
      if (rt.listening) {
        rt.runningSince ??= this.c.now;
        const noProbe = !pod.spec.containers[0]?.readinessProbe;
        if (noProbe && !rt.unhealthy) this.setReady(rt, true);
        this.c.ctl.traffic.podRunning(rt.key);
        this.startProbes(rt, pod);
      } else if (pod.status.podIP === undefined) {
        this.c.after(this.c.rng.between(20, 60), () => this.createSandbox(rt));
      } else this.pullAndStart(rt, pod, false);
    }
  }

  private event(
    pod: EventSubject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    code: string,
    params: Record<string, string | number>,
  ): void {
    this.c.recordEvent(pod, type, reason, message, 'kubelet', code, {
      pod: pod.metadata.name,
      ...params,
    });
  }
}

type Streaks = PodRuntime['probeStreak'];
const newStreaks = (): Streaks => ({ readiness: { ok: 0, fail: 0 }, liveness: { ok: 0, fail: 0 } });
/** The streaks of a pod with no probes: never counted, so one frozen object serves them all. */
const NO_STREAKS: Streaks = deepFreeze(newStreaks());

/** What an event needs of its pod: kind, name, namespace. */
type EventSubject = { kind: string; metadata: { name: string; namespace?: string } };

function eventSubject(pod: Pod): EventSubject {
  const metadata: EventSubject['metadata'] = { name: pod.metadata.name };
  if (pod.metadata.namespace !== undefined) metadata.namespace = pod.metadata.namespace;
  return { kind: pod.kind, metadata };
}

const alreadyPresentText = (image: string) =>
  `Container image "${image}" already present on machine`;
const createdText = (container: string) => `Created container: ${container}`;
const startedText = (container: string) => `Started container ${container}`;
const sharedTexts = new Map<(arg: string) => string, Map<string, string>>();

/**
 * An event message that depends only on an image or container name, built once and shared by the
 * events of every pod (a large cluster records these for each of its pods).
 */
function sharedText(build: (arg: string) => string, arg: string): string {
  let byArg = sharedTexts.get(build);
  if (!byArg) sharedTexts.set(build, (byArg = new Map()));
  let text = byArg.get(arg);
  if (text === undefined) {
    text = build(arg);
    if (byArg.size < 1000) byArg.set(arg, text);
  }
  return text;
}

function waitingStatus(ct: Container, reason: string): ContainerStatus {
  return {
    name: ct.name,
    image: ct.image,
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: { reason } },
    lastState: {},
  };
}

/** A probe's or Service's port (number or name) resolved against a container's ports. */
export function resolveContainerPort(ct: Container, port: number | string): number | null {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return ct.ports?.find((p) => p.name === port)?.containerPort ?? null;
}

/** How long the preStop hook keeps the container serving: `sleep N` (exec or the sleep action). */
function preStopDuration(ct: Container | undefined): number {
  const h = ct?.lifecycle?.preStop;
  if (!h) return 0;
  if (h.sleep) return h.sleep.seconds * 1000;
  const cmd = (h.exec?.command ?? []).join(' ');
  const m = cmd.match(/sleep\s+(\d+(?:\.\d+)?)/);
  return m ? Math.round(Number(m[1]) * 1000) : 200;
}

function imageSize(image: string): number {
  let h = 0;
  for (let i = 0; i < image.length; i++) h = (h * 31 + image.charCodeAt(i)) >>> 0;
  return 20_000_000 + (h % 60_000_000);
}
