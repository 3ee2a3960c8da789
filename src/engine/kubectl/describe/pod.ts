// `kubectl describe pod` (describePod). Fields the API server's admission plugins always set —
// priority 0, the default service account, the two 300 s NoExecute tolerations the node lifecycle
// simulation honours — are shown as a real cluster shows them even though the engine stores none.
import type { Cluster } from '../../cluster';
import type { Pod, PodCondition } from '../../api/types';
import { ageSince, rfc1123z } from '../age';
import { eventsAbout } from '../events';
import { describeContainers } from './containers';
import { annotationsMultiline, describeEvents, labelsMultiline, PrefixWriter } from './writer';

const CONDITION_ORDER: PodCondition['type'][] = [
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
];

/** qos.GetPodQOS, reduced to requests/limits presence. */
function qosClass(p: Pod): string {
  let any = false;
  let guaranteed = true;
  for (const ct of p.spec.containers) {
    const r = (ct.resources ?? {}) as {
      limits?: Record<string, unknown>;
      requests?: Record<string, unknown>;
    };
    const limits = r.limits ?? {};
    const requests = { ...limits, ...(r.requests ?? {}) };
    if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) any = true;
    for (const res of ['cpu', 'memory'])
      if (limits[res] === undefined || String(limits[res]) !== String(requests[res]))
        guaranteed = false;
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function describeVolumes(w: PrefixWriter, p: Pod): void {
  const volumes = (p.spec['volumes'] ?? []) as { name: string; emptyDir?: { medium?: string } }[];
  if (!Array.isArray(volumes) || volumes.length === 0) {
    w.write(0, 'Volumes:\t<none>\n');
    return;
  }
  w.write(0, 'Volumes:\n');
  for (const v of volumes) {
    w.write(1, `${v.name}:\n`);
    if (v.emptyDir) {
      w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n");
      w.write(0, `    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t<unset>\n`);
    } else w.write(1, '<unknown>\n');
  }
}

/** The describe text of one pod. */
export function describePod(c: Cluster, p: Pod): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${p.metadata.name}\n`);
  w.write(0, `Namespace:\t${p.metadata.namespace ?? 'default'}\n`);
  w.write(0, 'Priority:\t0\n');
  w.write(0, `Service Account:\t${String(p.spec['serviceAccountName'] ?? 'default')}\n`);
  w.write(
    0,
    p.spec.nodeName ? `Node:\t${p.spec.nodeName}/${p.status.hostIP ?? ''}\n` : 'Node:\t<none>\n',
  );
  if (p.status.startTime !== undefined)
    w.write(0, `Start Time:\t${rfc1123z(p.status.startTime)}\n`);
  labelsMultiline(w, 'Labels', p.metadata.labels);
  annotationsMultiline(w, 'Annotations', p.metadata.annotations);
  const terminal = p.status.phase === 'Failed' || p.status.phase === 'Succeeded';
  if (p.metadata.deletionTimestamp !== undefined && !terminal) {
    w.write(0, `Status:\tTerminating (lasts ${ageSince(p.metadata.deletionTimestamp, c.now)})\n`);
    w.write(0, `Termination Grace Period:\t${p.metadata.deletionGracePeriodSeconds ?? 30}s\n`);
  } else w.write(0, `Status:\t${p.status.phase}\n`);
  if (p.status.reason) w.write(0, `Reason:\t${p.status.reason}\n`);
  if (p.status.message) w.write(0, `Message:\t${p.status.message}\n`);
  w.write(0, `IP:\t${p.status.podIP ?? ''}\n`);
  const ips = p.status.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = p.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  describeContainers(
    w,
    'Containers',
    p.spec.containers,
    p.status.containerStatuses ?? [],
    '',
    p.metadata.uid,
  );
  if (p.status.conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    const conds = [...p.status.conditions].sort(
      (a, b) => CONDITION_ORDER.indexOf(a.type) - CONDITION_ORDER.indexOf(b.type),
    );
    for (const cond of conds) w.write(1, `${cond.type} \t${cond.status} \n`);
  }
  describeVolumes(w, p);
  w.write(0, `QoS Class:\t${qosClass(p)}\n`);
  labelsMultiline(w, 'Node-Selectors', p.spec.nodeSelector);
  w.write(0, 'Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n');
  w.write(0, '\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n');
  describeEvents(w, c, eventsAbout(c, 'Pod', p.metadata.name, p.metadata.namespace));
  return w.text();
}
