// The plain text field the manifests are edited in while Monaco loads, and for good if it cannot
// load (EditorBoundary): the same text, the same accessible name, Ctrl/Cmd+Enter still applies.
import { Component, type KeyboardEvent, type ReactNode } from 'react';

export interface PlainEditorProps {
  text: string;
  onChange(text: string): void;
  onApply(text: string): void;
  label: string;
  invalid: boolean;
}

export function PlainEditor({ text, onChange, onApply, label, invalid }: PlainEditorProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onApply(e.currentTarget.value);
    }
  };
  return (
    <textarea
      className="editor__text"
      aria-label={label}
      value={text}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
      aria-invalid={invalid}
    />
  );
}

/** Shows `fallback` instead of its children once they fail to load or render. */
export class EditorBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('The code editor failed to load; using a plain text field.', error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
