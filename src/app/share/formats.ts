// The share code's format versions and the named migrations between them (like tldraw's record
// migrations): a code of any earlier version is decoded with that version's dictionary and then
// migrated step by step to the current payload, so old links keep working.
//
// Byte 0 of every code is its version, forever. To add v2: freeze a new entry here with its
// dictionary, give v1 a `migrate` that turns a v1 payload into a v2 one, bump CURRENT_VERSION and
// SharePayload, and add a test that decodes a frozen v1 code.
import { DICTIONARY_V1 } from './dictionary';
import { checkPayload, type PayloadCheck } from './payload';

/** A named step from one version's payload to the next one's. */
export interface Migration {
  name: string;
  up(payload: Record<string, unknown>): Record<string, unknown>;
}

/** One version of the share code. */
export interface ShareFormat {
  version: number;
  /** The preset DEFLATE dictionary of this version (null: none). */
  dictionary: Uint8Array | null;
  /** How a payload of this version becomes one of the next version (none for the current one). */
  migrate?: Migration;
}

/** The versions a codec reads, and the check of a current-version payload. */
export interface FormatRegistry {
  current: number;
  formats: ReadonlyMap<number, ShareFormat>;
  check(payload: unknown): PayloadCheck;
}

export const CURRENT_VERSION = 1;

/** The formats this build reads and writes. */
export const FORMATS: FormatRegistry = {
  current: CURRENT_VERSION,
  formats: new Map([[1, { version: 1, dictionary: DICTIONARY_V1 }]]),
  check: checkPayload,
};

/**
 * Migrates a decoded payload from `from` to the registry's current version, one named step at a
 * time. Returns null when a step is missing or throws.
 */
export function migrate(
  registry: FormatRegistry,
  from: number,
  payload: Record<string, unknown>,
): { payload: Record<string, unknown>; steps: string[] } | { error: string } {
  let p = payload;
  const steps: string[] = [];
  for (let v = from; v < registry.current; v++) {
    const step = registry.formats.get(v)?.migrate;
    if (!step) return { error: `no migration from v${v}` };
    try {
      p = step.up(p);
    } catch (e) {
      return { error: `${step.name}: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (typeof p !== 'object' || p === null) return { error: `${step.name} returned nothing` };
    steps.push(step.name);
  }
  return { payload: p, steps };
}
