// `kubectl rollout status|restart|undo|history|pause|resume deployment/NAME` with kubectl's texts
// (reference C, polymorphichelpers). There is no waiting: `status` prints the current line.
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import type { Deployment, PodTemplateSpec } from '../../api/types';
import { canonicalJson } from '../../util/hash';
import { toRfc3339 } from '../../util/time';
import { describePodTemplate } from '../describe/containers';
import { PrefixWriter } from '../describe/writer';
import { deploymentReplicaSets } from '../describe/workloads';
import { flagInt, flagString, type FlagSpec, type ParsedFlags } from '../flags';
import { Output, errorResult, usageError } from '../output';
import { singleObject } from '../select';
import { parseTargets } from '../targets';
import { tabify } from '../tabwriter';

export const ROLLOUT_FLAGS: FlagSpec[] = [
  { name: 'revision', kind: 'int' },
  { name: 'to-revision', kind: 'int' },
  { name: 'watch', short: 'w', kind: 'bool' },
  { name: 'timeout', kind: 'string' },
];

const REVISION = 'deployment.kubernetes.io/revision';
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** The DeploymentStatusViewer line for a deployment, and whether the rollout is done. */
export function rolloutStatus(d: Deployment): { text: string; done: boolean } | { error: string } {
  const st = d.status;
  const name = d.metadata.name;
  if ((d.metadata.generation ?? 1) <= (st.observedGeneration ?? 0)) {
    const cond = st.conditions?.find((x) => x.type === 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded')
      return { error: `deployment "${name}" exceeded its progress deadline` };
    const want = d.spec.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    const wait = `Waiting for deployment "${name}" rollout to finish: `;
    if (updated < want)
      return {
        text: `${wait}${updated} out of ${want} new replicas have been updated...\n`,
        done: false,
      };
    if ((st.replicas ?? 0) > updated)
      return {
        text: `${wait}${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`,
        done: false,
      };
    if ((st.availableReplicas ?? 0) < updated)
      return {
        text: `${wait}${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
        done: false,
      };
    return { text: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
}

function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return { ...t, metadata: { ...t.metadata, labels } };
}

function history(c: Cluster, d: Deployment): Map<number, PodTemplateSpec & { cause?: string }> {
  const { olds, newRS } = deploymentReplicaSets(c, d);
  const out = new Map<number, PodTemplateSpec & { cause?: string }>();
  for (const rs of [...olds, ...(newRS ? [newRS] : [])]) {
    const rev = Number(rs.metadata.annotations?.[REVISION] ?? 0);
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    out.set(rev, { ...rs.spec.template, ...(cause ? { cause } : {}) });
  }
  return out;
}

function update(c: Cluster, d: Deployment, spec: Partial<Deployment['spec']>): void {
  c.store.put({
    ...d,
    spec: { ...d.spec, ...spec },
    metadata: { ...d.metadata, generation: (d.metadata.generation ?? 1) + 1 },
  });
}

/** Runs `kubectl rollout`. */
export function runRollout(c: Cluster, p: ParsedFlags): CommandResult {
  const [sub, ...rest] = p.args;
  const verbs = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
  if (sub === undefined || !verbs.includes(sub))
    return new Output()
      .fail(
        sub === undefined
          ? "error: Required resource not specified.\nSee 'kubectl rollout -h' for help and examples"
          : `error: unknown command "${sub}" for "kubectl rollout"\nSee 'kubectl rollout -h' for help and examples`,
      )
      .result();
  if (rest.length === 0)
    return usageError(`kubectl rollout ${sub}`, 'required resource not specified');
  const found = singleObject(c, rest, flagString(p, 'namespace') ?? 'default', (a) =>
    parseTargets(a, false),
  );
  if ('error' in found) return new Output().fail(found.error).result();
  if (found.obj.kind !== 'Deployment')
    return errorResult(
      `no ${sub === 'status' ? 'status viewer' : 'history viewer'} has been implemented for ${found.obj.kind}`,
    );
  const d = found.obj;
  const ref = `deployment.apps/${d.metadata.name}`;
  const out = new Output();
  switch (sub) {
    case 'status': {
      const s = rolloutStatus(d);
      return 'error' in s ? errorResult(s.error) : out.out(s.text).result();
    }
    case 'restart': {
      if (d.spec.paused)
        return errorResult(
          `deployments.apps "${d.metadata.name}" can't restart paused deployment (run rollout resume first)`,
        );
      const stamp = toRfc3339(c.now);
      const annotations = { ...(d.spec.template.metadata?.annotations ?? {}) };
      if (annotations[RESTARTED_AT] === stamp)
        return errorResult(
          'failed to create patch for deployment: if restart has already been triggered within the past second, please wait before attempting to trigger another',
        );
      annotations[RESTARTED_AT] = stamp;
      update(c, d, {
        template: { ...d.spec.template, metadata: { ...d.spec.template.metadata, annotations } },
      });
      return out.out(`${ref} restarted\n`).result();
    }
    case 'pause':
    case 'resume': {
      const pause = sub === 'pause';
      if (!!d.spec.paused === pause)
        return errorResult(
          `deployments.apps "${d.metadata.name}" is ${pause ? 'already paused' : 'not paused'}`,
        );
      update(c, d, { paused: pause });
      return out.out(`${ref} ${pause ? 'paused' : 'resumed'}\n`).result();
    }
    case 'history': {
      const h = history(c, d);
      const rev = flagInt(p, 'revision') ?? 0;
      if (h.size === 0) return out.out(`${ref} \nNo rollout history found.\n`).result();
      if (rev > 0) {
        const t = h.get(rev);
        if (!t) return errorResult('unable to find the specified revision');
        const w = new PrefixWriter();
        describePodTemplate(w, t);
        return out.out(`${ref} with revision #${rev}\n${w.text()}\n`).result();
      }
      const rows = [...h.keys()]
        .sort((a, b) => a - b)
        .map((r) => `${r}\t${h.get(r)?.cause ?? '<none>'}\n`);
      const table = tabify(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { minwidth: 0, padding: 2 });
      return out.out(`${ref} \n${table}\n`).result();
    }
    default: {
      const h = history(c, d);
      const current = Number(d.metadata.annotations?.[REVISION] ?? 0);
      let to = flagInt(p, 'to-revision') ?? 0;
      if (to === 0) {
        const older = [...h.keys()].filter((r) => r < current).sort((a, b) => b - a);
        if (older.length === 0)
          return errorResult(`no rollout history found for deployment "${d.metadata.name}"`);
        to = older[0] as number;
      }
      const t = h.get(to);
      if (!t) return errorResult(`unable to find specified revision ${to} in history`);
      const template = withoutHash(t);
      delete (template as { cause?: string }).cause;
      if (canonicalJson(template) === canonicalJson(d.spec.template))
        return out
          .out(`${ref} skipped rollback (current template already matches revision ${to})\n`)
          .result();
      update(c, d, { template });
      return out.out(`${ref} rolled back\n`).result();
    }
  }
}
