// The Monaco editor for the manifests (lazy-loaded by EditorPanel): one YAML model per draft scope,
// kept in step with the store's text; Ctrl/Cmd+Enter applies; the API server's problems become
// markers, from the last apply and from a debounced dry run while typing. Owns no state of its own
// beyond Monaco's (undo history lives in the model) and never talks to the engine directly.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Diagnostic } from '../../engine/index';
import { liveDiagnostics, toMarkers } from './markers';
import { MODEL_PATH_PREFIX, monaco, setUpMonaco } from './monacoSetup';
import { installTestHook } from './testHook';

/** What the panel around the editor can ask of it. */
export interface EditorHandle {
  /** Moves the cursor to a 1-based position, scrolls it into view and focuses the editor. */
  reveal(line: number, column: number): void;
  format(): void;
}

export interface MonacoEditorProps {
  text: string;
  onChange(text: string): void;
  onApply(text: string): void;
  /** Problems from the last apply (kubectl's and the API server's words). */
  diagnostics: readonly Diagnostic[];
  /** A dry run of the text against the running cluster, for markers while typing. */
  validate?: (text: string) => Promise<readonly Diagnostic[]>;
  /** Accessible name of the text field. */
  label: string;
  /** Name of the Apply action in Monaco's command palette (F1). */
  applyLabel: string;
  /** The model's file name, e.g. `lesson-seed-services.yaml` (one undo history per name). */
  modelName: string;
  onReady?(handle: EditorHandle): void;
}

/** Marker owner for the engine's diagnostics (monaco-yaml's own markers have another owner). */
const API_OWNER = 'kube-apiserver';
const VALIDATE_DELAY_MS = 450;

export default function MonacoEditor(props: MonacoEditorProps) {
  const { text, diagnostics, label, modelName } = props;
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  /** The text this editor last reported, so the store's echo of it is not written back. */
  const emitted = useRef(text);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    setUpMonaco();
    const uri = monaco.Uri.parse(MODEL_PATH_PREFIX + modelName);
    const model =
      monaco.editor.getModel(uri) ?? monaco.editor.createModel(latest.current.text, 'yaml', uri);
    if (model.getValue() !== latest.current.text) model.setValue(latest.current.text);
    emitted.current = model.getValue();
    const editor = monaco.editor.create(el, {
      model,
      ariaLabel: latest.current.label,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      renderLineHighlight: 'line',
      // Hovers and suggestions may reach past the Manifests column.
      fixedOverflowWidgets: true,
      quickSuggestions: { other: true, comments: false, strings: true },
      accessibilitySupport: 'auto',
    });
    editorRef.current = editor;

    let timer: ReturnType<typeof setTimeout> | null = null;
    const runValidate = () => {
      const validate = latest.current.validate;
      if (!validate || model.isDisposed()) return;
      const version = model.getVersionId();
      validate(model.getValue()).then(
        (found) => {
          if (model.isDisposed() || model.getVersionId() !== version) return;
          monaco.editor.setModelMarkers(model, API_OWNER, toMarkers(liveDiagnostics(found), model));
        },
        () => undefined,
      );
    };
    const scheduleValidate = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(runValidate, VALIDATE_DELAY_MS);
    };
    const changes = model.onDidChangeContent(() => {
      scheduleValidate();
      const value = model.getValue();
      if (value === emitted.current) return;
      emitted.current = value;
      latest.current.onChange(value);
    });
    editor.addAction({
      id: 'kubeplay.apply',
      label: latest.current.applyLabel,
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => latest.current.onApply(model.getValue()),
    });
    const handle: EditorHandle = {
      reveal(line, column) {
        editor.setPosition({ lineNumber: line, column });
        editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
        editor.focus();
      },
      format() {
        void editor.getAction('editor.action.formatDocument')?.run();
      },
    };
    const removeHook = installTestHook(editor, model);
    scheduleValidate();
    latest.current.onReady?.(handle);
    return () => {
      if (timer !== null) clearTimeout(timer);
      removeHook();
      changes.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, [modelName]);

  // The store changed the text (Reset, a restored draft): replace it as one undoable edit.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || text === emitted.current || text === model.getValue()) return;
    emitted.current = text;
    editor.pushUndoStop();
    editor.executeEdits('kubeplay', [{ range: model.getFullModelRange(), text }]);
    editor.pushUndoStop();
  }, [text]);

  // A new apply result: its problems replace the markers of the last dry run.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelMarkers(model, API_OWNER, toMarkers(diagnostics, model));
  }, [diagnostics]);

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: label });
  }, [label]);

  return <div ref={host} className="editor__monaco" data-testid="manifests-editor" />;
}
