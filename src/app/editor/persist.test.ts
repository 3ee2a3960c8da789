// Drafts survive in storage, unreadable or refused storage never breaks the editor, and the
// debounced saver writes only the last text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearDraft,
  createDraftSaver,
  draftKey,
  loadDraft,
  saveDraft,
  type DraftStorage,
} from './persist';

function memory(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const KEY = draftKey('lesson:seed-services');

describe('drafts', () => {
  it('round-trip per key, and clear', () => {
    const s = memory();
    expect(loadDraft(KEY, s)).toBeNull();
    expect(saveDraft(KEY, 'kind: Service\n', s, 1234)).toBe(true);
    expect(loadDraft(KEY, s)).toEqual({ v: 1, text: 'kind: Service\n', savedAt: 1234 });
    expect(loadDraft(draftKey('lesson:other'), s)).toBeNull();
    clearDraft(KEY, s);
    expect(loadDraft(KEY, s)).toBeNull();
  });

  it('ignore unreadable records and storage that refuses', () => {
    const s = memory();
    s.data.set(KEY, '{not json');
    expect(loadDraft(KEY, s)).toBeNull();
    s.data.set(KEY, JSON.stringify({ v: 2, text: 'x' }));
    expect(loadDraft(KEY, s)).toBeNull();
    const full: DraftStorage = {
      ...s,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(saveDraft(KEY, 'x', full)).toBe(false);
    expect(saveDraft(KEY, 'x', null)).toBe(false);
  });
});

describe('createDraftSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the last text once typing pauses, or at once on flush', () => {
    const s = memory();
    const saver = createDraftSaver(KEY, 400, s);
    saver.save('a');
    saver.save('ab');
    vi.advanceTimersByTime(399);
    expect(loadDraft(KEY, s)).toBeNull();
    vi.advanceTimersByTime(1);
    expect(loadDraft(KEY, s)?.text).toBe('ab');
    saver.save('abc');
    saver.flush();
    expect(loadDraft(KEY, s)?.text).toBe('abc');
    saver.save('lost');
    saver.cancel();
    vi.advanceTimersByTime(1000);
    expect(loadDraft(KEY, s)?.text).toBe('abc');
  });
});
