// Goals and their statuses in words, in English or Spanish: a lesson writes goals as data and
// gets a readable checklist for free (a goal's own `label` wins when it has one).
import type { Bounds, Goal, GoalStatus, RequestFilter } from '../../engine/index';
import type { Lang } from '../i18n/i18n';
import { isLessonKey, lt, type LessonParams } from './i18n';

/** "3", "≥ 20", "≤ 0" or "1–3", as the evaluator phrases a count (default: at least one). */
export function wantText(b: Bounds): string {
  if (b.count !== undefined) return String(b.count);
  if (b.min !== undefined && b.max !== undefined) return `${b.min}–${b.max}`;
  if (b.max !== undefined) return `≤ ${b.max}`;
  return `≥ ${b.min ?? 1}`;
}

function filterParams(lang: Lang, f: RequestFilter): LessonParams {
  let to = f.to ? lt(lang, 'q.to', { to: f.to }) : '';
  if (f.generator) to += lt(lang, 'q.via', { generator: f.generator });
  if (f.within) to += lt(lang, 'q.within', { within: f.within });
  return { from: f.from ? lt(lang, 'q.from', { from: f.from }) : '', to };
}

/** What a goal asks for, in words. */
export function describeGoal(goal: Goal, lang: Lang): string {
  const own = goal.label?.[lang] ?? goal.label?.en;
  if (own) return own;
  const g = goal;
  switch (g.type) {
    case 'serviceReadyEndpoints':
      return lt(lang, 'g.serviceReadyEndpoints', { service: g.service, want: wantText(g) });
    case 'requestsOk':
      return lt(lang, 'g.requestsOk', { want: wantText(g), ...filterParams(lang, g) });
    case 'requestsOutcome':
      return lt(lang, 'g.requestsOutcome', {
        want: wantText(g),
        outcome: (Array.isArray(g.outcome) ? g.outcome : [g.outcome]).join(' / '),
        ...filterParams(lang, g),
      });
    case 'backendsHit':
      return lt(lang, 'g.backendsHit', { want: wantText(g), ...filterParams(lang, g) });
    case 'podReplaced':
      return lt(lang, 'g.podReplaced', { selector: g.selector });
    case 'podCount': {
      let q = g.status ? lt(lang, 'q.status', { status: g.status }) : '';
      if (g.ready !== undefined) q += lt(lang, g.ready ? 'q.ready' : 'q.notReady');
      if (g.node) q += lt(lang, 'q.node', { node: g.node });
      if (g.ip) q += lt(lang, 'q.ip', { ip: g.ip });
      const none = g.count === 0 || (g.max === 0 && g.min === undefined);
      return none
        ? lt(lang, 'g.podCount.none', { selector: g.selector, qualifiers: q })
        : lt(lang, 'g.podCount', { want: wantText(g), selector: g.selector, qualifiers: q });
    }
    case 'deploymentRevision':
      return lt(lang, 'g.deploymentRevision', { name: g.name, min: g.min });
    case 'deploymentAvailable':
      return lt(lang, 'g.deploymentAvailable', { name: g.name });
    case 'nodeReady':
      return lt(lang, g.ready ? 'g.nodeReady.true' : 'g.nodeReady.false', { node: g.node });
    case 'ruleCount':
      return lt(lang, 'g.ruleCount', { want: wantText(g) });
    case 'proxySync': {
      const want =
        g.minMs !== undefined && g.maxMs !== undefined
          ? `${g.minMs}–${g.maxMs}`
          : g.minMs !== undefined
            ? `≥ ${g.minMs}`
            : g.maxMs !== undefined
              ? `≤ ${g.maxMs}`
              : '> 0';
      return lt(lang, 'g.proxySync', { want });
    }
    case 'rulesCurrent':
      return lt(lang, 'g.rulesCurrent');
    case 'endpointSliceHas': {
      let q = g.ip ? lt(lang, 'q.ipEndpoint', { ip: g.ip }) : '';
      if (g.pod) q += lt(lang, 'q.pod', { pod: g.pod });
      if (g.ready !== undefined) q += lt(lang, g.ready ? 'q.ready' : 'q.notReady');
      if (g.serving) q += lt(lang, 'q.serving');
      if (g.terminating) q += lt(lang, 'q.terminating');
      return lt(lang, 'g.endpointSliceHas', {
        service: g.service,
        want: wantText(g),
        qualifiers: q,
      });
    }
    case 'dnsResolves': {
      const name = g.from ? `${g.name}${lt(lang, 'q.fromNs', { ns: g.from })}` : g.name;
      if (g.nxdomain) return lt(lang, 'g.dnsResolves.nx', { name });
      const counted = g.count !== undefined || g.min !== undefined || g.max !== undefined;
      const answer = g.answer
        ? lt(lang, 'q.answer', { answer: g.answer })
        : counted
          ? lt(lang, 'q.answerCount', { want: wantText(g) })
          : '';
      return lt(lang, 'g.dnsResolves', { name, answer });
    }
    case 'dnsLookups':
      return lt(lang, 'g.dnsLookups', { want: wantText(g), ...filterParams(lang, g) });
    case 'objectField': {
      const base = { kind: g.kind, name: g.name, path: g.path };
      if (g.equals !== undefined)
        return lt(lang, 'g.objectField', { ...base, value: String(g.equals) });
      return lt(lang, g.exists === false ? 'g.objectField.absent' : 'g.objectField.exists', base);
    }
    case 'commandRun':
      return lt(lang, 'g.commandRun', { pattern: `/${g.pattern}/` });
  }
}

/** What the evaluator saw, in words (empty when it has nothing to add). */
export function describeStatus(status: GoalStatus, lang: Lang): string {
  const key = `s.${status.code}`;
  return isLessonKey(key) ? lt(lang, key, status.params) : '';
}
