// kubeplay's headless command line (DESIGN.md §4): run a scenario, validate manifests, or ask
// kubectl about a simulated cluster at a virtual time. A thin shell over the engine.
import { readFileSync } from 'node:fs';
import { Engine, parseDuration, validateManifestFile } from '../engine/index';

const USAGE = `Usage:
  kubeplay run <scenario.yaml> --until <duration> [--json]
  kubeplay validate <manifests.yaml> [--json]
  kubeplay kubectl <scenario.yaml> --at <duration> -- <kubectl args…>`;

interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export function main(argv: string[], io: Io): number {
  const [cmd, ...rest] = argv;
  if (cmd === 'run') return run(rest, io);
  if (cmd === 'validate') return validate(rest, io);
  if (cmd === 'kubectl') return kubectl(rest, io);
  io.err(`${cmd ? `error: unknown command "${cmd}"\n` : ''}${USAGE}\n`);
  return 2;
}

function readInput(path: string | undefined, io: Io): string | null {
  if (!path) {
    io.err(`error: a file is required\n${USAGE}\n`);
    return null;
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    io.err(`error: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return null;
  }
}

function durationFlag(args: string[], flag: string, io: Io): number | null {
  const i = args.indexOf(flag);
  const eq = args.find((a) => a.startsWith(`${flag}=`));
  const text = eq ? eq.slice(flag.length + 1) : i >= 0 ? args[i + 1] : undefined;
  if (text === undefined) {
    io.err(`error: ${flag} <duration> is required (e.g. ${flag} 30s)\n${USAGE}\n`);
    return null;
  }
  const ms = parseDuration(text);
  if (ms === null) {
    io.err(`error: invalid duration "${text}" for ${flag}: use forms like 500ms, 30s, 1m30s\n`);
    return null;
  }
  return ms;
}

function build(path: string | undefined, io: Io): Engine | null {
  const text = readInput(path, io);
  if (text === null) return null;
  const r = Engine.create(text);
  if (!r.ok) {
    io.err(`error: invalid scenario ${path ?? ''}:\n${r.message}\n`);
    return null;
  }
  return r.engine;
}

function run(args: string[], io: Io): number {
  const until = durationFlag(args, '--until', io);
  if (until === null) return 2;
  const engine = build(args[0], io);
  if (!engine) return 1;
  engine.advanceTo(until);
  const report = engine.report();
  if (args.includes('--json')) {
    io.out(JSON.stringify(report, null, 2) + '\n');
    return 0;
  }
  const outcomes = new Map<string, number>();
  for (const r of report.requests) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
  const live = report.pods.filter((p) => p.deletedAt === null);
  io.out(
    `Simulated ${until / 1000}s: ${report.nodes.length} nodes, ${live.length} pods (${report.pods.length} ever), ${report.services.length} services\n`,
  );
  io.out(
    `Requests: ${report.requests.length} (${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})\n`,
  );
  for (const p of live)
    io.out(
      `  ${p.name.padEnd(40)} ${String(p.ip ?? '<none>').padEnd(15)} ${String(p.node ?? '<none>').padEnd(10)} ${p.status}\n`,
    );
  return 0;
}

function validate(args: string[], io: Io): number {
  const path = args.find((a) => !a.startsWith('--'));
  const text = readInput(path, io);
  if (text === null) return 2;
  const report = validateManifestFile(text, path ?? 'manifests.yaml');
  if (args.includes('--json'))
    io.out(
      JSON.stringify({ valid: report.valid, diagnostics: report.diagnostics }, null, 2) + '\n',
    );
  else {
    if (report.output.length) io.out(report.output.join('\n') + '\n');
    if (report.errorText) io.err(report.errorText + '\n');
  }
  return report.valid ? 0 : 1;
}

function kubectl(args: string[], io: Io): number {
  const sep = args.indexOf('--');
  if (sep < 0) {
    io.err(`error: put the kubectl arguments after --\n${USAGE}\n`);
    return 2;
  }
  const own = args.slice(0, sep);
  const at = durationFlag(own, '--at', io);
  if (at === null) return 2;
  const engine = build(own[0], io);
  if (!engine) return 1;
  engine.advanceTo(at);
  const words = args.slice(sep + 1);
  const r = engine.exec(['kubectl', ...words.map(quote)].join(' '));
  if (r.stdout) io.out(r.stdout);
  if (r.stderr) io.err(r.stderr);
  return r.exitCode;
}

function quote(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

const isEntry = process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (isEntry) {
  process.exitCode = main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
}
