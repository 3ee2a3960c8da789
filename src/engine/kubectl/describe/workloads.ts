// `kubectl describe deployment` (describeDeployment) and `kubectl describe replicaset`
// (describeReplicaSet): replica counts, strategy, the pod template, conditions, and which
// ReplicaSets are old and new.
import type { Cluster } from '../../cluster';
import type { Deployment, ReplicaSet } from '../../api/types';
import { podTemplateHash } from '../../util/hash';
import { rfc1123z } from '../age';
import { eventsAbout } from '../events';
import { formatLabelSelector, selectorString } from '../printers/format';
import { describePodTemplate } from './containers';
import { annotationsMultiline, describeEvents, labelsMultiline, PrefixWriter } from './writer';

/** ReplicaSets a Deployment owns, in API (name) order, split into old ones and the new one. */
export function deploymentReplicaSets(
  c: Cluster,
  d: Deployment,
): { olds: ReplicaSet[]; newRS: ReplicaSet | undefined } {
  const owned = c.store
    .list('ReplicaSet', d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const hash = podTemplateHash(d.spec.template, d.status.collisionCount ?? 0);
  const newRS = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
  return { olds: owned.filter((rs) => rs !== newRS), newRS };
}

function rsList(list: ReplicaSet[]): string {
  const text = list
    .map(
      (rs) =>
        `${rs.metadata.name} (${rs.status.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`,
    )
    .join(', ');
  return text || '<none>';
}

/** The describe text of one Deployment. */
export function describeDeployment(c: Cluster, d: Deployment): string {
  const w = new PrefixWriter();
  const st = d.status;
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? 'default'}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata.labels);
  annotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${selectorString(d.spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${d.spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  const strategy = d.spec.strategy?.type ?? 'RollingUpdate';
  w.write(0, `StrategyType:\t${strategy}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (strategy === 'RollingUpdate' && ru)
    w.write(
      0,
      `RollingUpdateStrategy:\t${ru.maxUnavailable ?? '25%'} max unavailable, ${ru.maxSurge ?? '25%'} max surge\n`,
    );
  describePodTemplate(w, d.spec.template);
  const conds = st.conditions ?? [];
  if (conds.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const cond of conds) w.write(1, `${cond.type} \t${cond.status}\t${cond.reason}\n`);
  }
  const { olds, newRS } = deploymentReplicaSets(c, d);
  if (olds.length > 0 || newRS) {
    w.write(0, `OldReplicaSets:\t${rsList(olds)}\n`);
    w.write(0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(w, c, eventsAbout(c, 'Deployment', d.metadata.name, d.metadata.namespace));
  return w.text();
}

/** The describe text of one ReplicaSet. */
export function describeReplicaSet(c: Cluster, rs: ReplicaSet): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? 'default'}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = rs.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${rs.status.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of c.store.podsByOwner.get(rs.metadata.uid)?.values() ?? []) {
    const phase = pod.status.phase;
    if (phase && phase in counts) counts[phase as keyof typeof counts]++;
  }
  w.write(
    0,
    `Pods Status:\t${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`,
  );
  describePodTemplate(w, rs.spec.template);
  describeEvents(w, c, eventsAbout(c, 'ReplicaSet', rs.metadata.name, rs.metadata.namespace));
  return w.text();
}
