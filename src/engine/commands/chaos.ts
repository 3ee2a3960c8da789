// Chaos commands (DESIGN.md §3): kill-pod, crash, fail-node, recover-node, fail-readiness,
// pass-readiness. Pods by name, or by label selector where `--count` picks them in name order.
import type { Pod } from '../api/types';
import type { Cluster } from '../cluster';
import { matchesSelector, parseSelector } from '../util/labels';
import { fail, ok, type CommandResult } from './result';

const USAGE = `Usage:
  chaos kill-pod (POD... | -l SELECTOR [--count N])
  chaos crash (POD... | -l SELECTOR [--count N])
  chaos fail-readiness (POD... | -l SELECTOR [--count N])
  chaos pass-readiness (POD... | -l SELECTOR)
  chaos fail-node NODE
  chaos recover-node NODE`;

/** Runs `chaos <verb> …` (args without the word `chaos`). */
export function runChaos(c: Cluster, args: string[]): CommandResult {
  const [verb, ...rest] = args;
  if (verb === 'fail-node' || verb === 'recover-node') {
    const node = rest[0];
    if (!node || rest.length > 1)
      return fail(`error: chaos ${verb} needs exactly one node name\n${USAGE}`);
    if (!c.ctl.nodes.get(node))
      return fail(`Error from server (NotFound): nodes "${node}" not found`);
    const changed = verb === 'fail-node' ? c.ctl.nodes.fail(node) : c.ctl.nodes.recover(node);
    return ok(
      changed
        ? `node/${node} ${verb === 'fail-node' ? 'failed' : 'recovering'}\n`
        : `node/${node} unchanged\n`,
    );
  }
  if (!verb || !['kill-pod', 'crash', 'fail-readiness', 'pass-readiness'].includes(verb))
    return fail(`error: unknown chaos command "${verb ?? ''}"\n${USAGE}`);
  let selector: string | null = null;
  let count = Infinity;
  const names: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '-l' || a === '--selector') selector = rest[++i] ?? null;
    else if (a.startsWith('-l=') || a.startsWith('--selector='))
      selector = a.slice(a.indexOf('=') + 1);
    else if (a === '--count') count = Number(rest[++i]);
    else if (a.startsWith('--count=')) count = Number(a.slice(8));
    else if (!a.startsWith('-')) names.push(a.startsWith('pod/') ? a.slice(4) : a);
    else return fail(`error: unexpected argument "${a}"\n${USAGE}`);
  }
  if (names.length > 0) {
    if (selector) return fail(`error: give pod names or a selector (-l), not both\n${USAGE}`);
    const named: Pod[] = [];
    for (const name of names) {
      const p = c.store.get('Pod', `default/${name}`);
      if (!p) return fail(`Error from server (NotFound): pods "${name}" not found`);
      if (p.metadata.deletionTimestamp === undefined && !named.includes(p)) named.push(p);
    }
    if (named.length === 0) return fail(`error: pod "${names[0] ?? ''}" is already terminating`);
    return ok(applyChaos(c, verb, named));
  }
  if (!selector)
    return fail(
      `error: chaos ${verb} needs pod names or a label selector (-l app=backend)\n${USAGE}`,
    );
  if (!Number.isInteger(count) && count !== Infinity)
    return fail('error: --count must be a whole number');
  if (count < 1) return fail('error: --count must be at least 1');
  const sel = parseSelector(selector);
  if ('error' in sel) return fail(`error: ${sel.error}`);
  // Equality terms narrow the candidates through the label index (no walk over every pod).
  const exact = sel.matchLabels ?? {};
  const candidates =
    Object.keys(exact).length > 0
      ? c.store
          .podsMatching('default', exact)
          .map((k) => c.store.get('Pod', k))
          .filter((p): p is Pod => p !== undefined)
      : c.store.list('Pod');
  const pods = candidates
    .filter(
      (p) =>
        p.metadata.namespace === 'default' &&
        matchesSelector(sel, p.metadata.labels) &&
        p.metadata.deletionTimestamp === undefined,
    )
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
    .slice(0, count);
  if (pods.length === 0)
    return fail(`No resources found in default namespace matching ${selector}.`);
  return ok(applyChaos(c, verb, pods));
}

/** Does `verb` to each pod; the command's output lines. */
function applyChaos(c: Cluster, verb: string, pods: Pod[]): string {
  const lines: string[] = [];
  for (const p of pods) {
    const key = c.key(p);
    const name = p.metadata.name;
    if (verb === 'kill-pod') {
      c.ctl.api.removePod(key);
      c.recordEvent(
        p,
        'Warning',
        'Killed',
        `Pod ${name} was killed (chaos)`,
        'kubeplay-chaos',
        'chaos.killPod',
        { pod: name },
      );
      lines.push(`pod/${name} killed`);
    } else if (verb === 'crash') {
      const done = c.ctl.kubelet.crash(key, 1, 'Error');
      if (done)
        c.recordEvent(
          p,
          'Warning',
          'Crashed',
          `Container of pod ${name} exited with code 1 (chaos)`,
          'kubeplay-chaos',
          'chaos.crash',
          { pod: name },
        );
      lines.push(`pod/${name} ${done ? 'crashed' : 'not running'}`);
    } else {
      const failing = verb === 'fail-readiness';
      c.ctl.kubelet.setUnhealthy(key, failing);
      lines.push(`pod/${name} readiness ${failing ? 'failing' : 'passing'}`);
    }
  }
  return lines.join('\n') + '\n';
}
