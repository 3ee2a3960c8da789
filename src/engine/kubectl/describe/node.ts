// `kubectl describe node` (describeNode). The engine's Node objects carry no capacity, so the
// describe shows a fixed capacity like a small kind node; requests are summed from the pods.
import type { Cluster } from '../../cluster';
import type { Node, Pod } from '../../api/types';
import { NODE_MONITOR_GRACE_MS } from '../../controllers/nodes';
import { ageSince, rfc1123z } from '../age';
import { eventsAbout } from '../events';
import { nodeRoles } from '../printers/cluster';
import { fakeDigest } from './containers';
import { annotationsMultiline, describeEvents, labelsMultiline, PrefixWriter } from './writer';

/** What the simulated machines offer (the engine does not model resources). */
const CAPACITY: [string, string][] = [
  ['cpu', '4'],
  ['ephemeral-storage', '102626232Ki'],
  ['hugepages-1Gi', '0'],
  ['hugepages-2Mi', '0'],
  ['memory', '8129288Ki'],
  ['pods', '110'],
];
const CPU_MILLIS = 4000;
const MEMORY_BYTES = 8129288 * 1024;

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const DECIMAL: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

function cpuMillis(q: unknown): number {
  const s = String(q ?? '0');
  return s.endsWith('m') ? Number(s.slice(0, -1)) || 0 : Math.round((Number(s) || 0) * 1000);
}

function memoryBytes(q: unknown): number {
  const m = String(q ?? '0').match(/^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/);
  if (!m) return 0;
  const unit = m[2] ?? '';
  return Number(m[1]) * (BINARY[unit] ?? DECIMAL[unit] ?? 1);
}

function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

function formatMemory(bytes: number): string {
  for (const unit of ['Ti', 'Gi', 'Mi', 'Ki'])
    if (bytes !== 0 && bytes % (BINARY[unit] ?? 1) === 0)
      return `${bytes / (BINARY[unit] ?? 1)}${unit}`;
  return String(bytes);
}

function podRequests(p: Pod): { cpu: [number, number]; mem: [number, number] } {
  const out = { cpu: [0, 0] as [number, number], mem: [0, 0] as [number, number] };
  for (const ct of p.spec.containers) {
    const r = (ct.resources ?? {}) as {
      limits?: Record<string, unknown>;
      requests?: Record<string, unknown>;
    };
    const req = { ...(r.limits ?? {}), ...(r.requests ?? {}) };
    out.cpu[0] += cpuMillis(req.cpu);
    out.cpu[1] += cpuMillis(r.limits?.cpu);
    out.mem[0] += memoryBytes(req.memory);
    out.mem[1] += memoryBytes(r.limits?.memory);
  }
  return out;
}

const pct = (v: number, total: number) => Math.trunc((v / total) * 100);

