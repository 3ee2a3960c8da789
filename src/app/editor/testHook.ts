// A handle on the editor for end-to-end tests, installed only when the page runs with `?test=1`:
// `window.__kubeplayEditor` sets and reads the text through the model (typing multi-line YAML into
// Monaco gets auto-indented) and lists the markers. Nothing in the app reads it.
import type * as Monaco from 'monaco-editor/editor';
import { monaco } from './monacoSetup';

/** A marker as tests see it. */
export interface TestMarker {
  owner: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  line: number;
  column: number;
}

/** What `window.__kubeplayEditor` offers. */
export interface EditorTestHook {
  getValue(): string;
  /** Replaces the whole text as one undoable edit, as a paste would. */
  setValue(text: string): void;
  markers(): TestMarker[];
  focus(): void;
}

declare global {
  interface Window {
    __kubeplayEditor?: EditorTestHook;
  }
}

function severityName(s: Monaco.MarkerSeverity): TestMarker['severity'] {
  if (s === monaco.MarkerSeverity.Error) return 'error';
  if (s === monaco.MarkerSeverity.Warning) return 'warning';
  return s === monaco.MarkerSeverity.Info ? 'info' : 'hint';
}

/** Installs the hook when `?test=1`; returns its removal. */
export function installTestHook(
  editor: Monaco.editor.IStandaloneCodeEditor,
  model: Monaco.editor.ITextModel,
): () => void {
  if (new URLSearchParams(window.location.search).get('test') !== '1') return () => undefined;
  const hook: EditorTestHook = {
    getValue: () => model.getValue(),
    setValue(text) {
      editor.pushUndoStop();
      editor.executeEdits('test', [{ range: model.getFullModelRange(), text }]);
      editor.pushUndoStop();
    },
    markers: () =>
      monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
        owner: m.owner,
        severity: severityName(m.severity),
        message: m.message,
        line: m.startLineNumber,
        column: m.startColumn,
      })),
    focus: () => editor.focus(),
  };
  window.__kubeplayEditor = hook;
  return () => {
    if (window.__kubeplayEditor === hook) delete window.__kubeplayEditor;
  };
}
