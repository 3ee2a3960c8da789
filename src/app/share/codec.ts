// The share codec: a pure encode/decode pair between a SharePayload and the text after `#s=`.
// Code = base64url( [version: 1 byte][CRC-32 of the JSON: 4 bytes][raw DEFLATE of the JSON] ),
// compressed with the version's preset dictionary. Decoding never throws and never trusts its
// input: the text length and the inflated size are capped (a zip bomb stops early), the checksum
// catches damage, older versions are migrated, and the result is checked field by field. Errors
// are codes the UI translates.
import { deflateSync } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url';
import { crc32 } from './crc32';
import { FORMATS, migrate, type FormatRegistry } from './formats';
import { inflateCapped } from './inflateCapped';
import { applyEntry, type SharePayload } from './payload';

/** The `prune` flag of a logged apply (the field is optional and newer than the log type). */
const pruned = (e: object): boolean => (e as { prune?: unknown }).prune === true;

/** Why a code could not be opened. */
export type ShareErrorCode =
  'truncated' | 'corrupted' | 'oversized' | 'newerVersion' | 'invalidPayload';

export interface ShareError {
  code: ShareErrorCode;
  /** For logs and tests, never shown as the message itself. */
  detail: string;
}

export type DecodeResult =
  | {
      ok: true;
      payload: SharePayload;
      /** The version the code was written in. */
      version: number;
      /** Names of the migrations applied (empty for a current code). */
      migrations: string[];
    }
  | { ok: false; error: ShareError };

/** How much a decoder accepts. */
export interface CodecLimits {
  /** Longest code text (compressed, base64url). */
  maxCodeChars: number;
  /** Largest inflated JSON in bytes. */
  maxJsonBytes: number;
}

/** Limits for codes in links: far above what the UI offers as a link (LINK_TOO_LONG). */
export const LINK_LIMITS: CodecLimits = { maxCodeChars: 32_768, maxJsonBytes: 1 << 20 };

const HEADER_BYTES = 5;
const encoder = new TextEncoder();

/** The code for a payload (current format). Key order is fixed, so equal payloads give equal codes. */
export function encodeShare(payload: SharePayload, registry: FormatRegistry = FORMATS): string {
  const format = registry.formats.get(registry.current);
  if (!format) throw new Error(`no format v${registry.current}`);
  const ordered: Record<string, unknown> = {
    v: payload.v,
    scenario: payload.scenario,
    log: payload.log.map((e) =>
      'run' in e ? { at: e.at, run: e.run } : applyEntry(e.at, e.apply, pruned(e)),
    ),
    at: payload.at,
    view: { mode: payload.view.mode, speed: payload.view.speed, playing: payload.view.playing },
  };
  if (payload.lang !== undefined) ordered.lang = payload.lang;
  return encodeRaw(JSON.stringify(ordered), format.version, format.dictionary);
}

/** Low level: packs JSON text as a code of `version` (tests use it to forge old and bad codes). */
export function encodeRaw(json: string, version: number, dictionary: Uint8Array | null): string {
  const bytes = encoder.encode(json);
  const body = deflateSync(bytes, dictionary ? { level: 9, dictionary } : { level: 9 });
  const out = new Uint8Array(HEADER_BYTES + body.length);
  const crc = crc32(bytes);
  out[0] = version;
  out[1] = crc >>> 24;
  out[2] = (crc >>> 16) & 0xff;
  out[3] = (crc >>> 8) & 0xff;
  out[4] = crc & 0xff;
  out.set(body, HEADER_BYTES);
  return toBase64Url(out);
}

/** The payload in a code, or a typed error. Never throws. */
export function decodeShare(
  code: string,
  limits: CodecLimits = LINK_LIMITS,
  registry: FormatRegistry = FORMATS,
): DecodeResult {
  const fail = (c: ShareErrorCode, detail: string): DecodeResult => ({
    ok: false,
    error: { code: c, detail },
  });
  if (typeof code !== 'string') return fail('corrupted', 'not text');
  if (code.length > limits.maxCodeChars)
    return fail('oversized', `${code.length} characters, limit ${limits.maxCodeChars}`);
  const raw = fromBase64Url(code);
  if (!raw.ok)
    return raw.reason === 'badLength'
      ? fail('truncated', 'impossible base64url length')
      : fail('corrupted', 'a character outside base64url');
  const bytes = raw.bytes;
  if (bytes.length === 0) return fail('truncated', 'empty');
  const version = bytes[0] ?? 0;
  if (version > registry.current)
    return fail('newerVersion', `v${version}; this build reads up to v${registry.current}`);
  const format = registry.formats.get(version);
  if (!format) return fail('corrupted', `unknown version ${version}`);
  if (bytes.length <= HEADER_BYTES) return fail('truncated', 'no data after the header');
  const expected =
    (((bytes[1] ?? 0) << 24) |
      ((bytes[2] ?? 0) << 16) |
      ((bytes[3] ?? 0) << 8) |
      (bytes[4] ?? 0)) >>>
    0;
  const inflated = inflateCapped(
    bytes.subarray(HEADER_BYTES),
    limits.maxJsonBytes,
    format.dictionary ?? undefined,
  );
  if (!inflated.ok)
    return fail(
      inflated.reason,
      inflated.reason === 'oversized'
        ? `inflates past ${limits.maxJsonBytes} bytes`
        : 'bad DEFLATE data',
    );
  if (crc32(inflated.bytes) !== expected) return fail('corrupted', 'checksum mismatch');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
  } catch {
    return fail('invalidPayload', 'not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail('invalidPayload', 'not an object');
  const obj = json as Record<string, unknown>;
  if (obj.v !== version)
    return fail('invalidPayload', `header says v${version}, payload ${String(obj.v)}`);
  const migrated = migrate(registry, version, obj);
  if ('error' in migrated) return fail('invalidPayload', migrated.error);
  const checked = registry.check(migrated.payload);
  if (!checked.ok) return fail('invalidPayload', checked.problem);
  return { ok: true, payload: checked.payload, version, migrations: migrated.steps };
}
