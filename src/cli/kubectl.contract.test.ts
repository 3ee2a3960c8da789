// The `kubectl` subcommand of the CLI (DESIGN.md §4) prints exactly what kubectl prints against the
// simulated cluster at that virtual time: same stdout, stderr and exit code as the engine's console.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/index';
import { main } from './main';

const SEED = new URL('../lessons/seed-services/scenario.yaml', import.meta.url).pathname;

function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const exitCode = main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { stdout, stderr, exitCode };
}

function consoleRun(at: number, line: string) {
  const r = Engine.create(readFileSync(SEED, 'utf8'));
  if (!r.ok) throw new Error(r.message);
  r.engine.advanceTo(at);
  return r.engine.exec(line);
}

describe('cli kubectl <scenario> --at <duration> -- <args>', () => {
  it.each([
    [['get', 'pods', '-o', 'wide'], 'kubectl get pods -o wide'],
    [['get', 'svc,deploy'], 'kubectl get svc,deploy'],
    [['describe', 'service', 'backend-service'], 'kubectl describe service backend-service'],
    [['get', 'endpoints'], 'kubectl get endpoints'],
    [
      ['get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}'],
      `kubectl get pods -o 'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}'`,
    ],
  ])('%j prints what the console prints', (args, line) => {
    const r = cli('kubectl', SEED, '--at', '30s', '--', ...args);
    expect(r).toEqual(consoleRun(30_000, line));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toBe('');
  });

  it('keeps kubectl’s streams and exit codes', () => {
    expect(cli('kubectl', SEED, '--at', '10s', '--', 'get', 'statefulsets')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(cli('kubectl', SEED, '--at', '10s', '--', 'get', 'pods', 'nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    expect(
      cli('kubectl', SEED, '--at', '10s', '--', 'exec', 'nope', '--', 'curl', 'http://x').exitCode,
    ).toBe(1);
  });
});
