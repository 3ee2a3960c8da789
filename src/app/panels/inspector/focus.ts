// Moving keyboard focus into the inspector when it is opened from the keyboard, so its actions
// are the next Tab stops; and back to what opened it when it closes.

/** The inspector's heading (focusable with tabindex=-1). */
export const INSPECTOR_TITLE_ID = 'inspector-title';

/** Focuses the inspector's heading once it has rendered. */
export function focusInspector(): void {
  requestAnimationFrame(() =>
    document.getElementById(INSPECTOR_TITLE_ID)?.focus({ preventScroll: false }),
  );
}
