// The page's session: what is running (scenario + command log + time + view), kept in local
// storage as it changes (debounced, only while the page has an autosave slot), saved under names
// on request, and replaced by a link, a saved scenario or an imported file. Talks to the engine
// only through the runner; pushes the alerts the user must read into the app store.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { scenarioInfo } from '../lessons/catalog';
import type { EngineRunner } from '../runtime/runner';
import type { OpenRequest } from '../runtime/session';
import { decodeShare } from '../share/codec';
import { linkScope } from '../share/link';
import type { SharePayload } from '../share/payload';
import { pushAlert, type AppStore, type LessonState } from '../stores/appStore';
import { editorTextFor, lessonFromPayload, LINK_ERROR_KEYS, uiFromPayload } from './boot';
import {
  deleteSaved,
  KEYS,
  listSaved,
  readSaved,
  saveNamed,
  touchLinkScope,
  writeSession,
  type KeyValueStorage,
  type SavedEntry,
  type StoredSession,
  type WriteResult,
} from './storage';

/** Autosave delay after a command or a change of view (ms). */
export const AUTOSAVE_SOON_MS = 200;
/** Autosave delay while only the clock moves (ms). */
export const AUTOSAVE_IDLE_MS = 2_000;

export interface SessionsState {
  saved: SavedEntry[];
  /** The autosave slot: `lesson:<id>`, `link:<hash>`, or null (embed, bad link: keep nothing). */
  scope: string | null;
  /** Storage works in this browser. */
  available: boolean;
}

/**
 * Opening a session: `message` is the engine's text when the scenario did not start, or null with
 * `reason` when a saved record could not be read.
 */
export type OpenResult =
  { ok: true } | { ok: false; message: string; reason?: 'missing' | 'corrupted' | 'newerVersion' };

export interface SessionDeps {
  store: AppStore;
  runner: EngineRunner;
  storage: KeyValueStorage | null;
  scope: string | null;
  /** The lesson a bad link falls back to. */
  defaultLesson: LessonState;
  now?: () => number;
}

/** One page's session keeper. */
export class SessionController {
  readonly state: StoreApi<SessionsState>;
  private readonly store: AppStore;
  private readonly runner: EngineRunner;
  private readonly storage: KeyValueStorage | null;
  private readonly defaultLesson: LessonState;
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private due = Infinity;
  private saving = false;
  private warned = false;

  constructor(deps: SessionDeps) {
    this.store = deps.store;
    this.runner = deps.runner;
    this.storage = deps.storage;
    this.defaultLesson = deps.defaultLesson;
    this.now = deps.now ?? (() => Date.now());
    const listed = listSaved(this.storage);
    const told = this.store.getState().alerts.some((a) => a.key === 'sessions.corrupted');
    if (listed.corrupted && !told) pushAlert(this.store, 'sessions.corrupted');
    this.state = createStore<SessionsState>()(() => ({
      saved: listed.items,
      scope: deps.scope,
      available: this.storage !== null,
    }));
  }

  get scope(): string | null {
    return this.state.getState().scope;
  }

  /** Starts autosaving; returns the function that stops it. */
  start(): () => void {
    const offFrames = this.runner.onFrame((_frame, cause) =>
      this.schedule(cause === 'tick' ? AUTOSAVE_IDLE_MS : AUTOSAVE_SOON_MS),
    );
    const offUi = this.store.subscribe((s, prev) => {
      if (
        s.ui.playing !== prev.ui.playing ||
        s.ui.speed !== prev.ui.speed ||
        s.ui.view !== prev.ui.view
      )
        this.schedule(AUTOSAVE_SOON_MS);
    });
    const onHide = () => {
      if (document.visibilityState === 'hidden') void this.autosave();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      offFrames();
      offUi();
      document.removeEventListener('visibilitychange', onHide);
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
    };
  }

  /** What is running now, as a session; null while nothing runs. */
  async capture(): Promise<StoredSession | null> {
    const snap = await this.runner.snapshot();
    if (!snap) return null;
    const s = this.store.getState();
    const payload: SharePayload = {
      v: 1,
      scenario: s.lesson.scenario,
      log: snap.log,
      at: snap.at,
      view: { mode: s.ui.view, speed: s.ui.speed, playing: s.ui.playing },
      lang: s.ui.lang,
    };
    return {
      payload,
      lesson: { id: s.lesson.id, title: s.lesson.title },
      editor: s.editor.text,
      savedAt: this.now(),
    };
  }

