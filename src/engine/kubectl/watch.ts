// What `kubectl get -w` and `kubectl rollout status` print over time, for the UI console: the first
// output, then — on every `poll()` — the lines kubectl would have printed since: one row per change
// of a watched object, rendered at the moment of the change with the widths of the first table.
import type { Cluster } from '../cluster';
import type { CommandResult } from '../commands/result';
import { objectKey } from '../api/store';
import type { KubeObject } from '../api/types';
import { SERVICE_NAME_LABEL } from '../controllers/endpointslice';
import { endpointsFor } from './legacyEndpoints';
import { matchesSelector, parseSelector } from '../util/labels';
import { COMMANDS } from './commands';
import { planGet, printTables, type GetPlan } from './commands/get';
import type { KubectlContext } from './commands/registry';
import { rolloutStatus } from './commands/rollout';
import { flagBool, parseFlags } from './flags';
import { listEvents } from './events';
import { runKubectl } from './run';
import { TABLES } from './printers';
import { rowLine } from './printers/table';
import { kindGroup } from './resources';
import { GET_TABLE, Tabwriter } from './tabwriter';

/** A running watch. */
export interface KubectlWatch {
  /** What the command printed when it started. */
  initial: CommandResult;
  /** Everything printed since the previous call (or since the start). */
  poll(): string;
  /** Stops collecting output. */
  close(): void;
  /** True once the command would have exited (rollout status finished). */
  readonly done: boolean;
}

const finished = (initial: CommandResult): KubectlWatch => ({
  initial,
  poll: () => '',
  close: () => undefined,
  done: true,
});

function rolloutWatch(c: Cluster, args: string[]): KubectlWatch {
  const initial = runKubectl(c, args);
  const target = args
    .slice(2)
    .join('/')
    .replace(/^deployments?\/|^deploy\//, '');
  const key = `default/${target}`;
  let last = initial.stdout;
  let done = initial.exitCode !== 0 || last.includes('successfully rolled out');
  return {
    initial,
    poll() {
      if (done) return '';
      const d = c.store.get('Deployment', key);
      if (!d) return '';
      const s = rolloutStatus(d);
      if ('error' in s) {
        done = true;
        return `error: ${s.error}\n`;
      }
      done = s.done;
      if (s.text === last) return '';
      last = s.text;
      return s.text;
    },
    close() {
      done = true;
    },
    get done() {
      return done;
    },
  };
}

/** Starts `kubectl get … -w` (or `rollout status`) on the cluster. */
export function watchKubectl(c: Cluster, args: string[], ctx: KubectlContext = {}): KubectlWatch {
  if (args[0] === 'rollout' && args[1] === 'status') return rolloutWatch(c, args);
  const spec = COMMANDS.get;
  const p = args[0] === 'get' && spec ? parseFlags(args.slice(1), spec.flags) : null;
  if (!p || 'error' in p) return finished(runKubectl(c, args, ctx));
  const plan = planGet(c, p);
  if (!('groups' in plan) || plan.groups.length !== 1 || plan.output.split('=')[0] === 'yaml')
    return finished(runKubectl(c, args, ctx));
  const group = plan.groups[0] as GetPlan['groups'][number];
  const tw = new Tabwriter(GET_TABLE);
  const initial: CommandResult = flagBool(p, 'watch-only')
    ? { stdout: '', stderr: plan.warnings, exitCode: 0 }
    : runKubectl(c, args, ctx);
  if (initial.exitCode !== 0) return finished(initial);
  printTables(c, plan, tw);
  let pending = '';
  let closed = false;
  const def = TABLES[group.r.kind];
  const names = new Set(group.listed ? [] : group.objs.map((o) => o.metadata.name));
  const sel = p.values.get('selector');
  const selector = typeof sel === 'string' && sel ? parseSelector(sel) : null;
  const wants = (o: { kind: string; metadata: KubeObject['metadata'] }) =>
    o.kind === group.r.kind &&
    (plan.allNamespaces || !group.r.namespaced || o.metadata.namespace === plan.namespace) &&
    (names.size === 0 || names.has(o.metadata.name)) &&
    (!selector || 'error' in selector || matchesSelector(selector, o.metadata.labels));
  const print = (o: Parameters<typeof rowLine>[1]) => {
    if (!def) return;
    if (plan.output === 'name') {
      pending += `${kindGroup(group.r)}/${o.metadata.name}\n`;
      return;
    }
    tw.write(
      rowLine(def, o, c, {
        ...plan.table,
        withNamespace: plan.table.withNamespace && group.r.namespaced,
      }),
    );
    pending += tw.flush();
  };
  c.store.onChange((ch) => {
    if (closed) return;
    const o = (ch.obj ?? ch.old) as KubeObject | undefined;
    if (o?.kind === 'EndpointSlice' && group.r.kind === 'Endpoints') {
      // v1 Endpoints follow the slices of their Service.
      const svcName = o.metadata.labels?.[SERVICE_NAME_LABEL];
      const svc = svcName
        ? c.store.get('Service', objectKey(o.metadata.namespace, svcName))
        : undefined;
      const ep = svc ? endpointsFor(c, svc) : null;
      if (ep && wants(ep)) print(ep);
      return;
    }
    if (o && wants(o)) print(o);
  });
  let seen = c.events.length;
  return {
    initial,
    poll() {
      if (group.r.kind === 'Event' && !closed) {
        const fresh = c.events.slice(seen);
        seen = c.events.length;
        const all = listEvents(c, plan.allNamespaces ? undefined : plan.namespace);
        for (const e of fresh) {
          const obj = all.find(
            (x) =>
              x.reason === e.reason &&
              x.message === e.message &&
              `${x.involvedObject.kind.toLowerCase()}/${x.involvedObject.name}` === e.object,
          );
          if (obj) print(obj);
        }
      }
      const out = pending;
      pending = '';
      return out;
    },
    close() {
      closed = true;
    },
    done: false,
  };
}
