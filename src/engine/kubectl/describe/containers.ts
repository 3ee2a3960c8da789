// The container sections of describe (describeContainers, DescribeProbe, describeStatus) and the
// Pod Template block Deployments and ReplicaSets share (DescribePodTemplate).
import type {
  Container,
  ContainerState,
  ContainerStatus,
  PodTemplateSpec,
  Probe,
} from '../../api/types';
import { sha256 } from '@noble/hashes/sha2.js';
import { rfc1123z } from '../age';
import { annotationsMultiline, labelsMultiline, type PrefixWriter } from './writer';

/** A stable fake id (64 hex chars) for container and image ids. */
export function fakeDigest(seed: string): string {
  let hex = '';
  for (const b of sha256(new TextEncoder().encode(seed))) hex += b.toString(16).padStart(2, '0');
  return hex;
}

function imageId(image: string): string {
  const name = image.split('@')[0]?.replace(/:[^/:]+$/, '') ?? image;
  const qualified = name.includes('/') ? name : `library/${name}`;
  const registry = /^[^/]+[.:]/.test(qualified) ? qualified : `docker.io/${qualified}`;
  return `${registry}@sha256:${fakeDigest(image)}`;
}

/** DescribeProbe. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `http-get ${scheme}://:${p.httpGet.port}${p.httpGet.path ?? '/'} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket :${p.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeStatus(w: PrefixWriter, name: string, state: ContainerState): void {
  if (state.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt ?? t.finishedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else w.write(2, `${name}:\tWaiting\n`);
}

/** describeContainers: one block per container, with its status when the pod has one. */
export function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | null,
  space: string,
  podUid = '',
): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const ct of containers) {
    const st = statuses?.find((s) => s.name === ct.name);
    w.write(1, `${space ? ' ' : ''}${ct.name}:\n`);
    const started = st !== undefined && (!st.state.waiting || st.restartCount > 0);
    if (st) {
      const id = started
        ? `containerd://${fakeDigest(`${podUid}/${ct.name}/${st.restartCount}`)}`
        : '';
      w.write(2, `Container ID:\t${id}\n`);
    }
    w.write(2, `Image:\t${ct.image}\n`);
    if (st) w.write(2, `Image ID:\t${started ? imageId(ct.image) : ''}\n`);
    const ports = (ct.ports ?? [])
      .map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`)
      .join(', ');
    const hostPorts = (ct.ports ?? [])
      .map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`)
      .join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    w.write(
      2,
      hostPorts.includes(',')
        ? `Host Ports:\t${hostPorts}\n`
        : `Host Port:\t${hostPorts || '<none>'}\n`,
    );
    if (ct.command?.length) {
      w.write(2, 'Command:\n');
      for (const c of ct.command) for (const s of c.split('\n')) w.write(3, `${s}\n`);
    }
    if (ct.args?.length) {
      w.write(2, 'Args:\n');
      for (const a of ct.args) for (const s of a.split('\n')) w.write(3, `${s}\n`);
    }
    if (st) {
      describeStatus(w, 'State', st.state);
      if (st.lastState.terminated) describeStatus(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount}\n`);
    }
    describeResources(w, ct.resources);
    if (ct.livenessProbe) w.write(2, `Liveness:\t${describeProbe(ct.livenessProbe)}\n`);
    if (ct.readinessProbe) w.write(2, `Readiness:\t${describeProbe(ct.readinessProbe)}\n`);
    if (ct.startupProbe) w.write(2, `Startup:\t${describeProbe(ct.startupProbe)}\n`);
    const env = ct.env ?? [];
    w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
    for (const e of env) {
      (e.value ?? '')
        .split('\n')
        .forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    }
    w.write(2, 'Mounts:\t<none>\n');
  }
}

function describeResources(w: PrefixWriter, resources: Record<string, unknown> | undefined): void {
  for (const part of ['limits', 'requests'] as const) {
    const list = resources?.[part] as Record<string, unknown> | undefined;
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.write(2, `${part === 'limits' ? 'Limits' : 'Requests'}:\n`);
    for (const n of names) w.write(3, `${n}:\t${String(list?.[n])}\n`);
  }
}

/** DescribePodTemplate. */
export function describePodTemplate(w: PrefixWriter, t: PodTemplateSpec): void {
  w.write(0, 'Pod Template:\n');
  labelsMultiline(w, '  Labels', t.metadata?.labels);
  if (Object.keys(t.metadata?.annotations ?? {}).length > 0)
    annotationsMultiline(w, '  Annotations', t.metadata?.annotations);
  describeContainers(w, 'Containers', t.spec.containers, null, '  ');
  w.write(0, '  Volumes:\t<none>\n');
  labelsMultiline(w, '  Node-Selectors', t.spec.nodeSelector);
  w.write(0, '  Tolerations:\t<none>\n');
}
