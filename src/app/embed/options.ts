// Embed-only URL options: `?editor=1` shows the Manifests column in `?embed=1`.

/** True when the query string asks for the editor in the embedded app. */
export function embedEditorFlag(search: string): boolean {
  const v = new URLSearchParams(search).get('editor');
  return v !== null && ['1', 'true', 'yes', ''].includes(v);
}
