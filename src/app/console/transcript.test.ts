import { describe, expect, it } from 'vitest';
import {
  addEntry,
  appendOutput,
  entryText,
  finishEntry,
  MAX_ENTRIES,
  MAX_ENTRY_CHARS,
  startEntry,
  updateEntry,
} from './transcript';

describe('transcript', () => {
  it('keeps stdout and stderr apart, in order, joining runs of one stream', () => {
    let e = startEntry('kubectl get endpoints');
    e = appendOutput(e, 'err', 'Warning: deprecated\n');
    e = appendOutput(e, 'out', 'NAME   ENDPOINTS\n');
    e = appendOutput(e, 'out', 'web    10.0.0.1:80\n');
    e = appendOutput(e, 'out', '');
    expect(e.chunks.map((c) => c.stream)).toEqual(['err', 'out']);
    expect(entryText(e)).toBe('Warning: deprecated\nNAME   ENDPOINTS\nweb    10.0.0.1:80\n');
    const done = finishEntry({ ...e, watch: 3 }, 1, 'stopped');
    expect(done).toMatchObject({ exitCode: 1, watch: null, notes: ['stopped'] });
  });

  it('caps entries and the output of one entry, dropping whole old lines', () => {
    let list = [startEntry('a')];
    for (let i = 0; i < MAX_ENTRIES + 5; i++) list = addEntry(list, startEntry(`c${i}`));
    expect(list).toHaveLength(MAX_ENTRIES);
    expect(list.at(-1)?.command).toBe(`c${MAX_ENTRIES + 4}`);
    const first = list[0]!;
    list = updateEntry(list, first.id, (e) => finishEntry(e, 0));
    expect(list[0]?.exitCode).toBe(0);

    let e = startEntry('kubectl get events -w');
    const line = 'x'.repeat(99) + '\n';
    for (let i = 0; i < (MAX_ENTRY_CHARS / 100) * 1.5; i++) e = appendOutput(e, 'out', line);
    const text = entryText(e);
    expect(text.length).toBeLessThanOrEqual(MAX_ENTRY_CHARS);
    expect(text.startsWith('x'.repeat(99) + '\n')).toBe(true);
    expect(e.notes).toEqual(['truncated']);
  });
});
