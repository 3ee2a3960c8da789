// kubectl's human-readable table: upper-cased column names, `-o wide` columns (priority 1),
// NAMESPACE first with -A, `kind/name` names when several kinds print, LABELS last with
// --show-labels. Rows are tab-separated for the tabwriter; the last cell is never padded.
import type { Cluster } from '../../cluster';
import type { ApiObject } from '../objects';
import { formatLabels } from '../../util/labels';

/** One column of a resource's table. */
export interface Column {
  name: string;
  /** Shown only with `-o wide`. */
  wide?: boolean;
}

/** How one resource type prints as a table row. */
export interface TableDef {
  columns: Column[];
  /** Every cell, wide ones included, in column order. */
  cells(obj: ApiObject, c: Cluster): string[];
}

/** Printing options from the command line. */
export interface TableOptions {
  wide: boolean;
  withNamespace: boolean;
  /** `pod`, `deployment.apps`…: prefix of the name cell when several kinds print. */
  kindPrefix?: string;
  showLabels: boolean;
  noHeaders: boolean;
}

/** The header line (with trailing newline), tab-separated. */
export function headerLine(def: TableDef, o: TableOptions): string {
  const names = def.columns.filter((col) => o.wide || !col.wide).map((col) => col.name);
  if (o.withNamespace) names.unshift('Namespace');
  if (o.showLabels) names.push('Labels');
  return names.map((n) => n.toUpperCase()).join('\t') + '\n';
}

/** One row (with trailing newline), tab-separated. */
export function rowLine(def: TableDef, obj: ApiObject, c: Cluster, o: TableOptions): string {
  const all = def.cells(obj, c);
  const cells: string[] = [];
  def.columns.forEach((col, i) => {
    if (o.wide || !col.wide) cells.push(all[i] ?? '');
  });
  const nameIdx = def.columns.findIndex((col) => col.name === 'Name' && (o.wide || !col.wide));
  if (o.kindPrefix && nameIdx >= 0) {
    const visibleIdx = def.columns.slice(0, nameIdx).filter((col) => o.wide || !col.wide).length;
    cells[visibleIdx] = `${o.kindPrefix}/${cells[visibleIdx] ?? ''}`;
  }
  if (o.withNamespace) cells.unshift(obj.metadata.namespace ?? '');
  if (o.showLabels) cells.push(formatLabels(obj.metadata.labels));
  return cells.join('\t') + '\n';
}
