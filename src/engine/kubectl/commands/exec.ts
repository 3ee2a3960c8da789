// `kubectl exec POD [-c CONTAINER] -- COMMAND…`: runs one of the simulated programs (curl, wget,
// nslookup, cat, hostname, echo, env, `sh -c "…"`) from the pod, so requests leave from its IP and
// node. A non-zero exit adds kubectl's `command terminated with exit code N`.
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import { splitArgs } from '../../commands/argv';
import type { Pod } from '../../api/types';
import { fakeDigest } from '../describe/containers';
import { curl } from '../exec/curl';
import type { ProgramResult } from '../exec/request';
import { cat, echo, environment, hostname, nslookup } from '../exec/tools';
import { wget } from '../exec/wget';
import { flagString, type FlagSpec, type ParsedFlags } from '../flags';
import { Output, errorResult, notFoundText, usageError } from '../output';
import { podsOf } from '../podsOf';

export const EXEC_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', kind: 'string' },
  { name: 'stdin', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'quiet', short: 'q', kind: 'bool' },
];

function program(c: Cluster, pod: Pod, argv: string[], depth = 0): ProgramResult {
  const [cmd = '', ...args] = argv;
  const base = cmd.split('/').pop() ?? cmd;
  switch (base) {
    case 'curl':
      return curl(c, pod, args);
    case 'wget':
      return wget(c, pod, args);
    case 'nslookup':
      return nslookup(c, pod, args);
    case 'cat':
      return cat(c, pod, args);
    case 'hostname':
      return hostname(pod);
    case 'echo':
      return echo(args);
    case 'env':
    case 'printenv':
      return {
        stdout: environment(c, pod)
          .map((l) => l + '\n')
          .join(''),
        stderr: '',
        code: 0,
      };
    case 'true':
      return { stdout: '', stderr: '', code: 0 };
    case 'false':
      return { stdout: '', stderr: '', code: 1 };
    case 'sh':
    case 'bash':
    case 'ash': {
      if (args[0] !== '-c' || depth > 2) break;
      const inner = splitArgs(args[1] ?? '');
      if ('error' in inner)
        return { stdout: '', stderr: `${base}: syntax error: ${inner.error}\n`, code: 2 };
      const r = program(c, pod, inner, depth + 1);
      if (r.code === -1)
        return { stdout: '', stderr: `${base}: ${inner[0] ?? ''}: not found\n`, code: 127 };
      return r;
    }
  }
  return { stdout: '', stderr: '', code: -1 };
}

/** Runs `kubectl exec`. */
export function runExec(c: Cluster, p: ParsedFlags): CommandResult {
  const ns = flagString(p, 'namespace') ?? 'default';
  const [target, ...extra] = p.args;
  if (!target) return usageError('kubectl exec', 'pod, type/name or --filename must be specified');
  if (p.dashArgs === null || p.dashArgs.length === 0) {
    if (extra.length > 0)
      return errorResult(
        'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
      );
    return usageError('kubectl exec', 'you must specify at least one command for the container');
  }
  let pod: Pod | undefined;
  const slash = target.indexOf('/');
  if (slash >= 0) {
    const found = podsOf(c, target.slice(0, slash), target.slice(slash + 1), ns);
    if ('error' in found) return new Output().fail(found.error).result();
    pod = found.pods[0];
    if (!pod) return errorResult(`no pods found for ${target}`);
  } else {
    pod = c.store.get('Pod', `${ns}/${target}`);
    if (!pod) return new Output().fail(notFoundText('pods', target)).result();
  }
  const containerName = flagString(p, 'container') ?? pod.spec.containers[0]?.name ?? '';
  const out = new Output();
  if (!flagString(p, 'container') && pod.spec.containers.length > 1)
    out.err(
      `Defaulted container "${containerName}" out of: ${pod.spec.containers.map((x) => x.name).join(', ')}\n`,
    );
  if (!pod.spec.containers.some((x) => x.name === containerName))
    return out
      .fail(`error: container ${containerName} not found in pod ${pod.metadata.name}`)
      .result();
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed')
    return out
      .fail(
        `error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`,
      )
      .result();
  const node = pod.spec.nodeName ? c.ctl.nodes.get(pod.spec.nodeName) : undefined;
  if (node?.failed)
    return out
      .fail(`Error from server: error dialing backend: dial tcp ${node.ip}:10250: i/o timeout`)
      .result();
  const status = pod.status.containerStatuses?.find((s) => s.name === containerName);
  const running =
    status?.state.running !== undefined && c.ctl.kubelet.runtime(c.key(pod))?.listening !== false;
  if (!running)
    return out
      .fail(`error: unable to upgrade connection: container not found ("${containerName}")`)
      .result();
  const r = program(c, pod, p.dashArgs);
  if (r.code === -1) {
    const cmd = p.dashArgs[0] ?? '';
    return out
      .fail(
        `error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${fakeDigest(`${pod.metadata.uid}/${c.now}/${cmd}`)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown`,
      )
      .result();
  }
  out.out(r.stdout).err(r.stderr);
  if (r.code !== 0) out.fail(`command terminated with exit code ${r.code}`, r.code);
  return out.result();
}
