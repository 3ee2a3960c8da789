// Keeps the editor's text as a draft in localStorage (persist.ts): restores it once when the
// editor opens for a scope, then saves every change, debounced, and for sure when the page hides.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { createDraftSaver, draftKey, loadDraft } from './persist';

/**
 * Restores the draft of `scope` through `onRestore` (once per scope) and saves `text` after it.
 * With no scope nothing is stored.
 */
export function useDraft(
  scope: string | undefined,
  text: string,
  onRestore: (text: string) => void,
): void {
  const restore = useRef(onRestore);
  useLayoutEffect(() => {
    restore.current = onRestore;
  });
  const saver = useRef<ReturnType<typeof createDraftSaver> | null>(null);
  const textRef = useRef(text);

  useEffect(() => {
    if (!scope) return;
    const key = draftKey(scope);
    const draft = loadDraft(key);
    if (draft && draft.text !== textRef.current) restore.current(draft.text);
    const s = createDraftSaver(key);
    saver.current = s;
    const onHide = () => s.flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      s.flush();
      if (saver.current === s) saver.current = null;
    };
  }, [scope]);

  useEffect(() => {
    textRef.current = text;
    saver.current?.save(text);
  }, [text]);
}
