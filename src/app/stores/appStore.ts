// The app's state: one zustand store per app instance (two embeds on a page never share one).
// Slices: `engine` (read-only mirror, written only by the runner from frames), `lesson`, `editor`,
// `ui` and `alerts`. Plain setters for UI-owned state live here; engine commands live in the
// runner (runtime/runner.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApplyResult, Diagnostic } from '../../engine/index';
import type { Lang } from '../i18n/i18n';
import type { MessageKey, Params } from '../i18n/i18n';
import type { ViewMode } from '../url';
import { emptyMirror, type EngineMirror } from './mirror';

export interface LessonState {
  id: string;
  title: Partial<Record<Lang, string>>;
  /** The scenario YAML the lesson opens with (and Reset reloads). */
  scenario: string;
}

export interface EditorState {
  text: string;
  diagnostics: Diagnostic[];
  applying: boolean;
  lastApply: Pick<ApplyResult, 'ok' | 'output' | 'errorText'> | null;
  /** Apply with `--prune`: delete objects applied before that the text no longer lists. */
  prune: boolean;
}

/** What the inspector shows besides a pod (a pod is `selectedPod`). */
export type InspectTarget =
  | { kind: 'service'; name: string; namespace: string }
  | { kind: 'node'; name: string }
  | { kind: 'packet'; id: number }
  | { kind: 'object'; objectKind: string; name: string; namespace: string };

export interface UiState {
  selectedPod: string | null;
  /** The inspector's subject when it is not a pod; at most one of the two is set. */
  inspect?: InspectTarget | null;
  /** Large text for projectors (`?projector=1`). */
  projector?: boolean;
  /** Colour theme: the system's (prefers-color-scheme) or a chosen one. */
  theme?: 'system' | 'light' | 'dark';
  /** Motion: the system's preference (prefers-reduced-motion), or reduced whatever it says. */
  motion?: 'system' | 'reduced';
  /** Packets are drawn as DOM elements, or on a canvas layer (many pods or packets). */
  packetSurface?: 'dom' | 'canvas';
  speed: number;
  playing: boolean;
  view: ViewMode;
  lang: Lang;
  embed: boolean;
  /** The Manifests column is open (it folds into a narrow rail to give the canvas room). */
  editorOpen: boolean;
  /** `?embed=1&editor=1`: the embedded app shows the Manifests column too. */
  embedEditor?: boolean;
}

/** A problem the user must read (announced with role=alert), as a message key or raw text. */
export interface AppAlert {
  id: number;
  key: MessageKey;
  params: Params;
}

export interface AppState {
  engine: EngineMirror;
  lesson: LessonState;
  editor: EditorState;
  ui: UiState;
  alerts: AppAlert[];
}

export type AppStore = StoreApi<AppState>;

export interface AppInit {
  lesson: LessonState;
  manifests: string;
  ui: UiState;
}

/** A fresh store for one app instance. */
export function createAppStore(init: AppInit): AppStore {
  return createStore<AppState>()(() => ({
    engine: emptyMirror(),
    lesson: init.lesson,
    editor: {
      text: init.manifests,
      diagnostics: [],
      applying: false,
      lastApply: null,
      prune: false,
    },
    ui: init.ui,
    alerts: [],
  }));
}

// UI-owned setters (the engine mirror is never written here).

export function patchUi(store: AppStore, patch: Partial<UiState>): void {
  store.setState((s) => ({ ui: { ...s.ui, ...patch } }));
}

/** Opens the inspector on a pod (by name) or anything else; null closes it. */
export function inspect(
  store: AppStore,
  target: InspectTarget | { kind: 'pod'; name: string } | null,
): void {
  if (target?.kind === 'pod') patchUi(store, { selectedPod: target.name, inspect: null });
  else patchUi(store, { selectedPod: null, inspect: target });
}

export function patchEditor(store: AppStore, patch: Partial<EditorState>): void {
  store.setState((s) => ({ editor: { ...s.editor, ...patch } }));
}

let alertSeq = 0;

export function pushAlert(store: AppStore, key: MessageKey, params: Params = {}): void {
  const alert = { id: ++alertSeq, key, params };
  store.setState((s) => ({ alerts: [...s.alerts.slice(-4), alert] }));
}

export function dismissAlert(store: AppStore, id: number): void {
  store.setState((s) => ({ alerts: s.alerts.filter((a) => a.id !== id) }));
}
