// The embed API's messages (DESIGN.md §5), checked field by field: a page that embeds kubeplay in
// an iframe drives it with these, and hears back ready, events and errors. Pure.
import type { ClusterEvent } from '../../engine/index';

/** Limits on what a parent page may send. */
export const EMBED_LIMITS = { scenarioChars: 1_000_000, commandChars: 2_000 } as const;

/** Messages the embedded app accepts from its parent page. */
export type InboundMessage =
  | { type: 'kubeplay:load'; scenario: string }
  | { type: 'kubeplay:command'; command: string }
  | { type: 'kubeplay:play' }
  | { type: 'kubeplay:pause' };

/** An event as the CLI reports it: `{t, type, reason, object, message}`. */
export type EmbedEvent = Pick<ClusterEvent, 't' | 'type' | 'reason' | 'object' | 'message'>;

/** Messages the embedded app posts to its parent page. */
export type OutboundMessage =
  | { type: 'kubeplay:ready' }
  | { type: 'kubeplay:event'; event: EmbedEvent }
  | { type: 'kubeplay:error'; message: string };

const OUTBOUND = new Set(['kubeplay:ready', 'kubeplay:event', 'kubeplay:error']);

export type ParsedInbound = { ok: true; message: InboundMessage } | { ok: false; error: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a message from the parent. Null when it is not meant for kubeplay (no `kubeplay:` type,
 * or one of kubeplay's own outbound messages echoed back), so other scripts' messages are ignored.
 */
export function parseInbound(data: unknown): ParsedInbound | null {
  if (!isRecord(data) || typeof data.type !== 'string' || !data.type.startsWith('kubeplay:'))
    return null;
  if (OUTBOUND.has(data.type)) return null;
  const fields = Object.keys(data).filter((k) => k !== 'type');
  const bad = (error: string): ParsedInbound => ({ ok: false, error: `${data.type}: ${error}` });
  const only = (allowed: string[]): string | null =>
    fields.find((f) => !allowed.includes(f)) ?? null;
  switch (data.type) {
    case 'kubeplay:play':
    case 'kubeplay:pause': {
      const extra = only([]);
      if (extra) return bad(`unexpected field "${extra}"`);
      return { ok: true, message: { type: data.type } };
    }
    case 'kubeplay:load': {
      const extra = only(['scenario']);
      if (extra) return bad(`unexpected field "${extra}"`);
      if (typeof data.scenario !== 'string' || data.scenario.trim() === '')
        return bad('"scenario" must be the scenario YAML as a string');
      if (data.scenario.length > EMBED_LIMITS.scenarioChars)
        return bad(`the scenario is longer than ${EMBED_LIMITS.scenarioChars} characters`);
      return { ok: true, message: { type: 'kubeplay:load', scenario: data.scenario } };
    }
    case 'kubeplay:command': {
      const extra = only(['command']);
      if (extra) return bad(`unexpected field "${extra}"`);
      const c = data.command;
      if (typeof c !== 'string')
        return bad('"command" must be a string such as "kubectl get pods"');
      if (c.length > EMBED_LIMITS.commandChars)
        return bad(`the command is longer than ${EMBED_LIMITS.commandChars} characters`);
      if (/[\r\n]/.test(c)) return bad('one command per message, on one line');
      if (!/^\s*(kubectl|chaos)(\s|$)/.test(c)) return bad('commands start with kubectl or chaos');
      return { ok: true, message: { type: 'kubeplay:command', command: c.trim() } };
    }
    default:
      return bad('unknown message type');
  }
}

/** The CLI's view of a cluster event. */
export function toEmbedEvent(e: ClusterEvent): EmbedEvent {
  return { t: e.t, type: e.type, reason: e.reason, object: e.object, message: e.message };
}
