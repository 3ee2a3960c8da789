// Command-line flags the way kubectl's cobra/pflag reads them: `--name=value`, `--name value`,
// `-n value`, `-nvalue`, clustered boolean shorthands (`-it`), `--` ending the flags, and pflag's
// exact error texts. Owns parsing only; commands decide what the values mean.

export type FlagKind = 'bool' | 'string' | 'int' | 'strings';

/** One flag a command accepts. */
export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
}

/** Parsed command line: flag values by long name, positional args, and args after `--`. */
export interface ParsedFlags {
  values: Map<string, string | boolean | number | string[]>;
  args: string[];
  /** Words after `--`, or null when there was no `--`. */
  dashArgs: string[] | null;
}

/** Flags every kubectl command accepts (kubectl's persistent flags that matter here). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'v', short: 'v', kind: 'int' },
  { name: 'help', short: 'h', kind: 'bool' },
];

/** Parses `argv` against `specs` (plus the global flags); returns pflag's error text on failure. */
export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedFlags | { error: string } {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byLong = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short as string, s]));
  const out: ParsedFlags = { values: new Map(), args: [], dashArgs: null };
  const set = (spec: FlagSpec, raw: string, shown: string): string | null => {
    if (spec.kind === 'bool') {
      const v = parseBool(raw);
      if (v === null)
        return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`;
      out.values.set(spec.name, v);
    } else if (spec.kind === 'int') {
      if (!/^[+-]?\d+$/.test(raw))
        return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`;
      out.values.set(spec.name, Number(raw));
    } else if (spec.kind === 'strings') {
      const prev = out.values.get(spec.name);
      const list = Array.isArray(prev) ? prev : [];
      out.values.set(spec.name, [...list, ...raw.split(',')]);
    } else out.values.set(spec.name, raw);
    return null;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      out.dashArgs = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byLong.get(name);
      if (!spec) return { error: `unknown flag: --${name}` };
      const shown = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
      let raw: string;
      if (eq >= 0) raw = a.slice(eq + 1);
      else if (spec.kind === 'bool') raw = 'true';
      else if (i + 1 < argv.length) raw = argv[++i] as string;
      else return { error: `flag needs an argument: --${name}` };
      const err = set(spec, raw, shown);
      if (err) return { error: err };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const shorts = a.slice(1);
      for (let j = 0; j < shorts.length; j++) {
        const ch = shorts[j] as string;
        const spec = byShort.get(ch);
        if (!spec) return { error: `unknown shorthand flag: '${ch}' in ${a}` };
        const shown = `-${ch}, --${spec.name}`;
        let raw: string;
        const rest = shorts.slice(j + 1);
        if (rest.startsWith('=')) raw = rest.slice(1);
        else if (spec.kind === 'bool') {
          const err = set(spec, 'true', shown);
          if (err) return { error: err };
          continue;
        } else if (rest.length > 0) raw = rest;
        else if (i + 1 < argv.length) raw = argv[++i] as string;
        else return { error: `flag needs an argument: '${ch}' in ${a}` };
        const err = set(spec, raw, shown);
        if (err) return { error: err };
        break;
      }
      continue;
    }
    out.args.push(a);
  }
  return out;
}

function parseBool(v: string): boolean | null {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  return null;
}

/** Typed accessors over parsed values. */
export function flagString(p: ParsedFlags, name: string): string | undefined {
  const v = p.values.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function flagBool(p: ParsedFlags, name: string): boolean {
  return p.values.get(name) === true;
}

export function flagInt(p: ParsedFlags, name: string): number | undefined {
  const v = p.values.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function flagStrings(p: ParsedFlags, name: string): string[] {
  const v = p.values.get(name);
  return Array.isArray(v) ? v : [];
}

export function hasFlag(p: ParsedFlags, name: string): boolean {
  return p.values.has(name);
}
