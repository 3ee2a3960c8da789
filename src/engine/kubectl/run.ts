// Runs one kubectl command line: finds the subcommand (global flags may come first), parses its
// flags the way cobra/pflag does and runs it, with cobra's errors for unknown commands and flags.
import type { Cluster } from '../cluster';
import type { CommandResult } from '../commands/result';
import { GLOBAL_FLAGS, parseFlags } from './flags';
import { Output, flagError } from './output';
import { COMMANDS } from './commands';
import { KUBECTL_COMMANDS, suggestionsFor, type KubectlContext } from './commands/registry';

/** Finds the first word that is not a global flag or a global flag's value. */
function splitCommand(args: string[]): { name: string | undefined; rest: string[] } {
  const valued = new Set(
    GLOBAL_FLAGS.filter((f) => f.kind !== 'bool').flatMap((f) => [
      `--${f.name}`,
      ...(f.short ? [`-${f.short}`] : []),
    ]),
  );
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    if (valued.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return { name: a, rest: [...args.slice(0, i), ...args.slice(i + 1)] };
  }
  return { name: undefined, rest: args };
}

/** Runs kubectl with `args` (the words after `kubectl`). */
export function runKubectl(c: Cluster, args: string[], ctx: KubectlContext = {}): CommandResult {
  const { name, rest } = splitCommand(args);
  if (name === undefined) {
    if (args.includes('version') || args.length === 0)
      return new Output()
        .out(
          'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n',
        )
        .result();
    const p = parseFlags(args, []);
    if ('error' in p) return flagError('kubectl', p.error);
    return new Output().out('kubectl controls the Kubernetes cluster manager.\n').result();
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    if (KUBECTL_COMMANDS.includes(name))
      return new Output()
        .fail(`error: "kubectl ${name}" is not available in kubeplay's simulated cluster`)
        .result();
    const suggestions = suggestionsFor(name);
    const did = suggestions.length
      ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`
      : '';
    return new Output()
      .fail(`error: unknown command "${name}" for "kubectl"${did}\nRun 'kubectl --help' for usage.`)
      .result();
  }
  const p = parseFlags(rest, cmd.flags);
  if ('error' in p) return flagError(`kubectl ${name}`, p.error);
  if (p.values.get('help') === true) return new Output().out(`${cmd.short}\n`).result();
  return cmd.run(c, p, ctx);
}
