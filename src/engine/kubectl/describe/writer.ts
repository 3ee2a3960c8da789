// kubectl describe's PrefixWriter over a tabwriter (min width 0, padding 2), and the helpers every
// describer shares: multi-line labels and annotations, and the Events block (DescribeEvents).
import type { Cluster } from '../../cluster';
import type { StringMap } from '../../api/types';
import { ageSince } from '../age';
import type { EventObject } from '../events';
import { DESCRIBE, Tabwriter } from '../tabwriter';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/** Writes at indentation levels of two spaces; `text()` returns the aligned result. */
export class PrefixWriter {
  private readonly tw = new Tabwriter(DESCRIBE);

  /** w.Write(level, text): the prefix plus text, which carries its own tabs and newlines. */
  write(level: number, text: string): void {
    this.tw.write('  '.repeat(level) + text);
  }

  text(): string {
    return this.tw.flush();
  }
}

/** printLabelsMultilineWithIndent. */
export function labelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: StringMap | undefined,
  initialIndent = '',
): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    w.write(0, `${k}=${labels?.[k] ?? ''}\n`);
  });
}

/** printAnnotationsMultiline (the last-applied-configuration annotation is never shown). */
export function annotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: StringMap | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = (annotations?.[k] ?? '').replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) {
        const short =
          s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s;
        w.write(0, `\t  ${short}\n`);
      }
    } else w.write(0, `${k}: ${value}\n`);
  });
}

/** DescribeEvents: `Events: <none>` or the Type/Reason/Age/From/Message table. */
export function describeEvents(w: PrefixWriter, c: Cluster, events: EventObject[]): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = ageSince(e.firstTimestamp, c.now);
    const interval =
      e.count > 1 ? `${ageSince(e.lastTimestamp, c.now)} (x${e.count} over ${first})` : first;
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${e.source.component}\t${e.message.trim()}\n`);
  }
}
