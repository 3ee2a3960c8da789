// A node's programmed rules in the cluster's proxy mode, as data with counters and as tool text.
import type { Cluster } from '../../cluster';
import type { ServicePortInfo } from '../proxyTable';
import { iptablesRules, iptablesSave } from './iptables';
import { ipvsRules, ipvsText } from './ipvs';
import { nftablesRules, nftText } from './nftables';
import type { NodeRules } from './types';

export type { NodeRules, RuleLine } from './types';

/**
 * What `node`'s kube-proxy has programmed (as of its last sync), or null for an unknown node.
 * `include` keeps only some Service ports (a view of a big table; the rest is left out).
 */
export function nodeRules(
  c: Cluster,
  node: string,
  include?: (info: ServicePortInfo) => boolean,
): NodeRules | null {
  const np = c.ctl.proxy.nodes.get(node);
  if (!np) return null;
  const all = c.ctl.proxy.table.atVersion(np.syncedVersion);
  const infos = include ? [...all].filter(include) : [...all];
  const count = (name: string) => np.counters.get(name) ?? 0;
  const mode = c.config.proxyMode;
  const lines =
    mode === 'iptables'
      ? iptablesRules(infos, node, c.config.podCIDR.text, count)
      : mode === 'ipvs'
        ? ipvsRules(infos, node, c.config.ipvsScheduler, count)
        : nftablesRules(infos, node, c.config.podCIDR.text, count);
  const text =
    mode === 'iptables' ? iptablesSave(lines) : mode === 'ipvs' ? ipvsText(lines) : nftText(lines);
  return {
    node,
    mode,
    syncedVersion: np.syncedVersion,
    currentVersion: c.ctl.proxy.table.version,
    lastSyncAt: np.lastSyncAt,
    lastSyncDurationMs: np.lastSyncDurationMs,
    lines,
    text,
  };
}
