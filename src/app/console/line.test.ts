import { describe, expect, it } from 'vitest';
import {
  applyCompletion,
  AT_PROMPT,
  browse,
  commandLine,
  commonPrefix,
  HISTORY_KEY,
  HISTORY_MAX,
  loadHistory,
  localCommand,
  pushHistory,
  saveHistory,
} from './line';

describe('commandLine', () => {
  it('adds kubectl when it was left out, keeps kubectl and chaos lines', () => {
    expect(commandLine('get pods')).toBe('kubectl get pods');
    expect(commandLine('  kubectl get pods -o wide ')).toBe('kubectl get pods -o wide');
    expect(commandLine('chaos kill-pod -l app=backend')).toBe('chaos kill-pod -l app=backend');
    expect(commandLine('kubectlx')).toBe('kubectl kubectlx');
    expect(commandLine('   ')).toBe('');
    expect(localCommand(' clear ')).toBe('clear');
    expect(localCommand('kubectl clear')).toBeNull();
  });
});

describe('completion', () => {
  it('completes a single item with a space, a type/ or flag= without one', () => {
    expect(applyCompletion('kubectl ge', 8, ['get'])).toBe('kubectl get ');
    expect(applyCompletion('kubectl describe deploy', 17, ['deploy/'])).toBe(
      'kubectl describe deploy/',
    );
    expect(applyCompletion('kubectl get pods -o=w', 17, ['-o=wide'])).toBe(
      'kubectl get pods -o=wide ',
    );
  });

  it('extends to the common prefix of several items, or leaves the line', () => {
    expect(commonPrefix(['backend-1', 'backend-2'])).toBe('backend-');
    expect(commonPrefix([])).toBe('');
    expect(applyCompletion('kubectl delete pod b', 19, ['backend-1', 'backend-2'])).toBe(
      'kubectl delete pod backend-',
    );
    expect(applyCompletion('kubectl de', 8, ['delete', 'describe'])).toBe('kubectl de');
  });
});

describe('history', () => {
  it('adds lines, skips blanks and immediate repeats, and is capped', () => {
    expect(pushHistory(['a'], 'a')).toEqual(['a']);
    expect(pushHistory(['a'], ' ')).toEqual(['a']);
    expect(pushHistory(['a'], 'b')).toEqual(['a', 'b']);
    let h: string[] = [];
    for (let i = 0; i < HISTORY_MAX + 10; i++) h = pushHistory(h, `get pod p${i}`);
    expect(h).toHaveLength(HISTORY_MAX);
    expect(h.at(-1)).toBe(`get pod p${HISTORY_MAX + 9}`);
  });

  it('survives a reload and ignores what it cannot read', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    saveHistory(storage, ['get pods', 'get svc']);
    expect(loadHistory(storage)).toEqual(['get pods', 'get svc']);
    data.set(HISTORY_KEY, '{"not":"a list"}');
    expect(loadHistory(storage)).toEqual([]);
    data.set(HISTORY_KEY, 'not json');
    expect(loadHistory(storage)).toEqual([]);
    data.set(HISTORY_KEY, JSON.stringify(['ok', 42, null]));
    expect(loadHistory(storage)).toEqual(['ok']);
    expect(loadHistory(null)).toEqual([]);
    expect(() =>
      saveHistory(
        {
          setItem: () => {
            throw new Error('full');
          },
        },
        ['x'],
      ),
    ).not.toThrow();
  });

  it('browses with ↑/↓ and gives back the line being typed', () => {
    const h = ['one', 'two'];
    let s = { cursor: AT_PROMPT, line: 'dra' };
    s = browse(h, s.cursor, s.line, -1);
    expect(s.line).toBe('two');
    s = browse(h, s.cursor, s.line, -1);
    expect(s.line).toBe('one');
    s = browse(h, s.cursor, s.line, -1);
    expect(s.line).toBe('one');
    s = browse(h, s.cursor, s.line, 1);
    s = browse(h, s.cursor, s.line, 1);
    expect(s.line).toBe('dra');
    s = browse(h, s.cursor, s.line, 1);
    expect(s.line).toBe('dra');
  });
});
