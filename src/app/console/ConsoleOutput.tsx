// The console's transcript as a `role=log` "kubectl output": each command, then what it printed,
// exactly as kubectl printed it (monospace, white-space: pre, rendered as text), stderr marked by
// a visible "stderr" tag and a bar (not by colour alone), a non-zero exit code, and a Copy button.
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { entryText, type Entry } from './transcript';

async function copy(text: string, fallback: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API or no permission: select the text so Ctrl+C copies it.
  }
  const sel = window.getSelection();
  if (!fallback || !sel) return false;
  sel.selectAllChildren(fallback);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

export function ConsoleOutput({ id, entries }: { id: string; entries: Entry[] }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [entries]);

  // The log gets shorter when a completion list opens: keep the newest line in view.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const onScroll = () => {
    const el = ref.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  return (
    <div
      ref={ref}
      id={id}
      className="console__log"
      role="log"
      aria-live="polite"
      aria-label={t('console.output')}
      tabIndex={0}
      onScroll={onScroll}
    >
      {entries.length === 0 ? (
        <p className="console__empty">{t('console.empty')}</p>
      ) : (
        entries.map((e) => <EntryView key={e.id} entry={e} />)
      )}
    </div>
  );
}

const EntryView = memo(function EntryView({ entry: e }: { entry: Entry }) {
  const t = useT();
  const outRef = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  const text = entryText(e);
  const onCopy = async () => {
    const ok = await copy(text, outRef.current);
    setCopied(ok);
    if (ok) window.setTimeout(() => setCopied(false), 1500);
  };
  const running = e.exitCode === null && e.watch === null;
  return (
    <div className="console-entry">
      <div className="console-entry__head">
        <span className="console-entry__prompt" aria-hidden="true">
          $
        </span>
        <code className="console-entry__command">{e.command}</code>
        {text !== '' && (
          <button
            type="button"
            className="btn btn--small console-entry__copy"
            onClick={() => void onCopy()}
            aria-label={t('console.copyLabel', { command: e.command })}
          >
            {copied ? t('console.copied') : t('console.copy')}
          </button>
        )}
      </div>
      <div ref={outRef} className="console-entry__out">
        {e.chunks.map((c, i) =>
          c.stream === 'err' ? (
            <div key={i} className="console-stderr">
              <span className="console-stderr__tag">{t('console.stderr')}</span>
              <pre className="console-text console-text--err">{c.text}</pre>
            </div>
          ) : (
            <pre key={i} className="console-text">
              {c.text}
            </pre>
          ),
        )}
      </div>
      {e.notes.includes('truncated') && (
        <p className="console-entry__note">{t('console.truncated')}</p>
      )}
      {e.watch !== null && <p className="console-entry__note">{t('console.watching')}</p>}
      {running && <p className="console-entry__note">{t('console.running')}</p>}
      {e.notes.includes('stopped') && <p className="console-entry__note">{t('console.stopped')}</p>}
      {e.notes.includes('ended') && <p className="console-entry__note">{t('console.ended')}</p>}
      {e.exitCode !== null && e.exitCode !== 0 && !e.notes.includes('interrupted') && (
        <p className="console-entry__exit">{t('console.exit', { code: e.exitCode })}</p>
      )}
    </div>
  );
});
