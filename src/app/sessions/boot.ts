// Decides what a page opens with, before anything runs: a shared link (`#s=`), the session kept
// for this page, or the lesson from the start; which autosave slot the page writes to; and what
// the user must be told. Pure, so every path is unit-tested.
//
// Rules: a link opens as its own session (its own slot, restored only on reload) and never touches
// the lesson's saved work; a bad link opens the default lesson with a translated alert and saves
// nothing; in `?embed=1` nothing is read from or written to storage. Options given in the URL
// (?lang, ?view, ?speed, ?autoplay) win over those stored in a link or a session.
import type { LoadOptions } from '../../worker/client';
import { isLang, type MessageKey, type Params } from '../i18n/i18n';
import { scenarioInfo } from '../lessons/catalog';
import { decodeShare, type ShareErrorCode } from '../share/codec';
import { linkScope, readShareCode } from '../share/link';
import type { SharePayload } from '../share/payload';
import type { LessonState, UiState } from '../stores/appStore';
import { KEYS, readSession, type KeyValueStorage, type StoredSession } from './storage';

export interface BootInput {
  /** `location.search` and `location.hash`. */
  search: string;
  hash: string;
  /** How the page was reached (PerformanceNavigationTiming.type): 'navigate', 'reload', … */
  navigation: string;
  embed: boolean;
  /** The lesson `?lesson=` names (or the first one). */
  lesson: LessonState;
  storage: KeyValueStorage | null;
}

export type UiPatch = Partial<Pick<UiState, 'view' | 'speed' | 'playing' | 'lang'>>;

export interface BootPlan {
  lesson: LessonState;
  /** The editor's text; null for the lesson's own manifests. */
  editorText: string | null;
  load: LoadOptions;
  ui: UiPatch;
  /** The autosave slot; null: keep nothing. */
  scope: string | null;
  source: 'lesson' | 'restored' | 'link';
  alerts: { key: MessageKey; params?: Params }[];
}

/** The alert for a link that cannot be opened. */
export const LINK_ERROR_KEYS: Record<ShareErrorCode, MessageKey> = {
  truncated: 'link.truncated',
  corrupted: 'link.corrupted',
  oversized: 'link.oversized',
  newerVersion: 'link.newerVersion',
  invalidPayload: 'link.invalidPayload',
};

/** The text the editor shows for a payload: the last applied manifests, else the scenario's. */
export async function editorTextFor(payload: SharePayload): Promise<string> {
  for (let i = payload.log.length - 1; i >= 0; i--) {
    const e = payload.log[i];
    if (e && 'apply' in e) return e.apply;
  }
  return (await scenarioInfo(payload.scenario)).manifests;
}

/** The view a payload asks for, minus what the URL sets explicitly. */
export function uiFromPayload(payload: SharePayload, search: string, withLang: boolean): UiPatch {
  const q = new URLSearchParams(search);
  const ui: UiPatch = {};
  if (!q.has('view')) ui.view = payload.view.mode;
  if (!q.has('speed')) ui.speed = payload.view.speed;
  if (!q.has('autoplay')) ui.playing = payload.view.playing;
  if (withLang && payload.lang && !isLang(q.get('lang'))) ui.lang = payload.lang;
  return ui;
}

/** A link's payload as the lesson the page shows. */
export async function lessonFromPayload(payload: SharePayload, id: string): Promise<LessonState> {
  return { id, title: (await scenarioInfo(payload.scenario)).title, scenario: payload.scenario };
}

function fromSession(
  s: StoredSession,
  search: string,
  scope: string,
  source: 'restored',
): BootPlan {
  return {
    lesson: { ...s.lesson, scenario: s.payload.scenario },
    editorText: s.editor,
    load: { log: s.payload.log, at: s.payload.at },
    ui: uiFromPayload(s.payload, search, false),
    scope,
    source,
    alerts: [],
  };
}

/** A kept session with no work in it. */
export async function pristine(s: StoredSession): Promise<boolean> {
  if (s.payload.log.length > 0) return false;
  return s.editor === (await scenarioInfo(s.payload.scenario)).manifests;
}

export async function planBoot(input: BootInput): Promise<BootPlan> {
  const { search, lesson, embed } = input;
  const storage = embed ? null : input.storage;
  const fresh = (scope: string | null, alerts: BootPlan['alerts']): BootPlan => ({
    lesson,
    editorText: null,
    load: {},
    ui: {},
    scope,
    source: 'lesson',
    alerts,
  });
  const restorable = async (scope: string) => {
    const r = readSession(storage, KEYS.session(scope));
    // Nothing done yet (no command, the editor as the scenario has it): open the lesson as it is
    // now, which may be newer than the copy kept.
    if (r.ok && (await pristine(r.value))) return { session: null, alert: null };
    if (r.ok) return { session: r.value, alert: null };
    return {
      session: null,
      alert: r.reason === 'missing' ? null : ('sessions.corrupted' as const),
    };
  };

  const code = readShareCode(input.hash);
  if (code !== null) {
    const decoded = decodeShare(code);
    if (!decoded.ok) return fresh(null, [{ key: LINK_ERROR_KEYS[decoded.error.code] }]);
    const scope = embed ? null : linkScope(code);
    if (scope && (input.navigation === 'reload' || input.navigation === 'back_forward')) {
      const kept = await restorable(scope);
      if (kept.session) return fromSession(kept.session, search, scope, 'restored');
    }
    const payload = decoded.payload;
    let lesson: LessonState, editorText: string;
    try {
      [lesson, editorText] = await Promise.all([
        lessonFromPayload(payload, 'link'),
        editorTextFor(payload),
      ]);
    } catch (e) {
      // The scenario parser could not be fetched: the lesson opens instead, and says why.
      return fresh(null, [{ key: 'link.loadFailed', params: { message: errorText(e) } }]);
    }
    return {
      lesson,
      editorText,
      load: { log: payload.log, at: payload.at },
      ui: uiFromPayload(payload, search, true),
      scope,
      source: 'link',
      alerts: [],
    };
  }

  if (embed) return fresh(null, []);
  const scope = `lesson:${lesson.id}`;
  const kept = await restorable(scope);
  if (kept.session) return fromSession(kept.session, search, scope, 'restored');
  return fresh(scope, kept.alert ? [{ key: kept.alert }] : []);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
