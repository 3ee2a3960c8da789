// Moving keyboard focus into the inspector when it is opened from the keyboard, so its actions
// are the next Tab stops; and back to what opened it when it closes.

/** The inspector's heading (focusable with tabindex=-1). */
export const INSPECTOR_TITLE_ID = 'inspector-title';

/** Focuses the inspector's heading once it has rendered (its code may still be loading). */
export function focusInspector(): void {
  let tries = 0;
  const attempt = () => {
    const el = document.getElementById(INSPECTOR_TITLE_ID);
    if (el) el.focus();
    else if (++tries < 60) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
