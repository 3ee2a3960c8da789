// `kubectl version`, `kubectl cluster-info` and `kubectl api-resources` for the simulated cluster.
import type { Cluster } from '../../cluster';
import { KUBE_VERSION } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import { flagString, type FlagSpec, type ParsedFlags } from '../flags';
import { Output, errorResult } from '../output';
import { goJson, goYaml } from '../printers/serialize';
import { RESOURCES } from '../resources';
import { GET_TABLE, tabify } from '../tabwriter';

export const INFO_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'client', kind: 'bool' },
  { name: 'namespaced', kind: 'string' },
  { name: 'api-group', kind: 'string' },
  { name: 'no-headers', kind: 'bool' },
];

const KUSTOMIZE = 'v5.6.0';
/** The API server's address (the kubernetes Service's endpoint). */
export const API_SERVER = 'https://172.18.0.1:6443';

/** Runs `kubectl version`. */
export function runVersion(_c: Cluster, p: ParsedFlags): CommandResult {
  const client = p.values.get('client') === true;
  const output = flagString(p, 'output');
  const info = (v: string) => ({
    major: '1',
    minor: v.split('.')[1] ?? '',
    gitVersion: v,
    gitCommit: '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828',
    gitTreeState: 'clean',
    buildDate: '2025-05-15T08:19:08Z',
    goVersion: 'go1.24.2',
    compiler: 'gc',
    platform: 'linux/amd64',
  });
  const doc = {
    clientVersion: info(KUBE_VERSION),
    kustomizeVersion: KUSTOMIZE,
    ...(client ? {} : { serverVersion: info(KUBE_VERSION) }),
  };
  if (output === 'json') return new Output().out(goJson(doc).replace(/\n$/, '') + '\n').result();
  if (output === 'yaml') return new Output().out(goYaml(doc)).result();
  if (output) return errorResult(`--output must be 'yaml' or 'json'`);
  const lines = [`Client Version: ${KUBE_VERSION}`, `Kustomize Version: ${KUSTOMIZE}`];
  if (!client) lines.push(`Server Version: ${KUBE_VERSION}`);
  return new Output().out(lines.map((l) => l + '\n').join('')).result();
}

/** Runs `kubectl cluster-info`. */
export function runClusterInfo(): CommandResult {
  return new Output()
    .out(
      `Kubernetes control plane is running at ${API_SERVER}\n` +
        `CoreDNS is running at ${API_SERVER}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n` +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    )
    .result();
}

/** Runs `kubectl api-resources` (the kinds kubeplay simulates). */
export function runApiResources(_c: Cluster, p: ParsedFlags): CommandResult {
  const namespaced = flagString(p, 'namespaced');
  const group = flagString(p, 'api-group');
  const rows = RESOURCES.filter(
    (r) =>
      (namespaced === undefined || String(r.namespaced) === namespaced) &&
      (group === undefined || r.group === group),
  ).sort((a, b) =>
    a.group === b.group ? (a.resource < b.resource ? -1 : 1) : a.group < b.group ? -1 : 1,
  );
  if (flagString(p, 'output') === 'name')
    return new Output()
      .out(rows.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource) + '\n').join(''))
      .result();
  let text =
    p.values.get('no-headers') === true ? '' : 'NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n';
  for (const r of rows)
    text += `${r.resource}\t${r.shortNames.join(',')}\t${r.group ? `${r.group}/${r.version}` : r.version}\t${r.namespaced}\t${r.kind}\n`;
  return new Output().out(tabify(text, GET_TABLE)).result();
}