/** The describe text of one Node. */
export function describeNode(c: Cluster, n: Node): string {
  const w = new PrefixWriter();
  const name = n.metadata.name;
  w.write(0, `Name:\t${name}\n`);
  w.write(0, `Roles:\t${nodeRoles(n).join(',') || '<none>'}\n`);
  labelsMultiline(w, 'Labels', n.metadata.labels);
  annotationsMultiline(w, 'Annotations', n.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(n.metadata.creationTimestamp)}\n`);
  const taints = [...(n.spec.taints ?? [])].sort((a, b) =>
    `${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1,
  );
  w.write(0, 'Taints:\t');
  if (taints.length === 0) w.write(0, '<none>\n');
  taints.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
  w.write(0, `Unschedulable:\t${n.spec.unschedulable === true}\n`);
  const ready = n.status.conditions.find((x) => x.type === 'Ready');
  const lost = ready && ready.status !== 'True' && c.ctl.nodes.get(name)?.failed;
  const renew = lost ? ready.lastTransitionTime - NODE_MONITOR_GRACE_MS : c.now;
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${rfc1123z(Math.max(0, Math.floor(renew / 10_000) * 10_000))}\n`);
  w.write(
    0,
    'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
  );
  w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const cond of n.status.conditions)
    w.write(
      1,
      `${cond.type} \t${cond.status} \t${rfc1123z(cond.lastHeartbeatTime)} \t${rfc1123z(cond.lastTransitionTime)} \t${cond.reason} \t${cond.message}\n`,
    );
  w.write(0, 'Addresses:\n');
  for (const a of n.status.addresses) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const title of ['Capacity', 'Allocatable']) {
    w.write(0, `${title}:\n`);
    for (const [res, v] of CAPACITY) w.write(0, `  ${res}:\t${v}\n`);
  }
  const info = n.status.nodeInfo;
  const id = fakeDigest(`node/${name}`);
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${id.slice(0, 32)}\n`);
  w.write(
    0,
    `  System UUID:\t${id.slice(32, 40)}-${id.slice(40, 44)}-${id.slice(44, 48)}-${id.slice(48, 52)}-${id.slice(52, 64)}\n`,
  );
  w.write(
    0,
    `  Boot ID:\t${id.slice(8, 16)}-${id.slice(16, 20)}-${id.slice(20, 24)}-${id.slice(24, 28)}-${id.slice(28, 40)}\n`,
  );
  w.write(0, `  Kernel Version:\t${info.kernelVersion}\n`);
  w.write(0, `  OS Image:\t${info.osImage}\n`);
  w.write(0, `  Operating System:\t${info.operatingSystem}\n`);
  w.write(0, `  Architecture:\t${info.architecture}\n`);
  w.write(0, `  Container Runtime Version:\t${info.containerRuntimeVersion}\n`);
  w.write(0, `  Kubelet Version:\t${info.kubeletVersion}\n`);
  w.write(0, `  Kube-Proxy Version:\t${info.kubeProxyVersion}\n`);
  if (n.spec.podCIDR) w.write(0, `PodCIDR:\t${n.spec.podCIDR}\n`);
  if (n.spec.podCIDRs.length) w.write(0, `PodCIDRs:\t${n.spec.podCIDRs.join(',')}\n`);
  const pods = c.store
    .list('Pod')
    .filter(
      (p) =>
        p.spec.nodeName === name && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed',
    )
    .sort((a, b) =>
      `${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}`
        ? -1
        : 1,
    );
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const total = { cpu: [0, 0], mem: [0, 0] };
  for (const p of pods) {
    const r = podRequests(p);
    total.cpu = [total.cpu[0]! + r.cpu[0], total.cpu[1]! + r.cpu[1]];
    total.mem = [total.mem[0]! + r.mem[0], total.mem[1]! + r.mem[1]];
    w.write(
      1,
      `${p.metadata.namespace}\t${p.metadata.name}\t\t${formatCpu(r.cpu[0])} (${pct(r.cpu[0], CPU_MILLIS)}%)\t${formatCpu(r.cpu[1])} (${pct(r.cpu[1], CPU_MILLIS)}%)\t${formatMemory(r.mem[0])} (${pct(r.mem[0], MEMORY_BYTES)}%)\t${formatMemory(r.mem[1])} (${pct(r.mem[1], MEMORY_BYTES)}%)\t${ageSince(p.metadata.creationTimestamp, c.now)}\n`,
    );
  }
  w.write(
    0,
    'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n',
  );
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const [cr = 0, cl = 0] = total.cpu;
  const [mr = 0, ml = 0] = total.mem;
  w.write(
    1,
    `cpu\t${formatCpu(cr)} (${pct(cr, CPU_MILLIS)}%)\t${formatCpu(cl)} (${pct(cl, CPU_MILLIS)}%)\n`,
  );
  w.write(
    1,
    `memory\t${formatMemory(mr)} (${pct(mr, MEMORY_BYTES)}%)\t${formatMemory(ml)} (${pct(ml, MEMORY_BYTES)}%)\n`,
  );
  w.write(1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  w.write(1, 'hugepages-1Gi\t0 (0%)\t0 (0%)\n');
  w.write(1, 'hugepages-2Mi\t0 (0%)\t0 (0%)\n');
  describeEvents(w, c, eventsAbout(c, 'Node', name, 'default'));
  return w.text();
}
