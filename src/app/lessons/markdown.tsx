// Markdown-lite for lesson texts, rendered as React elements — never as HTML: blank lines make
// paragraphs, lines starting with "- " make a list, `code` and **strong** are the only inline
// marks. Anything else (HTML included) shows as the plain text it is.
import type { ReactNode } from 'react';

/** A block of lesson text: a paragraph or a bullet list. */
export type Block = { kind: 'p'; text: string } | { kind: 'ul'; items: string[] };

/** Splits a lesson text into paragraphs and lists (pure, for tests). */
export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    if (/^\s*- /.test(lines[0] ?? '')) {
      const items: string[] = [];
      for (const l of lines) {
        if (/^\s*- /.test(l)) items.push(l.replace(/^\s*- /, '').trim());
        else if (items.length > 0) items[items.length - 1] += ` ${l.trim()}`;
      }
      blocks.push({ kind: 'ul', items });
    } else blocks.push({ kind: 'p', text: lines.map((l) => l.trim()).join(' ') });
  }
  return blocks;
}

/** Inline pieces: plain text, `code` or **strong**. */
export type Inline = { kind: 'text' | 'code' | 'strong'; text: string };

/** Splits a line into plain text, code spans and strong spans (pure, for tests). */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else out.push({ kind: 'strong', text: m[2] ?? '' });
    last = re.lastIndex;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

function inline(text: string): ReactNode[] {
  return parseInline(text).map((p, i) =>
    p.kind === 'code' ? (
      <code key={i}>{p.text}</code>
    ) : p.kind === 'strong' ? (
      <strong key={i}>{p.text}</strong>
    ) : (
      p.text
    ),
  );
}

/** A lesson text as paragraphs and lists. */
export function LessonText({ text }: { text: string }) {
  return (
    <>
      {parseBlocks(text).map((b, i) =>
        b.kind === 'p' ? (
          <p key={i}>{inline(b.text)}</p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

/** One line of text with its inline marks (hints, card summaries). */
export function InlineText({ text }: { text: string }) {
  return <>{inline(text)}</>;
}
