// The manifests editor inside the "Manifests" region: Monaco, loaded lazily (a plain text field
// stands in while it loads, or if it cannot), the keyboard hint, the prune option and the list of
// problems from the last apply. The region, its Apply button and kubectl's output belong to the
// layout around it; the text lives in the app store and is kept as a draft (useDraft).
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ComponentType,
  type SyntheticEvent,
} from 'react';
import type { Diagnostic } from '../../engine/index';
import { useAppState } from '../AppContext';
import { useT } from '../i18n/useT';
import type { EditorHandle, MonacoEditorProps } from './MonacoEditor';
import { EditorBoundary, PlainEditor } from './PlainEditor';
import { useDraft } from './useDraft';
import './editor.css';

type MonacoComponent = ComponentType<MonacoEditorProps>;

/**
 * Monaco's component once its chunk is here, else null. The chunk (about 1 MB gzipped, ~0.3 s of
 * parsing here) is fetched only after the cluster's first frame (or a failed start) when the
 * browser has a moment, so it never competes with the worker's start-up and the first pods. The
 * plain field is swapped for Monaco once, when the code is ready — never through a Suspense
 * fallback, which would remount the field under someone's fingers. A chunk that cannot be fetched
 * leaves the plain field, which does everything but highlighting.
 */
function useMonaco(): MonacoComponent | null {
  const [component, setComponent] = useState<MonacoComponent | null>(null);
  const started = useAppState((s) => s.engine.status !== 'loading');
  useEffect(() => {
    if (!started) return;
    let live = true;
    const fetch = () =>
      void import('./MonacoEditor').then(
        (m) => live && setComponent(() => m.default),
        (e: unknown) =>
          console.warn('The code editor could not be fetched; using a plain text field.', e),
      );
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(fetch, { timeout: 600 });
      return () => {
        live = false;
        cancelIdleCallback(id);
      };
    }
    const id = setTimeout(fetch, 50);
    return () => {
      live = false;
      clearTimeout(id);
    };
  }, [started]);
  return component;
}

export interface EditorPanelProps {
  text: string;
  /** Every edit, so the layout's Apply button applies what is on screen. */
  onChange(text: string): void;
  /** The editor's own apply shortcut (Ctrl/Cmd+Enter). */
  onApply(text: string): void;
  /** Problems from the last apply, with 1-based line and column. */
  diagnostics: readonly Diagnostic[];
  /** Accessible name of the text field. */
  label: string;
  /** Where the draft is kept, e.g. `lesson:seed-services`; nothing is stored without one. */
  draftScope?: string;
  /** A dry run against the running cluster, for markers while typing. */
  validate?: (text: string) => Promise<readonly Diagnostic[]>;
  /** The prune option; the checkbox shows only when `onPruneChange` is given. */
  prune?: boolean;
  onPruneChange?(prune: boolean): void;
}

/** Monaco's keys for apply (ours), Format Document and the Tab-trap toggle, per platform. */
function shortcuts(): { apply: string; format: string; tab: string } {
  const platform = navigator.platform || navigator.userAgent;
  if (/Mac|iPhone|iPad/.test(platform))
    return { apply: '⌘+Enter', format: '⇧+⌥+F', tab: 'Ctrl+Shift+M' };
  if (/Linux/.test(platform) && !/Android/.test(navigator.userAgent))
    return { apply: 'Ctrl+Enter', format: 'Ctrl+Shift+I', tab: 'Ctrl+M' };
  return { apply: 'Ctrl+Enter', format: 'Shift+Alt+F', tab: 'Ctrl+M' };
}

/** A model name that is safe in a URI path: `lesson:seed-services` → `lesson-seed-services.yaml`. */
function modelNameFor(scope: string | undefined): string {
  return `${(scope ?? 'manifests').replace(/[^A-Za-z0-9._-]+/g, '-')}.yaml`;
}

export function EditorPanel(props: EditorPanelProps) {
  const { text, onChange, onApply, diagnostics, label, draftScope, validate } = props;
  const t = useT();
  const handle = useRef<EditorHandle | null>(null);
  const openedAt = useRef(performance.now());
  const latestText = useRef(text);
  latestText.current = text;
  const MonacoEditor = useMonaco();
  useDraft(draftScope, text, onChange);

  // Where the caret was in the plain text field, while it has focus: Monaco takes its place
  // when it arrives, and someone already typing keeps typing at the same spot.
  const plainCaret = useRef<number | null>(null);
  const trackCaret = (e: SyntheticEvent) => {
    if (handle.current || !(e.target instanceof HTMLTextAreaElement)) return;
    plainCaret.current = e.type === 'blur' ? null : e.target.selectionStart;
  };
  const onReady = useCallback((h: EditorHandle) => {
    handle.current = h;
    const caret = plainCaret.current;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (caret !== null && lost) {
      const before = latestText.current.slice(0, caret).split('\n');
      h.reveal(before.length, (before.at(-1) ?? '').length + 1);
    }
    // For benchmarks: how long the editor took from the panel's first render to usable.
    performance.measure('kubeplay:editor-ready', { start: openedAt.current });
  }, []);

  const invalid = diagnostics.some((d) => d.severity === 'error');
  const plain = (
    <PlainEditor
      text={text}
      onChange={onChange}
      onApply={onApply}
      label={label}
      invalid={invalid}
    />
  );
  return (
    <div
      className="editor"
      onFocusCapture={trackCaret}
      onBlurCapture={trackCaret}
      onKeyUpCapture={trackCaret}
      onSelectCapture={trackCaret}
      onMouseUpCapture={trackCaret}
    >
      <EditorBoundary fallback={plain}>
        {MonacoEditor === null ? (
          plain
        ) : (
          <MonacoEditor
            text={text}
            onChange={onChange}
            onApply={onApply}
            diagnostics={diagnostics}
            {...(validate ? { validate } : {})}
            label={label}
            applyLabel={t('editor.applyAction')}
            modelName={modelNameFor(draftScope)}
            onReady={onReady}
          />
        )}
      </EditorBoundary>
      <div className="editor__bar">
        <p className="editor__hint">{t('editor.keys', shortcuts())}</p>
        <button
          type="button"
          className="btn editor__format"
          onClick={() => handle.current?.format()}
          title={t('editor.formatHint')}
        >
          {t('editor.format')}
        </button>
        {props.onPruneChange && (
          <label className="editor__prune">
            <input
              type="checkbox"
              checked={props.prune ?? false}
              onChange={(e) => props.onPruneChange?.(e.target.checked)}
            />
            {t('editor.prune')}
          </label>
        )}
      </div>
      {diagnostics.length > 0 && (
        <ul className="editor__diagnostics" aria-label={t('editor.problems')}>
          {diagnostics.map((d, i) => (
            <li key={i} className={`diagnostic diagnostic--${d.severity}`}>
              <button
                type="button"
                className="diagnostic__jump"
                onClick={() => handle.current?.reveal(d.line, d.column)}
              >
                {t('manifests.diagnostic', { line: d.line, column: d.column, message: d.message })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
