// Cluster DNS (G): the pod's resolv.conf and the queries a name causes, Service, headless and pod
// records, SRV for named ports, PTR, the dns-version TXT, NXDOMAIN.
import { describe, expect, it } from 'vitest';
import { resolvConf } from '../network/dns';
import type { TestCluster } from '../testing/driver';
import { client, clusterIP, clusterOf, deployment, podsOf, request, service } from './harness';

const web = deployment('web', { replicas: 3, ports: [{ name: 'http', containerPort: 8080 }] });
const webSvc = service('web', {
  selector: { app: 'web' },
  ports: [
    { name: 'http', port: 80, targetPort: 'http' },
    { port: 81, targetPort: 8080, name: 'alt' },
  ],
});
const prod = [
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: prod}\nspec:\n  ports: [{port: 80}]\n',
];

function setup(extra: (object | string)[] = []) {
  const t = clusterOf([web, webSvc, client('client', 1), ...extra]).settle();
  return { t, from: podsOf(t, 'client')[0]?.metadata.name ?? '' };
}

/** The names a request asked for and their rcodes, in order. */
function asked(t: TestCluster, from: string, url: string): string[] {
  const dns = request(t, from, url).hops.find((h) => h.kind === 'dns');
  return dns?.kind === 'dns' ? dns.queries.map((q) => `${q.name} ${q.rcode}`) : [];
}

describe('A.1 well-known Service addresses follow the service range', () => {
  it('A.1 kubernetes = .1 and kube-dns = .10 of serviceCIDR; pods are told that nameserver', () => {
    const t = clusterOf([web, webSvc, client('client', 1)], {
      serviceCIDR: '10.100.0.0/16',
    }).settle();
    expect(t.run('kubectl get service kubernetes -o jsonpath={.spec.clusterIP}').stdout).toBe(
      '10.100.0.1',
    );
    expect(resolvConf(t.c, 'default')).toContain('nameserver 10.100.0.10\n');
    const ip = clusterIP(t, 'web');
    expect(ip).toMatch(/^10\.100\./);
    expect(ip).not.toBe('10.100.0.10');
  });
});

