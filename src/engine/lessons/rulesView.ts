// The lesson rules panel's data: one node's kube-proxy rules for the Services the canvas draws,
// with the totals that matter at scale (rules in the table, how long the last sync took).
import type { Engine } from '../engine';
import type { NodeRules } from '../network/rules/index';
import { BACKGROUND_NAMESPACE } from '../scenario/background';

/** What the rules panel shows for one node. */
export interface RulesPanel {
  node: string;
  mode: NodeRules['mode'];
  /** The ruleset as the tool prints it, for the drawn namespaces only. */
  text: string;
  /** Rules the whole table needs in kube-proxy's iptables model (all namespaces). */
  ruleCount: number;
  /** Service ports kube-proxy programs (all namespaces). */
  servicePorts: number;
  lastSyncAt: number;
  lastSyncDurationMs: number;
  /** The node has not synced the API's latest state yet. */
  behind: boolean;
}

/** The panel for `node`, or null when there is no such node. */
export function rulesPanel(engine: Engine, node: string): RulesPanel | null {
  const c = engine.cluster;
  const shown = [
    ...new Set(
      c.store
        .list('Service')
        .map((s) => s.metadata.namespace ?? 'default')
        .filter((ns) => ns !== 'kube-system' && ns !== BACKGROUND_NAMESPACE),
    ),
  ];
  const r = engine.nodeRules(node, shown);
  if (!r) return null;
  let servicePorts = 0;
  for (const _ of c.ctl.proxy.table.current()) servicePorts++;
  return {
    node,
    mode: r.mode,
    text: r.text,
    ruleCount: c.ctl.proxy.table.ruleCount,
    servicePorts,
    lastSyncAt: r.lastSyncAt,
    lastSyncDurationMs: r.lastSyncDurationMs,
    behind: r.syncedVersion < r.currentVersion,
  };
}
