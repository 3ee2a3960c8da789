// `kubectl get events` rows (printEvent): LAST SEEN, TYPE, REASON, OBJECT as `kind/name` with the
// kind lower-cased, MESSAGE; wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME.
import { ageSince } from '../age';
import type { EventObject } from '../events';
import type { TableDef } from './table';

export const eventTable: TableDef = {
  columns: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', wide: true },
    { name: 'Source', wide: true },
    { name: 'Message' },
    { name: 'First Seen', wide: true },
    { name: 'Count', wide: true },
    { name: 'Name', wide: true },
  ],
  cells(obj, c) {
    const e = obj as EventObject;
    const source = e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component;
    return [
      ageSince(e.lastTimestamp, c.now),
      e.type,
      e.reason,
      `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`,
      '',
      source,
      e.message.trim(),
      ageSince(e.firstTimestamp, c.now),
      String(e.count),
      e.metadata.name,
    ];
  },
};
