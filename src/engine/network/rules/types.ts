// A node's kube-proxy rules as data: one line per rule, with the packets that matched it.

/** One rule (or virtual server, or map element) and its packet counter. */
export interface RuleLine {
  /** iptables table, `ipvs`, or the nftables chain family. */
  table: string;
  chain: string;
  text: string;
  packets: number;
  /** `ns/svc` the rule belongs to, when it belongs to one. */
  service?: string;
}

/** Everything one node's kube-proxy has programmed. */
export interface NodeRules {
  node: string;
  mode: 'iptables' | 'ipvs' | 'nftables';
  syncedVersion: number;
  /** The API's current version: when larger, this node has not caught up yet. */
  currentVersion: number;
  lastSyncAt: number;
  lastSyncDurationMs: number;
  lines: RuleLine[];
  /** The whole ruleset as the tool prints it (iptables-save -c, ipvsadm -Ln --stats, nft list). */
  text: string;
}
