// Share links and embed snippets around a share code: `<page>#s=<code>` (DESIGN.md §5), the
// `?embed=1` variant and the iframe HTML. Pure string work; the page's address is passed in.

/** Links longer than this are not offered (the Share dialog offers a file download instead). */
export const LINK_TOO_LONG = 8_000;

/** The share code in a location hash such as `#s=AbC…`, or null when the hash holds none. */
export function readShareCode(hash: string): string | null {
  if (!hash.startsWith('#s=')) return null;
  const code = hash.slice(3);
  if (!code.includes('%')) return code;
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}

/** Where the app lives: the page's origin and path, without its query or hash. */
export interface PageAddress {
  origin: string;
  pathname: string;
}

/** The link that opens `code`; `embed` adds `?embed=1` (and `editor` `&editor=1`). */
export function shareLink(
  page: PageAddress,
  code: string,
  opts: { embed?: boolean; editor?: boolean } = {},
): string {
  const q = opts.embed ? (opts.editor ? '?embed=1&editor=1' : '?embed=1') : '';
  return `${page.origin}${page.pathname}${q}#s=${code}`;
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML that embeds the app at `src` in another page. */
export function iframeSnippet(src: string): string {
  return (
    `<iframe src="${escapeAttr(src)}" width="800" height="500" title="kubeplay" ` +
    `loading="lazy" style="border:0" allow="clipboard-write"></iframe>`
  );
}

/** A short, stable name for a link's own autosave slot (FNV-1a of the code). */
export function linkScope(code: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    h ^= code.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `link:${h.toString(16).padStart(8, '0')}-${code.length.toString(36)}`;
}