describe('G resolver', () => {
  it('G resolv.conf (ClusterFirst): search <ns>.svc, svc, cluster.local; nameserver 10.96.0.10; ndots:5', () => {
    const { t, from } = setup();
    expect(resolvConf(t.c, 'default')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    const exec = t.run(`kubectl exec ${from} -- cat /etc/resolv.conf`);
    expect(exec.stdout).toBe(resolvConf(t.c, 'default'));
  });

  it('G a bare Service name is answered by the first search domain', () => {
    const { t, from } = setup();
    expect(asked(t, from, 'http://web')).toEqual(['web.default.svc.cluster.local. NOERROR']);
    expect(request(t, from, 'http://web').resolved).toBe(clusterIP(t, 'web'));
  });

  it('G `svc.ns` fails in the own namespace first, then answers from svc.cluster.local', () => {
    const { t, from } = setup(prod);
    expect(asked(t, from, 'http://api.prod')).toEqual([
      'api.prod.default.svc.cluster.local. NXDOMAIN',
      'api.prod.svc.cluster.local. NOERROR',
    ]);
    expect(request(t, from, 'http://api.prod').resolved).toBe(
      t.c.store.get('Service', 'prod/api')?.spec.clusterIP,
    );
    // A bare name only looks in the pod's own namespace.
    expect(request(t, from, 'http://api').outcome).toBe('nxdomain');
  });

  it('G with ndots:5 even a full name tries the search list first; a trailing dot skips it', () => {
    const { t, from } = setup();
    expect(asked(t, from, 'http://web.default.svc.cluster.local')).toEqual([
      'web.default.svc.cluster.local.default.svc.cluster.local. NXDOMAIN',
      'web.default.svc.cluster.local.svc.cluster.local. NXDOMAIN',
      'web.default.svc.cluster.local.cluster.local. NXDOMAIN',
      'web.default.svc.cluster.local. NOERROR',
    ]);
    expect(asked(t, from, 'http://web.default.svc.cluster.local.')).toEqual([
      'web.default.svc.cluster.local. NOERROR',
    ]);
  });

  it('G an outside name walks every search domain, then itself: NXDOMAIN ×4 (no internet)', () => {
    const { t, from } = setup();
    expect(asked(t, from, 'http://example.com')).toEqual([
      'example.com.default.svc.cluster.local. NXDOMAIN',
      'example.com.svc.cluster.local. NXDOMAIN',
      'example.com.cluster.local. NXDOMAIN',
      'example.com. NXDOMAIN',
    ]);
    expect(request(t, from, 'http://example.com').outcome).toBe('nxdomain');
    expect(request(t, from, 'http://no-such-service').outcome).toBe('nxdomain');
  });
});

describe('G records', () => {
  it('G A <svc>.<ns>.svc.<zone> → ClusterIP, TTL 30', () => {
    const { t } = setup();
    expect(t.c.ctl.dns.query('web.default.svc.cluster.local.', 'A')).toEqual({
      name: 'web.default.svc.cluster.local.',
      type: 'A',
      rcode: 'NOERROR',
      ttl: 30,
      answers: [clusterIP(t, 'web')],
    });
    expect(t.c.ctl.dns.query('WEB.Default.svc.cluster.local', 'A').answers).toEqual([
      clusterIP(t, 'web'),
    ]);
  });

  it('G SRV for each named port: _http._tcp.web.default.svc.cluster.local → 0 100 80 web…', () => {
    const { t } = setup();
    expect(t.c.ctl.dns.query('_http._tcp.web.default.svc.cluster.local', 'SRV').answers).toEqual([
      '0 100 80 web.default.svc.cluster.local.',
    ]);
    expect(t.c.ctl.dns.query('_alt._tcp.web.default.svc.cluster.local', 'SRV').answers).toEqual([
      '0 100 81 web.default.svc.cluster.local.',
    ]);
    expect(t.c.ctl.dns.query('_http._udp.web.default.svc.cluster.local', 'SRV').rcode).toBe(
      'NXDOMAIN',
    );
    expect(
      t.c.ctl.dns.query('_https._tcp.kubernetes.default.svc.cluster.local', 'SRV').answers,
    ).toEqual(['0 100 443 kubernetes.default.svc.cluster.local.']);
  });

  it('G an unnamed port has no SRV record', () => {
    const { t } = setup(prod);
    expect(t.c.ctl.dns.query('_._tcp.api.prod.svc.cluster.local', 'SRV').rcode).toBe('NXDOMAIN');
  });

  it('G PTR for a ClusterIP: <d>.<c>.<b>.<a>.in-addr.arpa → <svc>.<ns>.svc.<zone>.', () => {
    const { t } = setup();
    const rev = clusterIP(t, 'web').split('.').reverse().join('.');
    expect(t.c.ctl.dns.query(`${rev}.in-addr.arpa.`, 'PTR').answers).toEqual([
      'web.default.svc.cluster.local.',
    ]);
    expect(t.c.ctl.dns.query('1.0.96.10.in-addr.arpa', 'PTR').answers).toEqual([
      'kubernetes.default.svc.cluster.local.',
    ]);
    expect(t.c.ctl.dns.query('9.9.9.9.in-addr.arpa', 'PTR').rcode).toBe('NXDOMAIN');
  });

  it('G dns-version.cluster.local. 28800 IN TXT "1.1.0"', () => {
    const { t } = setup();
    expect(t.c.ctl.dns.query('dns-version.cluster.local', 'TXT')).toMatchObject({
      rcode: 'NOERROR',
      ttl: 28800,
      answers: ['"1.1.0"'],
    });
  });

  it('G pod records (pods insecure): 1-2-3-4.<ns>.pod.<zone> → 1.2.3.4', () => {
    const { t, from } = setup();
    const ip = podsOf(t, 'web')[0]?.status.podIP ?? '';
    const name = `${ip.replace(/\./g, '-')}.default.pod.cluster.local`;
    expect(t.c.ctl.dns.query(name, 'A').answers).toEqual([ip]);
    const r = request(t, from, `http://${name}:8080`);
    expect(r.outcome).toBe('ok');
    expect(r.pod).toBe(podsOf(t, 'web')[0]?.metadata.name);
    expect(t.c.ctl.dns.query('1-2-3-4.default.pod.cluster.local', 'A').answers).toEqual([
      '1.2.3.4',
    ]);
    expect(t.c.ctl.dns.query('not-an-ip.default.pod.cluster.local', 'A').rcode).toBe('NXDOMAIN');
  });
});

describe('G headless', () => {
  const headless = service('db', {
    clusterIP: 'None',
    selector: { app: 'db' },
    ports: [{ name: 'pg', port: 5432, targetPort: 8080 }],
  });
  const named = (i: number) =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: db-${i}, labels: {app: db}}\nspec:\n  hostname: db-${i}\n  subdomain: db\n  containers: [{name: db, image: "postgres:17", ports: [{containerPort: 8080}]}]\n`;

  it('G one A record per ready endpoint, shuffled by loadbalance; per-endpoint names by hostname', () => {
    const { t } = setup([
      headless,
      named(0),
      named(1),
      deployment('dbx', { replicas: 1, labels: { app: 'db' } }),
    ]);
    const ips = t.c.store
      .list('Pod')
      .filter((p) => p.metadata.labels?.app === 'db')
      .map((p) => p.status.podIP ?? '')
      .sort();
    expect(ips).toHaveLength(3);
    const orders = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const a = t.c.ctl.dns.query('db.default.svc.cluster.local', 'A');
      expect([...a.answers].sort()).toEqual(ips);
      orders.add(a.answers.join(','));
    }
    expect(orders.size).toBeGreaterThan(1);
    const db0 = t.c.store.get('Pod', 'default/db-0')?.status.podIP;
    expect(t.c.ctl.dns.query('db-0.db.default.svc.cluster.local', 'A').answers).toEqual([db0]);
    // Without hostname/subdomain the endpoint's DNS name is its dashed IP.
    const other = podsOf(t, 'dbx')[0]?.status.podIP ?? '';
    const dashed = `${other.replace(/\./g, '-')}.db.default.svc.cluster.local`;
    expect(t.c.ctl.dns.query(dashed, 'A').answers).toEqual([other]);
    // SRV: N endpoints × the named port, targets by hostname, on the endpoint's port.
    const srv = t.c.ctl.dns.query('_pg._tcp.db.default.svc.cluster.local', 'SRV').answers;
    expect([...srv].sort()).toEqual(
      [
        `0 33 8080 ${dashed}.`,
        '0 33 8080 db-0.db.default.svc.cluster.local.',
        '0 33 8080 db-1.db.default.svc.cluster.local.',
      ].sort(),
    );
    // PTR of an endpoint IP names the endpoint.
    const rev = (db0 ?? '').split('.').reverse().join('.');
    expect(t.c.ctl.dns.query(`${rev}.in-addr.arpa`, 'PTR').answers).toEqual([
      'db-0.db.default.svc.cluster.local.',
    ]);
  });

  it('G only ready endpoints are answered; none ready → NXDOMAIN', () => {
    const { t } = setup([headless, named(0), named(1)]);
    t.run('chaos fail-readiness -l app=db --count 1');
    t.advance('1s');
    const a = t.c.ctl.dns.query('db.default.svc.cluster.local', 'A');
    expect(a.answers).toEqual([t.c.store.get('Pod', 'default/db-1')?.status.podIP]);
    expect(t.c.ctl.dns.query('db-0.db.default.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    t.run('chaos fail-readiness -l app=db');
    t.advance('1s');
    expect(t.c.ctl.dns.query('db.default.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    expect(t.c.ctl.dns.query('_pg._tcp.db.default.svc.cluster.local', 'SRV').rcode).toBe(
      'NXDOMAIN',
    );
  });
});
