import { describe, expect, it } from 'vitest';
import { flagBool, flagInt, flagString, flagStrings, parseFlags, type FlagSpec } from './flags';

const SPECS: FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'watch', short: 'w', kind: 'bool' },
  { name: 'replicas', kind: 'int' },
  { name: 'tcp', kind: 'strings' },
];

function parse(argv: string[]) {
  const p = parseFlags(argv, SPECS);
  if ('error' in p) throw new Error(p.error);
  return p;
}

describe('pflag parsing', () => {
  it('reads long, short, attached and = forms, with args interspersed', () => {
    const p = parse(['pods', '-owide', '--replicas', '3', 'x', '-n=kube-system']);
    expect(p.args).toEqual(['pods', 'x']);
    expect(flagString(p, 'output')).toBe('wide');
    expect(flagInt(p, 'replicas')).toBe(3);
    expect(flagString(p, 'namespace')).toBe('kube-system');
    expect(flagString(parse(['-o', 'yaml']), 'output')).toBe('yaml');
    expect(flagString(parse(['--output=json']), 'output')).toBe('json');
  });

  it('clusters boolean shorthands and repeats slices', () => {
    const p = parse(['-Aw', '--tcp=80:8080', '--tcp', '443:8443,8080']);
    expect(flagBool(p, 'all-namespaces') && flagBool(p, 'watch')).toBe(true);
    expect(flagStrings(p, 'tcp')).toEqual(['80:8080', '443:8443', '8080']);
  });

  it('stops at -- and keeps the rest', () => {
    const p = parse(['web', '--', 'curl', '-s', 'http://x']);
    expect(p.args).toEqual(['web']);
    expect(p.dashArgs).toEqual(['curl', '-s', 'http://x']);
  });

  it.each([
    [['--bogus'], 'unknown flag: --bogus'],
    [['-z'], "unknown shorthand flag: 'z' in -z"],
    [['-Az'], "unknown shorthand flag: 'z' in -Az"],
    [['--output'], 'flag needs an argument: --output'],
    [['-o'], "flag needs an argument: 'o' in -o"],
    [
      ['--replicas=x'],
      'invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax',
    ],
    [
      ['--watch=maybe'],
      'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    ],
  ])('%j → %s', (argv, error) => {
    expect(parseFlags(argv, SPECS)).toEqual({ error });
  });
});