  private schedule(delay: number): void {
    if (this.scope === null || this.storage === null) return;
    const at = this.now() + delay;
    if (this.timer !== null && this.due <= at) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.due = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.due = Infinity;
      void this.autosave();
    }, delay);
  }

  /** Writes the running session to the page's slot now. */
  async autosave(): Promise<WriteResult | null> {
    const scope = this.scope;
    if (scope === null || this.storage === null) return null;
    if (this.saving) {
      this.schedule(AUTOSAVE_SOON_MS);
      return null;
    }
    this.saving = true;
    try {
      const session = await this.capture();
      if (!session || this.scope !== scope) return null;
      const result = writeSession(this.storage, KEYS.session(scope), session);
      if (result === 'ok' && scope.startsWith('link:'))
        touchLinkScope(this.storage, scope, session.savedAt);
      if ((result === 'tooBig' || result === 'full') && !this.warned) {
        this.warned = true;
        pushAlert(this.store, result === 'tooBig' ? 'sessions.tooBig' : 'sessions.full');
      }
      return result;
    } finally {
      this.saving = false;
    }
  }

  // ---- named saved scenarios -------------------------------------------------------------------

  private refresh(): void {
    this.state.setState({ saved: listSaved(this.storage).items });
  }

  /** Saves what is running under `name` (the same name replaces). */
  async saveAs(name: string): Promise<{ result: WriteResult | 'notRunning'; replaced: boolean }> {
    const session = await this.capture();
    if (!session) return { result: 'notRunning', replaced: false };
    const r = saveNamed(this.storage, name, session);
    this.refresh();
    return { result: r.result, replaced: r.replaced };
  }

  /** Opens a saved scenario in place of the running one (the page's slot keeps autosaving). */
  async openSaved(id: string): Promise<OpenResult> {
    const r = readSaved(this.storage, id);
    if (!r.ok) {
      this.refresh();
      return { ok: false, message: '', reason: r.reason };
    }
    return this.openSession(r.value);
  }

  deleteSaved(id: string): void {
    deleteSaved(this.storage, id);
    this.refresh();
  }

  /**
   * Opens a stored session (saved scenario) as the user's own scenario, not as the lesson it came
   * from: the lesson panel would take a cluster with a history it does not know for a stale step
   * and start the step afresh, undoing what was saved.
   */
  openSession(s: StoredSession): Promise<OpenResult> {
    const id = s.lesson.id.startsWith('saved:') ? s.lesson.id : `saved:${s.lesson.id}`;
    return this.runner.open({
      lesson: { ...s.lesson, id, scenario: s.payload.scenario },
      load: { log: s.payload.log, at: s.payload.at },
      editorText: s.editor,
      ui: uiFromPayload(s.payload, '', false),
    });
  }

  // ---- files and links -------------------------------------------------------------------------

  /** Opens a scenario file; the running cluster is untouched when it is not a valid scenario. */
  async importScenario(text: string, fileName: string): Promise<OpenResult> {
    let info: Awaited<ReturnType<typeof scenarioInfo>>;
    try {
      info = await scenarioInfo(text);
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    const id = `file:${info.name || fileName}`;
    return this.runner.open({ lesson: { id, title: info.title, scenario: text }, load: {} });
  }

  /**
   * Opens the share code of a link followed in this page (a hash change): as its own session,
   * with its own slot. A bad link, or one whose scenario does not start, opens the default lesson
   * with an alert and keeps nothing, so saved work is never touched.
   */
  async openLink(code: string, search: string): Promise<OpenResult> {
    const decoded = decodeShare(code);
    if (!decoded.ok) {
      pushAlert(this.store, LINK_ERROR_KEYS[decoded.error.code]);
      await this.openDefault();
      return { ok: false, message: decoded.error.detail };
    }
    const p = decoded.payload;
    let req: OpenRequest;
    try {
      req = {
        lesson: await lessonFromPayload(p, 'link'),
        load: { log: p.log, at: p.at },
        editorText: await editorTextFor(p),
        ui: uiFromPayload(p, search, true),
      };
    } catch (e) {
      // The scenario parser could not be fetched: the running cluster stays, and says why.
      const message = e instanceof Error ? e.message : String(e);
      pushAlert(this.store, 'link.loadFailed', { message });
      return { ok: false, message };
    }
    this.setScope(null);
    const r = await this.runner.open(req);
    if (!r.ok) {
      pushAlert(this.store, 'link.loadFailed', { message: r.message });
      await this.openDefault();
      return r;
    }
    this.setScope(this.storage ? linkScope(code) : null);
    return r;
  }

  /**
   * The default lesson from its start. After a bad link nothing is kept (`keepScope` false), so
   * saved work is never touched; after a kept session that no longer opens, the page's slot goes
   * on with the lesson.
   */
  async openDefault(keepScope = false): Promise<void> {
    if (!keepScope) this.setScope(null);
    await this.runner.open({ lesson: this.defaultLesson, load: {} });
  }

  private setScope(scope: string | null): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.due = Infinity;
    this.state.setState({ scope });
  }
}
