// The console's pure line work: what a typed line runs as, how a completion changes the line, and
// the command history (kept in localStorage, capped). No React, no worker.

/** The line the engine runs: `kubectl` is optional for kubectl commands; `chaos …` stays as is. */
export function commandLine(typed: string): string {
  const line = typed.trim();
  if (line === '') return '';
  const head = line.split(/\s+/, 1)[0];
  return head === 'kubectl' || head === 'chaos' ? line : `kubectl ${line}`;
}

/** What the console does locally instead of sending to the engine (a shell's `clear`). */
export function localCommand(typed: string): 'clear' | null {
  return typed.trim() === 'clear' ? 'clear' : null;
}

/** The longest prefix all items share. */
export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return '';
  let p = items[0] as string;
  for (const s of items) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** A word that needs more after it (a `type/` or `--flag=`) gets no trailing space. */
const open = (word: string) => /[/=]$/.test(word);

/**
 * The line after completing its last word (which starts at `from`) with `items`: the only item
 * (plus a space), else the items' common prefix when it is longer than the word, else unchanged.
 */
export function applyCompletion(line: string, from: number, items: readonly string[]): string {
  const word = line.slice(from);
  if (items.length === 1) {
    const item = items[0] as string;
    return line.slice(0, from) + item + (open(item) ? '' : ' ');
  }
  const prefix = commonPrefix(items);
  return prefix.length > word.length ? line.slice(0, from) + prefix : line;
}

/** The line with its last word (from `from`) replaced by one item, for cycling through a list. */
export function pickCompletion(line: string, from: number, item: string): string {
  return line.slice(0, from) + item;
}

// ---- history -------------------------------------------------------------------------------------

export const HISTORY_KEY = 'kubeplay:console:history';
export const HISTORY_MAX = 200;

/** The history with `line` added last (a repeat of the last line is not added twice). */
export function pushHistory(history: readonly string[], line: string): string[] {
  const l = line.trim();
  if (l === '' || history.at(-1) === l) return [...history];
  return [...history, l].slice(-HISTORY_MAX);
}

/** Reads the kept history; anything unreadable counts as none. */
export function loadHistory(storage: Pick<Storage, 'getItem'> | null): string[] {
  try {
    const raw = storage?.getItem(HISTORY_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((x): x is string => typeof x === 'string' && x.length <= 2_000)
      .slice(-HISTORY_MAX);
  } catch {
    return [];
  }
}

export function saveHistory(storage: Pick<Storage, 'setItem'> | null, history: string[]): void {
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(history.slice(-HISTORY_MAX)));
  } catch {
    // Storage full or forbidden (private mode): history stays for this page only.
  }
}

/** Moving through the history with ↑/↓: `index` at or past the end is the line being typed. */
export interface HistoryCursor {
  index: number;
  /** What was typed before ↑ was first pressed. */
  draft: string;
}

/** The cursor on the line being typed, whatever the history's length. */
export const AT_PROMPT: HistoryCursor = { index: Number.MAX_SAFE_INTEGER, draft: '' };

/** The cursor and line after ↑ (`-1`) or ↓ (`+1`). */
export function browse(
  history: readonly string[],
  cursor: HistoryCursor,
  line: string,
  step: -1 | 1,
): { cursor: HistoryCursor; line: string } {
  const at = Math.min(cursor.index, history.length);
  const draft = at === history.length ? line : cursor.draft;
  const index = Math.min(history.length, Math.max(0, at + step));
  if (index === at) return { cursor: { index, draft }, line };
  return { cursor: { index, draft }, line: index === history.length ? draft : history[index]! };
}
