// `kubectl create deployment|service|namespace …` generate the objects kubectl's generators make
// (reference F): a Deployment labelled app=NAME with one container named after the image, a Service
// with selector app=NAME and ports named `<port>-<target>`. `create -f` goes through apply.ts.
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import {
  flagInt,
  flagString,
  flagStrings,
  hasFlag,
  type FlagSpec,
  type ParsedFlags,
} from '../flags';
import { Output, alreadyExistsText, errorResult, usageError } from '../output';
import { goYaml, wireObject } from '../printers/serialize';
import { getObject } from '../objects';
import { resourceByKind } from '../resources';
import { stringify } from 'yaml';
import { runApply, writeManifests } from './apply';
import type { KubectlContext } from './registry';

export const CREATE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'image', kind: 'strings' },
  { name: 'replicas', short: 'r', kind: 'int' },
  { name: 'port', kind: 'int' },
  { name: 'tcp', kind: 'strings' },
  { name: 'node-port', kind: 'int' },
  { name: 'clusterip', kind: 'string' },
  { name: 'external-name', kind: 'string' },
  { name: 'dry-run', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
];

const SERVICE_TYPES: Record<string, string> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  externalname: 'ExternalName',
};

/** The container name kubectl derives from an image: its last path part, without tag or digest. */
export function containerNameFromImage(image: string): string | null {
  const last = image.split('@')[0]?.split('/').pop()?.split(':')[0] ?? '';
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(last) && last.length <= 63 ? last : null;
}

function write(
  c: Cluster,
  obj: Record<string, unknown>,
  resource: string,
  kindGroup: string,
  name: string,
  p: ParsedFlags,
  exists: boolean,
  failPrefix = '',
): CommandResult {
  const dryRun = flagString(p, 'dry-run');
  const output = flagString(p, 'output');
  if (output === 'yaml' && dryRun === 'client') {
    const meta = obj.metadata as Record<string, unknown>;
    const generated: Record<string, unknown> = {
      ...obj,
      metadata: {
        creationTimestamp: null,
        ...meta,
        ...(hasFlag(p, 'namespace') ? {} : { namespace: undefined }),
      },
      status: obj.kind === 'Service' ? { loadBalancer: {} } : {},
    };
    if (obj.kind === 'Deployment') generated.spec = { ...(obj.spec as object), strategy: {} };
    const tpl = (obj.spec as { template?: { metadata?: Record<string, unknown> } } | undefined)
      ?.template;
    if (tpl?.metadata) tpl.metadata = { creationTimestamp: null, ...tpl.metadata };
    return new Output().out(goYaml(JSON.parse(JSON.stringify(generated)))).result();
  }
  if (exists) return new Output().fail(alreadyExistsText(resource, name)).result();
  const r = writeManifests(
    c,
    stringify(obj),
    `${kindGroup}`,
    'create',
    dryRun === 'client' || dryRun === 'server',
  );
  if (r.err) {
    const msg = r.err.replace(/^The (\w+) "([^"]+)" is invalid: /, '$1 "$2" is invalid: ');
    return new Output().fail(failPrefix ? `error: ${failPrefix}${msg}` : r.err).result();
  }
  if (output === 'yaml' && !dryRun) {
    const created = getObject(
      c,
      resourceByKind(String(obj.kind)),
      String((obj.metadata as { namespace?: string }).namespace ?? 'default'),
      name,
    );
    if (created) return new Output().out(goYaml(wireObject(created))).result();
  }
  const suffix =
    dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return new Output().out(`${kindGroup}/${name} created${suffix}\n`).result();
}

