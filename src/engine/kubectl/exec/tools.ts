// The other programs `kubectl exec` can run in a simulated container: BusyBox nslookup (answers
// from cluster DNS along the pod's search path), cat of /etc/resolv.conf, /etc/hosts and
// /etc/hostname, hostname, echo, env/printenv (with the Service environment variables the kubelet
// injects for Services that existed when the pod started).
import type { Cluster } from '../../cluster';
import type { Pod } from '../../api/types';
import { resolvConf } from '../../network/dns';
import type { ProgramResult } from './request';

const ok = (stdout: string): ProgramResult => ({ stdout, stderr: '', code: 0 });

const NSLOOKUP_USAGE =
  'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n';

/** BusyBox nslookup [-type=A|SRV|PTR|TXT] NAME, or a reverse lookup of an IPv4 address. */
export function nslookup(c: Cluster, pod: Pod, args: string[]): ProgramResult {
  const name = args.find((a) => !a.startsWith('-'));
  const typeArg = args.find((a) => /^-(type|query|q)=/i.test(a));
  let type = (typeArg?.split('=')[1] ?? 'A').toUpperCase();
  if (!name) return { stdout: '', stderr: NSLOOKUP_USAGE, code: 1 };
  const server = c.ctl.dns.serverIP;
  const head = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  const ns = pod.metadata.namespace ?? 'default';
  const octets = name.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  let question = name;
  if (octets) {
    type = 'PTR';
    question = `${octets[4]}.${octets[3]}.${octets[2]}.${octets[1]}.in-addr.arpa`;
  }
  if (type === 'A') {
    const res = c.ctl.dns.resolve(name, ns);
    const hit = res.queries.find((q) => q.rcode === 'NOERROR' && q.answers.length > 0);
    if (!hit || !res.fqdn)
      return { stdout: `${head}** server can't find ${name}: NXDOMAIN\n\n`, stderr: '', code: 1 };
    let out = head;
    if (hit.cname) out += `${res.fqdn}\tcanonical name = ${hit.cname}\n`;
    for (const ip of hit.answers) out += `Name:\t${hit.cname ?? res.fqdn}\nAddress: ${ip}\n`;
    return ok(`${out}\n`);
  }
  if (type !== 'SRV' && type !== 'PTR' && type !== 'TXT')
    return { stdout: '', stderr: `nslookup: invalid query type "${type}"\n`, code: 1 };
  const d = c.config.clusterDomain;
  const candidates =
    question.endsWith('.') || (question.match(/\./g) ?? []).length >= 5 || octets
      ? [question.replace(/\.$/, '')]
      : [`${question}.${ns}.svc.${d}`, `${question}.svc.${d}`, `${question}.${d}`, question];
  for (const q of candidates) {
    const a = c.ctl.dns.query(q, type);
    if (a.rcode !== 'NOERROR') continue;
    const label = { SRV: 'service', PTR: 'name', TXT: 'text' }[type];
    return ok(
      `${head}${a.answers.map((x) => `${q}\t${label} = ${x.replace(/\.$/, '')}\n`).join('')}\n`,
    );
  }
  return { stdout: `${head}** server can't find ${question}: NXDOMAIN\n\n`, stderr: '', code: 1 };
}

function hostsFile(pod: Pod): string {
  return (
    '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
    'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
    `${pod.status.podIP ?? ''}\t${pod.metadata.name}\n`
  );
}

/** The environment a container sees: its own env plus the docker-link variables of Services. */
export function environment(c: Cluster, pod: Pod): string[] {
  const env = [
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    `HOSTNAME=${pod.metadata.name}`,
  ];
  for (const e of pod.spec.containers[0]?.env ?? []) env.push(`${e.name}=${e.value ?? ''}`);
  const services = c.store
    .list('Service', pod.metadata.namespace)
    .filter(
      (s) =>
        s.metadata.creationTimestamp <= pod.metadata.creationTimestamp &&
        s.spec.clusterIP &&
        s.spec.clusterIP !== 'None',
    )
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const s of services) {
    const prefix = s.metadata.name.toUpperCase().replace(/-/g, '_');
    const ip = s.spec.clusterIP ?? '';
    const ports = s.spec.ports ?? [];
    const first = ports[0];
    if (!first) continue;
    env.push(`${prefix}_SERVICE_HOST=${ip}`, `${prefix}_SERVICE_PORT=${first.port}`);
    for (const p of ports)
      if (p.name)
        env.push(`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}=${p.port}`);
    env.push(`${prefix}_PORT=${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`);
    for (const p of ports) {
      const proto = (p.protocol ?? 'TCP').toLowerCase();
      const base = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      env.push(
        `${base}=${proto}://${ip}:${p.port}`,
        `${base}_PROTO=${proto}`,
        `${base}_PORT=${p.port}`,
        `${base}_ADDR=${ip}`,
      );
    }
  }
  env.push('HOME=/root');
  return env;
}

/** cat FILE… */
export function cat(c: Cluster, pod: Pod, args: string[]): ProgramResult {
  const files: Record<string, string> = {
    '/etc/resolv.conf': resolvConf(c, pod.metadata.namespace ?? 'default'),
    '/etc/hosts': hostsFile(pod),
    '/etc/hostname': `${pod.metadata.name}\n`,
  };
  let stdout = '';
  let stderr = '';
  for (const f of args) {
    const text = files[f];
    if (text === undefined) stderr += `cat: can't open '${f}': No such file or directory\n`;
    else stdout += text;
  }
  return { stdout, stderr, code: stderr ? 1 : 0 };
}

export function hostname(pod: Pod): ProgramResult {
  return ok(`${pod.metadata.name}\n`);
}

export function echo(args: string[]): ProgramResult {
  return args[0] === '-n' ? ok(args.slice(1).join(' ')) : ok(`${args.join(' ')}\n`);
}
