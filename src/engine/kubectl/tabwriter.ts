// Go's text/tabwriter as kubectl uses it (cells end with a tab; a column block is a run of lines that
// have a cell in that column), plus the RememberWidths flag of kubectl's fork for `get -w`.
// Owns column alignment only; it never decides what goes in a cell.

/** Settings of one writer, as Go's `tabwriter.NewWriter(out, minwidth, tabwidth, padding, ' ', flags)`. */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
  /** kubectl's RememberWidths: columns never shrink across flushes (watch output). */
  rememberWidths?: boolean;
}

/** kubectl `get` tables: `tabwriter.NewWriter(out, 6, 4, 3, ' ', RememberWidths)`. */
export const GET_TABLE: TabwriterOptions = { minwidth: 6, padding: 3, rememberWidths: true };
/** kubectl `describe`: `out.Init(buf, 0, 8, 2, ' ', 0)`. */
export const DESCRIBE: TabwriterOptions = { minwidth: 0, padding: 2 };

const runeLength = (s: string): number => [...s].length;

/** A buffering writer: `write` text with tabs and newlines, `flush` to get the aligned output. */
export class Tabwriter {
  private lines: string[][] = [[]];
  private cell = '';
  private out = '';
  private widths: number[] = [];
  private remembered: number[] = [];

  constructor(private readonly opts: TabwriterOptions) {}

  /** Appends text; a line with a single cell ends the buffered block (Go flushes there). */
  write(text: string): void {
    for (const ch of text) {
      if (ch === '\t') {
        this.current().push(this.cell);
        this.cell = '';
      } else if (ch === '\n') {
        const line = this.current();
        line.push(this.cell);
        this.cell = '';
        const cells = line.length;
        this.lines.push([]);
        if (cells === 1) this.flushLines();
      } else this.cell += ch;
    }
  }

  /** Formats everything buffered and returns all output produced since the last call. */
  flush(): string {
    if (this.cell !== '') {
      // An unterminated last line: Go prints it without a newline (its cells still align).
      this.current().push(this.cell);
      this.cell = '';
    }
    this.format(0, this.lines.length, true);
    this.lines = [[]];
    const text = this.out;
    this.out = '';
    return text;
  }

  /** Forgets remembered column widths (kubectl does this between resource kinds). */
  resetRememberedWidths(): void {
    this.remembered = [];
  }

  private current(): string[] {
    return this.lines[this.lines.length - 1] as string[];
  }

  private flushLines(): void {
    const complete = this.lines.slice(0, -1);
    const pending = this.lines[this.lines.length - 1] as string[];
    this.lines = complete;
    this.format(0, complete.length, false);
    this.lines = [pending];
  }

  private format(line0: number, line1: number, last: boolean): void {
    const column = this.widths.length;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i] as string[];
      if (column >= line.length - 1) continue;
      this.writeLines(line0, i, last);
      line0 = i;
      let width = this.opts.minwidth;
      for (; i < line1; i++) {
        const l = this.lines[i] as string[];
        if (column >= l.length - 1) break;
        width = Math.max(width, runeLength(l[column] ?? '') + this.opts.padding);
      }
      if (this.opts.rememberWidths) {
        const r = this.remembered[column];
        if (r !== undefined && r > width) width = r;
        else this.remembered[column] = width;
      }
      this.widths.push(width);
      this.format(line0, i, last);
      this.widths.pop();
      line0 = i;
      i--;
    }
    this.writeLines(line0, line1, last);
  }

  private writeLines(line0: number, line1: number, last: boolean): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i] as string[];
      let text = '';
      line.forEach((cell, j) => {
        if (j < this.widths.length)
          text += cell + ' '.repeat((this.widths[j] ?? 0) - runeLength(cell));
        else text += cell;
      });
      const isLast = last && i === this.lines.length - 1;
      this.out += isLast ? text : text + '\n';
    }
  }
}

/** Aligns a whole text at once. */
export function tabify(text: string, opts: TabwriterOptions): string {
  const w = new Tabwriter(opts);
  w.write(text);
  return w.flush();
}
