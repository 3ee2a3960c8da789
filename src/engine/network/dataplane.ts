// The data plane: one request from a client to a URL — DNS, kube-proxy's rules on the client's node
// (or on the node an external packet enters), the pod network, and whether anything listens there.
// Outcomes: ok, refused (REJECT or nothing listening), timeout (DROP, dead node, stale rule), nxdomain.
import type { Pod } from '../api/types';
import type { Cluster } from '../cluster';
import type { Hop, Outcome, RequestRecord } from '../trace';
import { cidrContains, ipToInt } from '../util/ip';
import {
  sepChain,
  svcChain,
  nftEndpointChain,
  nftServiceChain,
  usableEndpoints,
  type RouteResult,
} from './kubeProxy';
import type { ProxyEndpoint, ServicePortInfo } from './proxyTable';

/** Client-side connect timeout of the simulated load generators. */
export const CLIENT_TIMEOUT_MS = 1000;
/** The documentation address external clients come from. */
export const EXTERNAL_CLIENT_IP = '203.0.113.7';

/** Where a request starts. */
export interface Client {
  name: string;
  ip: string;
  node: string | null;
  namespace: string;
}

interface ParsedUrl {
  host: string;
  port: number;
  path: string;
}

/** Parses `http://host[:port][/path]` (scheme optional); null when malformed. */
export function parseUrl(url: string): ParsedUrl | null {
  const m = url.trim().match(/^(?:(https?):\/\/)?([A-Za-z0-9.-]+)(?::(\d{1,5}))?(\/.*)?$/);
  if (!m) return null;
  const port = m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80;
  if (port < 1 || port > 65535) return null;
  return { host: (m[2] ?? '').toLowerCase(), port, path: m[4] ?? '/' };
}

/** Sends one request and records it. */
export function sendRequest(
  c: Cluster,
  client: Client,
  url: string,
  generator: string,
): RequestRecord {
  const rec: RequestRecord = {
    id: c.nextRequestId(),
    t: c.now,
    from: client.name,
    fromNode: client.node,
    url,
    resolved: null,
    dst: null,
    pod: null,
    podNode: null,
    service: null,
    outcome: 'ok',
    latencyMs: 0,
    hops: [],
    generator,
  };
  route(c, client, url, rec);
  rec.latencyMs = Math.round(rec.latencyMs * 1000) / 1000;
  c.requests.push(rec);
  return rec;
}

function finish(rec: RequestRecord, outcome: Outcome, extraMs: number): void {
  rec.outcome = outcome;
  rec.latencyMs += outcome === 'timeout' ? CLIENT_TIMEOUT_MS : extraMs;
}

function route(c: Cluster, client: Client, url: string, rec: RequestRecord): void {
  const u = parseUrl(url);
  if (!u) return finish(rec, 'nxdomain', 0);
  let ip = u.host;
  if (ipToInt(u.host) === null) {
    const res = c.ctl.dns.resolve(u.host, client.namespace);
    rec.hops.push({
      kind: 'dns',
      queries: res.queries.map((q) => ({
        name: q.name,
        type: q.type,
        rcode: q.rcode,
        answers: q.answers,
      })),
    });
    rec.latencyMs += 0.4 * res.queries.length;
    if (!res.ip) return finish(rec, 'nxdomain', 0);
    ip = res.ip;
  }
  rec.resolved = ip;
  rec.dst = `${ip}:${u.port}`;
  // Where does the packet meet kube-proxy's rules? A pod's own node; for an external client, the node
  // it is sent to (NodePort) or the node a load balancer picks (LoadBalancer IP).
  let entryNode = client.node;
  let viaNodePort = false;
  if (client.node === null) {
    const target = c.ctl.nodes.nodeByIp(ip);
    if (target) {
      entryNode = target.name;
      viaNodePort = true;
    } else {
      const lbNode = pickLoadBalancerNode(c, ip, u.port);
      if (!lbNode) return finish(rec, 'timeout', 0);
      entryNode = lbNode;
    }
  } else if (c.ctl.nodes.nodeByIp(ip)) {
    entryNode = c.ctl.nodes.nodeByIp(ip)?.name ?? entryNode;
    viaNodePort = true;
  }
  if (entryNode === null || c.ctl.nodes.get(entryNode)?.failed) return finish(rec, 'timeout', 0);
  const external = client.node === null || viaNodePort;
  const r = applyRules(c, entryNode, ip, u.port, client.ip, viaNodePort, external);
  if (r.info) {
    rec.service = `${r.info.namespace}/${r.info.service}`;
    rec.hops.push({
      kind: 'proxy',
      node: entryNode,
      mode: c.config.proxyMode,
      service: rec.service,
      chains: r.chains,
      verdict: r.verdict,
      ...(r.endpoint ? { endpoint: `${r.endpoint.ip}:${r.endpoint.port}` } : {}),
      masquerade: r.masquerade,
      stale: r.stale,
    });
  }
  rec.latencyMs += r.lookupMs;
  if (r.verdict === 'reject') return finish(rec, 'refused', 0.3);
  if (r.verdict === 'drop') return finish(rec, 'timeout', 0);
  let dstIp = ip;
  let dstPort = u.port;
  if (r.verdict === 'dnat' && r.endpoint) {
    dstIp = r.endpoint.ip;
    dstPort = r.endpoint.port;
    rec.dst = `${dstIp}:${dstPort}`;
  } else if (viaNodePort) {
    // A node port no Service uses reaches the node's own stack: nothing listens there, so the
    // kernel answers with a reset and the client sees "connection refused".
    return finish(rec, 'refused', 0.3);
  } else if (c.ctl.allocators.clusterIPs.isAllocated(ip)) {
    // A ClusterIP port that no rule matches: iptables lets it wander off and time out; nftables
    // rejects ports that are not defined on an allocated ClusterIP (E.4).
    return finish(rec, c.config.proxyMode === 'nftables' ? 'refused' : 'timeout', 0.3);
  }
  deliver(c, entryNode, dstIp, dstPort, rec);
}

