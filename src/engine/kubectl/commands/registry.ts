// The kubectl subcommands kubeplay implements, with the flags each accepts; also kubectl's full
// command list, so a mistyped command gets cobra's "Did you mean this?" suggestions.
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import type { FlagSpec, ParsedFlags } from '../flags';

/** Extra inputs some commands need. */
export interface KubectlContext {
  /** Files `apply -f` can read: name → text. */
  files?: Record<string, string>;
}

/** One implemented subcommand. */
export interface Subcommand {
  flags: FlagSpec[];
  /** Takes the words after `--` (exec) instead of treating `--` as the end of flags only. */
  run(c: Cluster, p: ParsedFlags, ctx: KubectlContext): CommandResult;
  /** One line for `--help`. */
  short: string;
}

/** Every top-level kubectl command (v1.33), for suggestions and "not simulated" answers. */
export const KUBECTL_COMMANDS = [
  'alpha',
  'annotate',
  'api-resources',
  'api-versions',
  'apply',
  'attach',
  'auth',
  'autoscale',
  'certificate',
  'cluster-info',
  'completion',
  'config',
  'cordon',
  'cp',
  'create',
  'debug',
  'delete',
  'describe',
  'diff',
  'drain',
  'edit',
  'events',
  'exec',
  'explain',
  'expose',
  'get',
  'help',
  'kustomize',
  'label',
  'logs',
  'options',
  'patch',
  'plugin',
  'port-forward',
  'proxy',
  'replace',
  'rollout',
  'run',
  'scale',
  'set',
  'taint',
  'top',
  'uncordon',
  'version',
  'wait',
];

function levenshtein(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0] as number;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j] as number;
      d[j] = Math.min(
        (d[j] as number) + 1,
        (d[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return d[b.length] as number;
}

/** Commands' SuggestFor lists (get: list, ps; delete: rm). */
const SUGGEST_FOR: Record<string, string[]> = { get: ['list', 'ps'], delete: ['rm'] };

/** cobra's SuggestionsFor: distance ≤ 2, a prefix, or a SuggestFor word, in command order. */
export function suggestionsFor(typed: string): string[] {
  const t = typed.toLowerCase();
  return KUBECTL_COMMANDS.filter(
    (cmd) =>
      cmd !== 'help' &&
      (levenshtein(t, cmd) <= 2 || cmd.startsWith(t) || (SUGGEST_FOR[cmd] ?? []).includes(t)),
  );
}
