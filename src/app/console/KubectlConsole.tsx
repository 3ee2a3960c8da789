// The kubectl console: a drawer under the canvas with the prompt (`$ kubectl`, a textbox named
// "kubectl") always visible and the output ("kubectl output", role=log) shown on demand. Enter runs
// the line through the runner (it enters the command log), Tab completes from the live cluster,
// ↑/↓ browse the history, Ctrl+L clears, Ctrl+C or Stop ends a watch, Ctrl+` comes back here.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useRunner } from '../AppContext';
import { useT } from '../i18n/useT';
import { ConsoleOutput } from './ConsoleOutput';
import { applyCompletion, AT_PROMPT, browse, pickCompletion, type HistoryCursor } from './line';
import { useConsole } from './useConsole';
import './console.css';

const OPEN_KEY = 'kubeplay:console:open';

/** The completion list on screen: the line it was made for and the item picked by Tab. */
interface Menu {
  from: number;
  items: string[];
  index: number;
  /** The line as it is while this menu applies (typing anything else closes it). */
  line: string;
}

function readOpen(): boolean {
  try {
    return window.localStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false;
  }
}

function writeOpen(open: boolean): void {
  try {
    window.localStorage.setItem(OPEN_KEY, open ? '1' : '0');
  } catch {
    // Forbidden storage: the drawer just forgets.
  }
}

export function KubectlConsole() {
  const t = useT();
  const runner = useRunner();
  const interrupted = useCallback((m: string) => t('console.interrupted', { message: m }), [t]);
  const con = useConsole(runner, interrupted);
  const [line, setLine] = useState('');
  const [cursor, setCursor] = useState<HistoryCursor>(AT_PROMPT);
  const [open, setOpenState] = useState(readOpen);
  const [menu, setMenu] = useState<Menu | null>(null);
  const [announce, setAnnounce] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();
  const logId = `${ids}-log`;
  const helpId = `${ids}-help`;
  const listId = `${ids}-completions`;

  const setOpen = useCallback((next: boolean) => {
    setOpenState(next);
    writeOpen(next);
  }, []);

  // Ctrl+` (as in code editors' terminals) focuses the prompt from anywhere.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.ctrlKey && !e.altKey && !e.metaKey && e.code === 'Backquote') {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = () => {
    const typed = line;
    setLine('');
    setMenu(null);
    setCursor(AT_PROMPT);
    if (typed.trim() === '') return;
    setOpen(true);
    void con.run(typed);
  };

  const complete = async () => {
    if (menu && menu.line === line) {
      // Tab again: walk through the list.
      const index = (menu.index + 1) % menu.items.length;
      const picked = pickCompletion(line, menu.from, menu.items[index] as string);
      setLine(picked);
      setMenu({ ...menu, index, line: picked });
      setAnnounce(menu.items[index] as string);
      return;
    }
    const typed = line;
    const r = await runner.query((api) => api.complete(typed));
    if (!r) return;
    if (r.items.length === 0) {
      setAnnounce(t('console.noCompletions'));
      setMenu(null);
      return;
    }
    const next = applyCompletion(typed, r.from, r.items);
    setLine(next);
    if (r.items.length === 1) {
      setMenu(null);
      setAnnounce(r.items[0] as string);
    } else {
      setMenu({ from: r.from, items: r.items, index: -1, line: next });
      const shown = r.items.slice(0, 10).join(', ') + (r.items.length > 10 ? ', …' : '');
      setAnnounce(t('console.completionsCount', { count: r.items.length, items: shown }));
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    } else if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && line.trim() !== '') {
      // Tab completes while there is something to complete; on an empty line it moves on.
      e.preventDefault();
      void complete();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const r = browse(con.history, cursor, line, e.key === 'ArrowUp' ? -1 : 1);
      setCursor(r.cursor);
      setLine(r.line);
      setMenu(null);
    } else if (e.key === 'Escape' && menu) {
      e.preventDefault();
      setMenu(null);
    } else if (e.ctrlKey && !e.altKey && (e.key === 'l' || e.key === 'L')) {
      e.preventDefault();
      con.clear();
    } else if (e.ctrlKey && !e.altKey && (e.key === 'c' || e.key === 'C')) {
      if (el.selectionStart !== el.selectionEnd) return; // Copying the selection.
      e.preventDefault();
      if (con.watching) con.stop();
      else {
        setLine('');
        setMenu(null);
      }
    }
  };

  const pick = (item: string) => {
    if (!menu) return;
    const next = applyCompletion(line.slice(0, menu.from) + item, menu.from, [item]);
    setLine(next);
    setMenu(null);
    input.current?.focus();
  };

  return (
    <section className={`console${open ? ' console--open' : ''}`} aria-label={t('console.title')}>
      {open && <ConsoleOutput id={logId} entries={con.entries} />}
      {menu && (
        <ul id={listId} className="console__completions" aria-label={t('console.completions')}>
          {menu.items.map((item, i) => (
            <li key={item}>
              <button
                type="button"
                tabIndex={-1}
                className={`console__completion${i === menu.index ? ' is-picked' : ''}`}
                aria-current={i === menu.index ? 'true' : undefined}
                onClick={() => pick(item)}
              >
                {item}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="console__bar">
        <div className="console__prompt">
          <span className="console__ps1 mono" aria-hidden="true">
            {/^\s*(kubectl|chaos)(\s|$)/.test(line) ? '$' : '$ kubectl'}
          </span>
          <input
            ref={input}
            className="console__input mono"
            type="text"
            aria-label={t('console.input')}
            aria-describedby={helpId}
            aria-controls={menu ? listId : undefined}
            placeholder={t('console.placeholder')}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            maxLength={2000}
            value={line}
            onChange={(e) => {
              setLine(e.target.value);
              if (menu && e.target.value !== menu.line) setMenu(null);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        {con.watching && (
          <button type="button" className="btn btn--small" onClick={con.stop}>
            {t('console.stop')}
          </button>
        )}
        <button
          type="button"
          className="btn btn--small"
          onClick={con.clear}
          disabled={con.entries.length === 0}
        >
          {t('console.clear')}
        </button>
        <button
          type="button"
          className="btn btn--small"
          aria-expanded={open}
          aria-controls={open ? logId : undefined}
          onClick={() => setOpen(!open)}
        >
          {open ? t('console.hide') : t('console.show')}
        </button>
      </div>
      <p id={helpId} className="console__help">
        {t('console.help')}
      </p>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
    </section>
  );
}