function applyRules(
  c: Cluster,
  node: string,
  ip: string,
  port: number,
  clientIP: string,
  viaNodePort: boolean,
  external: boolean,
): RouteResult {
  const proxy = c.ctl.proxy;
  const np = proxy.nodes.get(node);
  const { info, stale } = proxy.lookup(node, ip, port, 'TCP', viaNodePort);
  const lookupMs =
    c.config.proxyMode === 'iptables' ? 0.002 + proxy.table.ruleCount * 0.00002 : 0.002;
  const none: RouteResult = {
    info,
    verdict: 'nomatch',
    endpoint: null,
    chains: [],
    masquerade: false,
    stale,
    lookupMs,
  };
  if (!info || !np) return none;
  const nft = c.config.proxyMode === 'nftables';
  const chains: string[] = [];
  // ETP Local applies to traffic from outside; pods' traffic to external destinations is
  // short-circuited to the Cluster chain ("pod traffic for … external destinations", E.5).
  const fromPod = cidrContains(c.config.podCIDR, clientIP);
  // A load-balancer or external IP is an external destination even from inside (KUBE-EXT chain).
  const ext = external || ip !== info.clusterIP;
  const local = ext ? info.externalLocal && !fromPod : info.internalLocal;
  const eps = usableEndpoints(
    local ? info.endpoints.filter((e) => e.node === node) : info.endpoints,
  );
  let masquerade = ext && !info.externalLocal;
  if (ext) {
    const chain = nft ? `external-${nftServiceChain(info).slice(8)}` : svcChain('EXT', info);
    chains.push(chain);
    proxy.count(np, chain);
  }
  if (eps.length === 0) {
    const anyEndpoints = usableEndpoints(info.endpoints).length > 0;
    const verdict = local && anyEndpoints ? 'drop' : 'reject';
    chains.push(
      verdict === 'drop' ? `${info.name} has no local endpoints` : `${info.name} has no endpoints`,
    );
    return { info, verdict, endpoint: null, chains, masquerade, stale, lookupMs };
  }
  const svcName = nft
    ? local
      ? `local-${nftServiceChain(info).slice(8)}`
      : nftServiceChain(info)
    : c.config.proxyMode === 'ipvs'
      ? `${info.clusterIP}:${info.port}`
      : svcChain(local ? 'SVL' : 'SVC', info);
  chains.push(svcName);
  proxy.count(np, svcName);
  const ep = proxy.choose(np, info, eps, clientIP, chains);
  if (!ep) return none;
  const epName = nft
    ? nftEndpointChain(info, ep)
    : c.config.proxyMode === 'ipvs'
      ? `-> ${ep.ip}:${ep.port}`
      : sepChain(info, ep);
  chains.push(epName);
  proxy.count(np, epName);
  if (ep.ip === clientIP) masquerade = true; // hairpin
  return { info, verdict: 'dnat', endpoint: ep, chains, masquerade, stale, lookupMs };
}

function deliver(c: Cluster, fromNode: string, ip: string, port: number, rec: RequestRecord): void {
  const podKey = c.store.podByIP.get(ip);
  const pod: Pod | undefined = podKey ? c.store.get('Pod', podKey) : undefined;
  if (!pod?.spec.nodeName) return finish(rec, 'timeout', 0);
  const toNode = pod.spec.nodeName;
  if (toNode !== fromNode) rec.hops.push({ kind: 'net', fromNode, toNode, dst: `${ip}:${port}` });
  rec.podNode = toNode;
  if (c.ctl.nodes.get(toNode)?.failed) {
    rec.hops.push({ kind: 'pod', pod: pod.metadata.name, node: toNode, result: 'unreachable' });
    return finish(rec, 'timeout', 0);
  }
  const netMs = toNode === fromNode ? 0.1 : 0.6;
  const rt = c.ctl.kubelet.runtime(podKey ?? '');
  const listens =
    rt?.listening === true &&
    pod.spec.containers.some((ct) => (ct.ports ?? []).some((p) => p.containerPort === port));
  if (!listens) {
    rec.hops.push({ kind: 'pod', pod: pod.metadata.name, node: toNode, result: 'refused' });
    return finish(rec, 'refused', netMs * 2);
  }
  rec.pod = pod.metadata.name;
  rec.hops.push({ kind: 'pod', pod: pod.metadata.name, node: toNode, result: 'answered' });
  finish(rec, 'ok', netMs * 2 + 1 + c.rng.next() * 3);
}

/** A cloud load balancer sends to a healthy node: for Local policy, one with a local endpoint. */
function pickLoadBalancerNode(c: Cluster, ip: string, port: number): string | null {
  const id = c.ctl.proxy.table.vipIndex.get(`${ip}:${port}/TCP`);
  const info: ServicePortInfo | null = id ? c.ctl.proxy.table.at(id, Infinity) : null;
  if (!info || !info.loadBalancerIPs.includes(ip)) return null;
  const nodes = [...c.ctl.nodes.runtime.values()].filter(
    (n) => !n.failed && c.ctl.nodes.isReady(n.name),
  );
  const healthy = info.externalLocal
    ? nodes.filter(
        (n) =>
          usableEndpoints(info.endpoints.filter((e: ProxyEndpoint) => e.node === n.name)).length >
          0,
      )
    : nodes;
  const pool = healthy.length > 0 ? healthy : nodes;
  return pool.length > 0 ? (pool[c.rng.int(pool.length)]?.name ?? null) : null;
}

export type { Hop };
