// `kubectl expose deployment|replicaset|pod|service NAME --port=N [--target-port] [--type]
// [--name]`: a Service selecting what the object selects (a pod: its labels), labelled like it,
// with targetPort = port unless given, or the container ports when --port is absent.
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import type { Container, StringMap } from '../../api/types';
import { flagString, hasFlag, type FlagSpec, type ParsedFlags } from '../flags';
import { Output, alreadyExistsText, errorResult } from '../output';
import { singleObject } from '../select';
import { parseTargets } from '../targets';
import { writeManifests } from './apply';
import { stringify } from 'yaml';

export const EXPOSE_FLAGS: FlagSpec[] = [
  { name: 'port', kind: 'string' },
  { name: 'target-port', kind: 'string' },
  { name: 'type', kind: 'string' },
  { name: 'name', kind: 'string' },
  { name: 'protocol', kind: 'string' },
  { name: 'selector', kind: 'string' },
  { name: 'labels', short: 'l', kind: 'string' },
  { name: 'cluster-ip', kind: 'string' },
  { name: 'external-ip', kind: 'string' },
  { name: 'dry-run', kind: 'string' },
];

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

function parseMap(text: string): StringMap {
  const out: StringMap = {};
  for (const kv of text.split(',')) {
    const [k = '', v = ''] = kv.split('=');
    if (k) out[k] = v;
  }
  return out;
}

/** Runs `kubectl expose`. */
export function runExpose(c: Cluster, p: ParsedFlags): CommandResult {
  const ns = flagString(p, 'namespace') ?? 'default';
  if (p.args.length === 0)
    return errorResult(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  const found = singleObject(c, p.args, ns, (a) => parseTargets(a, false));
  if ('error' in found) return new Output().fail(found.error).result();
  const obj = found.obj;
  let selector: StringMap | undefined;
  let containers: Container[] = [];
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') {
    if (obj.spec.selector.matchExpressions?.length)
      return errorResult(
        `couldn't retrieve selectors via --selector flag or introspection: ${obj.kind === 'Deployment' ? 'deployments' : 'replicasets'}.apps "${obj.metadata.name}" has a selector with matchExpressions, which the selector field of a Service cannot express`,
      );
    selector = obj.spec.selector.matchLabels;
    containers = obj.spec.template.spec.containers;
  } else if (obj.kind === 'Pod') {
    selector = obj.metadata.labels;
    containers = obj.spec.containers;
  } else if (obj.kind === 'Service') selector = obj.spec.selector;
  else return errorResult(`cannot expose a ${obj.kind}`);
  if (hasFlag(p, 'selector')) selector = parseMap(flagString(p, 'selector') ?? '');
  if (!selector || Object.keys(selector).length === 0)
    return errorResult(
      `couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind.toLowerCase()} has no labels`,
    );
  const type = flagString(p, 'type');
  if (type !== undefined && !TYPES.includes(type))
    return errorResult(`invalid service type "${type}"; supported values are ${TYPES.join(', ')}`);
  const protocol = flagString(p, 'protocol') ?? 'TCP';
  const target = flagString(p, 'target-port');
  const targetPort = (port: number) =>
    target === undefined ? port : /^\d+$/.test(target) ? Number(target) : target;
  let ports: Record<string, unknown>[];
  const portFlag = flagString(p, 'port');
  if (portFlag !== undefined) {
    ports = portFlag.split(',').map((s, i, all) => ({
      ...(all.length > 1 ? { name: `port-${i + 1}` } : {}),
      port: Number(s),
      protocol,
      targetPort: targetPort(Number(s)),
    }));
  } else {
    const cps = containers.flatMap((ct) => ct.ports ?? []);
    if (cps.length === 0) return errorResult("couldn't find port via --port flag or introspection");
    ports = cps.map((cp, i) => ({
      ...(cps.length > 1 ? { name: `port-${i + 1}` } : {}),
      port: cp.containerPort,
      protocol: cp.protocol ?? protocol,
      targetPort: targetPort(cp.containerPort),
    }));
  }
  const name = flagString(p, 'name') ?? obj.metadata.name;
  if (c.store.get('Service', `${ns}/${name}`))
    return new Output().fail(alreadyExistsText('services', name)).result();
  const labels = hasFlag(p, 'labels')
    ? parseMap(flagString(p, 'labels') ?? '')
    : obj.metadata.labels;
  const spec: Record<string, unknown> = { ports, selector };
  if (type) spec.type = type;
  if (flagString(p, 'cluster-ip')) spec.clusterIP = flagString(p, 'cluster-ip');
  if (flagString(p, 'external-ip')) spec.externalIPs = [flagString(p, 'external-ip')];
  const svc = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns, ...(labels && Object.keys(labels).length ? { labels } : {}) },
    spec,
  };
  const dryRun = flagString(p, 'dry-run');
  const r = writeManifests(
    c,
    stringify(svc),
    'service',
    'create',
    dryRun === 'client' || dryRun === 'server',
  );
  if (r.err) return new Output().fail(r.err).result();
  const suffix =
    dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return new Output().out(`service/${name} exposed${suffix}\n`).result();
}
