// Copying a link or snippet: the async Clipboard API, else the selected text and the old
// execCommand('copy'), else the text stays selected and the user is told to press Ctrl+C.

/** 'copied' when the text is on the clipboard; 'manual' when the user has to copy it. */
export async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<'copied' | 'manual'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    // No permission, not a secure context, or no Clipboard API: fall back below.
  }
  if (field) {
    field.focus();
    field.select();
    try {
      if (document.execCommand('copy')) return 'copied';
    } catch {
      // Not supported.
    }
  }
  return 'manual';
}