function createDeployment(c: Cluster, p: ParsedFlags, name: string, ns: string): CommandResult {
  const images = flagStrings(p, 'image');
  if (images.length === 0) return errorResult('required flag(s) "image" not set');
  const containers = [];
  for (const image of images) {
    const cname = containerNameFromImage(image);
    if (cname === null)
      return errorResult(
        `invalid image name "${image}": a DNS-1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
      );
    const ct: Record<string, unknown> = { image, name: cname, resources: {} };
    if (hasFlag(p, 'port')) ct.ports = [{ containerPort: flagInt(p, 'port') }];
    containers.push(ct);
  }
  const labels = { app: name };
  const obj = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels, name, namespace: ns },
    spec: {
      replicas: flagInt(p, 'replicas') ?? 1,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers } },
    },
  };
  const exists = !!c.store.get('Deployment', `${ns}/${name}`);
  return write(c, obj, 'deployments.apps', 'deployment.apps', name, p, exists);
}

function createService(
  c: Cluster,
  p: ParsedFlags,
  kind: string,
  name: string,
  ns: string,
): CommandResult {
  const type = SERVICE_TYPES[kind];
  if (!type) return usageError('kubectl create service', `unknown service type "${kind}"`);
  const tcp = flagStrings(p, 'tcp');
  if (tcp.length === 0 && type !== 'ExternalName')
    return errorResult('at least one tcp port specifier must be provided');
  const ports = [];
  for (const spec of tcp) {
    const [port = '', target = port] = spec.split(':');
    if (!/^\d+$/.test(port)) return errorResult(`invalid port: ${port}`);
    const sp: Record<string, unknown> = {
      name: spec.replace(/:/g, '-'),
      port: Number(port),
      protocol: 'TCP',
      targetPort: /^\d+$/.test(target) ? Number(target) : target,
    };
    if (type === 'NodePort' && hasFlag(p, 'node-port')) sp.nodePort = flagInt(p, 'node-port');
    ports.push(sp);
  }
  const spec: Record<string, unknown> = { ports, selector: { app: name }, type };
  const clusterIP = flagString(p, 'clusterip');
  if (clusterIP) spec.clusterIP = clusterIP;
  if (type === 'ExternalName') {
    const ext = flagString(p, 'external-name');
    if (!ext) return errorResult('required flag(s) "external-name" not set');
    Object.assign(spec, { externalName: ext, ports: undefined, selector: undefined });
  }
  const obj = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { labels: { app: name }, name, namespace: ns },
    spec,
  };
  const exists = !!c.store.get('Service', `${ns}/${name}`);
  return write(
    c,
    JSON.parse(JSON.stringify(obj)) as Record<string, unknown>,
    'services',
    'service',
    name,
    p,
    exists,
    `failed to create ${type} service: `,
  );
}

/** Runs `kubectl create`. */
export function runCreate(c: Cluster, p: ParsedFlags, ctx: KubectlContext): CommandResult {
  if (flagStrings(p, 'filename').length > 0) return runApply(c, p, ctx, 'create');
  const [what, ...rest] = p.args;
  const ns = flagString(p, 'namespace') ?? 'default';
  if (what === 'deployment' || what === 'deploy') {
    const name = rest[0];
    if (!name) return usageError('kubectl create deployment', 'NAME is required');
    return createDeployment(c, p, name, ns);
  }
  if (what === 'service' || what === 'svc') {
    const [kind, name] = rest;
    if (!kind) return usageError('kubectl create service', 'unknown command');
    if (!name)
      return usageError(`kubectl create service ${kind}`, 'exactly one NAME is required, got 0');
    return createService(c, p, kind, name, ns);
  }
  if (what === 'namespace' || what === 'ns') {
    const name = rest[0];
    if (!name) return usageError('kubectl create namespace', 'exactly one NAME is required, got 0');
    const exists =
      !!c.store.get('Namespace', name) ||
      ['default', 'kube-system', 'kube-public', 'kube-node-lease'].includes(name);
    return write(
      c,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
      'namespaces',
      'namespace',
      name,
      p,
      exists,
    );
  }
  if (what === undefined) return errorResult('must specify one of -f and -k');
  return new Output()
    .fail(
      `error: unknown command "${what}" for "kubectl create"\nSee 'kubectl create -h' for help and examples`,
    )
    .result();
}
