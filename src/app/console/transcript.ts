// The console's transcript: each command with what it printed (stdout and stderr kept apart, in
// order), its exit code and what happened to it (a watch stopped, a restart interrupted it).
// Pure and capped, so a chatty `get events -w` cannot grow the page without bound.

export type Stream = 'out' | 'err';

/** A run of output from one stream. */
export interface Chunk {
  stream: Stream;
  text: string;
}

/** Why an entry ended other than by exiting: stopped by the user, ended by a reload or restart. */
export type EntryNote = 'stopped' | 'ended' | 'interrupted' | 'truncated';

export interface Entry {
  id: number;
  /** The line as it ran (`kubectl …` or `chaos …`). */
  command: string;
  chunks: Chunk[];
  /** Null while it runs or watches. */
  exitCode: number | null;
  /** The engine's watch id while the command keeps printing. */
  watch: number | null;
  notes: EntryNote[];
}

export const MAX_ENTRIES = 100;
/** Characters one entry keeps (its oldest output goes first). */
export const MAX_ENTRY_CHARS = 200_000;

let nextId = 0;

/** A new entry for a command that just started. */
export function startEntry(command: string): Entry {
  return { id: ++nextId, command, chunks: [], exitCode: null, watch: null, notes: [] };
}

/** The transcript with `entry` added last (the oldest entries drop beyond MAX_ENTRIES). */
export function addEntry(list: readonly Entry[], entry: Entry): Entry[] {
  return [...list, entry].slice(-MAX_ENTRIES);
}

/** The transcript with entry `id` replaced by `update(entry)`. */
export function updateEntry(
  list: readonly Entry[],
  id: number,
  update: (e: Entry) => Entry,
): Entry[] {
  return list.map((e) => (e.id === id ? update(e) : e));
}

/** The entry with `text` appended to `stream` (joined to the last chunk when it is the same). */
export function appendOutput(entry: Entry, stream: Stream, text: string): Entry {
  if (text === '') return entry;
  const chunks = [...entry.chunks];
  const last = chunks.at(-1);
  if (last?.stream === stream) chunks[chunks.length - 1] = { stream, text: last.text + text };
  else chunks.push({ stream, text });
  let total = chunks.reduce((n, c) => n + c.text.length, 0);
  let truncated = false;
  while (total > MAX_ENTRY_CHARS && chunks.length > 0) {
    const first = chunks[0] as Chunk;
    const over = total - MAX_ENTRY_CHARS;
    truncated = true;
    if (first.text.length <= over) {
      chunks.shift();
      total -= first.text.length;
    } else {
      // Cut at a line break so the first kept line is whole.
      const cut = first.text.indexOf('\n', over);
      const keep = cut < 0 ? '' : first.text.slice(cut + 1);
      total -= first.text.length - keep.length;
      if (keep === '') chunks.shift();
      else chunks[0] = { stream: first.stream, text: keep };
    }
  }
  const notes: EntryNote[] =
    truncated && !entry.notes.includes('truncated') ? [...entry.notes, 'truncated'] : entry.notes;
  return { ...entry, chunks, notes };
}

/** The entry once its command has exited (or its watch ended, with `note` saying how). */
export function finishEntry(entry: Entry, exitCode: number, note?: EntryNote): Entry {
  return {
    ...entry,
    exitCode,
    watch: null,
    notes: note && !entry.notes.includes(note) ? [...entry.notes, note] : entry.notes,
  };
}

/** Everything the entry printed, as one text (for Copy). */
export function entryText(entry: Entry): string {
  return entry.chunks.map((c) => c.text).join('');
}
