// Placeholder manifests editor: a plain textarea until the Monaco editor replaces this file. It
// only edits text (the "Manifests" region and its Apply button belong to the layout around it).
// Ctrl+Enter / Cmd+Enter applies, as in the Monaco version.
import type { KeyboardEvent } from 'react';
import type { Diagnostic } from '../../engine/index';

export interface EditorPanelProps {
  text: string;
  /** Every edit, so the layout's Apply button applies what is on screen. */
  onChange(text: string): void;
  /** The editor's own apply shortcut. */
  onApply(text: string): void;
  /** Problems from the last apply, with 1-based line and column. */
  diagnostics: readonly Diagnostic[];
  /** Accessible name of the text field. */
  label: string;
}

export function EditorPanel({ text, onChange, onApply, diagnostics, label }: EditorPanelProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onApply(e.currentTarget.value);
    }
  };
  return (
    <div className="editor">
      <textarea
        className="editor__text"
        aria-label={label}
        value={text}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={diagnostics.some((d) => d.severity === 'error')}
      />
      {diagnostics.length > 0 && (
        <ul className="editor__diagnostics">
          {diagnostics.map((d, i) => (
            <li key={i} className={`diagnostic diagnostic--${d.severity}`}>
              <span className="mono">
                {d.line}:{d.column}
              </span>{' '}
              {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
