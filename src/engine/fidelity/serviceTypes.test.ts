// Service types (F, A.2, A.3, D.2, G, E.4): what each type allocates and how traffic reaches the pods.
import { describe, expect, it } from 'vitest';
import {
  client,
  clusterIP,
  clusterOf,
  deployment,
  podsOf,
  request,
  requests,
  service,
} from './harness';

const web = deployment('web', { replicas: 3 });
const clients = client('client', 3);

describe('ClusterIP', () => {
  it('A.2 an automatic ClusterIP is in the dynamic band 10.96.1.1–10.111.255.254; .1 and .10 are taken', () => {
    for (const seed of [1, 2, 3, 4]) {
      const t = clusterOf(
        [
          web,
          service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }),
        ],
        { seed },
      );
      const ip = clusterIP(t, 'web').split('.').map(Number);
      const n = ((ip[1] ?? 0) - 96) * 65536 + (ip[2] ?? 0) * 256 + (ip[3] ?? 0);
      expect(n).toBeGreaterThanOrEqual(257);
      expect(n).toBeLessThanOrEqual(1_048_574);
    }
    const seeds = [1, 2, 3, 4].map((seed) => {
      const c = clusterOf([service('web', { ports: [{ port: 80 }] })], { seed });
      return clusterIP(c, 'web');
    });
    expect(new Set(seeds).size).toBe(4); // a random start per allocation, not a sequence
    const t = clusterOf([]);
    expect(t.c.store.get('Service', 'default/kubernetes')?.spec.clusterIP).toBe('10.96.0.1');
    expect(t.c.ctl.allocators.clusterIPs.isAllocated('10.96.0.10')).toBe(true);
  });

  it('A.2 a ClusterIP chosen by hand in the static band is kept; a taken one is rejected with the API text', () => {
    const t = clusterOf([
      web,
      service('web', {
        selector: { app: 'web' },
        clusterIP: '10.96.0.50',
        ports: [{ port: 80, targetPort: 8080 }],
      }),
    ]);
    expect(clusterIP(t, 'web')).toBe('10.96.0.50');
    const r = t.engine.apply(
      'apiVersion: v1\nkind: Service\nmetadata: {name: dup}\nspec:\n  clusterIP: 10.96.0.50\n  ports: [{port: 80}]\n',
    );
    expect(r.ok).toBe(false);
    expect(r.errorText).toContain(
      'spec.clusterIPs: Invalid value: ["10.96.0.50"]: failed to allocate IP 10.96.0.50: provided IP is already allocated',
    );
  });

  it('F/E.2 a request to the Service name reaches a backend on its targetPort through DNAT', () => {
    const t = clusterOf([
      web,
      clients,
      service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }),
    ]).settle();
    const from = podsOf(t, 'client')[0]?.metadata.name ?? '';
    const r = request(t, from, 'http://web');
    expect(r.outcome).toBe('ok');
    expect(r.resolved).toBe(clusterIP(t, 'web'));
    expect(r.dst).toMatch(/^10\.244\.\d+\.\d+:8080$/);
    expect(podsOf(t, 'web').map((p) => p.metadata.name)).toContain(r.pod);
    const proxy = r.hops.find((h) => h.kind === 'proxy');
    expect(proxy).toMatchObject({ verdict: 'dnat', masquerade: false, stale: false });
  });

  it('F targetPort defaults to port', () => {
    const t = clusterOf([
      deployment('web', { ports: [{ containerPort: 80 }] }),
      clients,
      service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }),
    ]).settle();
    expect(t.c.store.get('Service', 'default/web')?.spec.ports?.[0]?.targetPort).toBe(80);
    const r = request(t, podsOf(t, 'client')[0]?.metadata.name ?? '', 'http://web');
    expect(r.outcome).toBe('ok');
    expect(r.dst).toMatch(/:80$/);
  });
});

describe('NodePort', () => {
  const np = service('web', {
    type: 'NodePort',
    selector: { app: 'web' },
    ports: [{ port: 80, targetPort: 8080 }],
  });

  it('A.3 an automatic nodePort comes from the dynamic band 30086–32767 first', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const t = clusterOf([web, np], { seed });
      const port = t.c.store.get('Service', 'default/web')?.spec.ports?.[0]?.nodePort ?? 0;
      expect(port).toBeGreaterThanOrEqual(30086);
      expect(port).toBeLessThanOrEqual(32767);
    }
  });

  it('A.3 a nodePort in the static band is accepted; out of range or taken is rejected with the API text', () => {
    const fixed = service('web', {
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
    });
    const t = clusterOf([web, fixed]);
    expect(t.c.store.get('Service', 'default/web')?.spec.ports?.[0]?.nodePort).toBe(30080);
    const taken = t.engine.apply(
      'apiVersion: v1\nkind: Service\nmetadata: {name: other}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n',
    );
    expect(taken.errorText).toContain(
      'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    const range = t.engine.apply(
      'apiVersion: v1\nkind: Service\nmetadata: {name: other}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 40000}]\n',
    );
    expect(range.errorText).toContain(
      'provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('E.2 from outside, the nodePort answers on every node IP, masqueraded (ETP Cluster)', () => {
    const t = clusterOf([web, np]).settle();
    const port = t.c.store.get('Service', 'default/web')?.spec.ports?.[0]?.nodePort;
    const nodeIPs = t.engine.view().nodes.map((n) => n.ip);
    expect(nodeIPs).toEqual(['172.18.0.2', '172.18.0.3', '172.18.0.4']);
    for (const ip of nodeIPs) {
      const r = request(t, 'external', `http://${ip}:${port}`);
      expect(r.outcome).toBe('ok');
      const proxy = r.hops.find((h) => h.kind === 'proxy');
      expect(proxy).toMatchObject({ verdict: 'dnat', masquerade: true });
      expect(proxy?.kind === 'proxy' && proxy.chains[0]).toMatch(/^KUBE-EXT-[A-Z2-7]{16}$/);
    }
  });

  it('E.4 a node port no Service uses is refused by the node itself', () => {
    const t = clusterOf([web, np]).settle();
    const used = t.c.store.get('Service', 'default/web')?.spec.ports?.[0]?.nodePort;
    const free = used === 31999 ? 31998 : 31999;
    const r = request(t, 'external', `http://172.18.0.2:${free}`);
    expect(r.outcome).toBe('refused');
    expect(r.hops.some((h) => h.kind === 'proxy')).toBe(false);
  });

  it('F a NodePort Service is also a ClusterIP Service', () => {
    const t = clusterOf([web, clients, np]).settle();
    const r = request(
      t,
      podsOf(t, 'client')[0]?.metadata.name ?? '',
      `http://${clusterIP(t, 'web')}`,
    );
    expect(r.outcome).toBe('ok');
  });
});

describe('LoadBalancer', () => {
  const lb = service('web', {
    type: 'LoadBalancer',
    selector: { app: 'web' },
    ports: [{ port: 80, targetPort: 8080 }],
  });

  it('F/I EXTERNAL-IP is <pending> until the cloud provisions the balancer, then an ingress IP', () => {
    const t = clusterOf([web, lb]);
    const svc = () => t.c.store.get('Service', 'default/web');
    expect(svc()?.status.loadBalancer.ingress).toBeUndefined();
    expect(svc()?.spec.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30000);
    const get = t.run('kubectl get svc web');
    expect(get.stdout).toMatch(/web\s+LoadBalancer\s+[\d.]+\s+<pending>\s+80:\d+\/TCP/);
    t.advance('3s');
    expect(svc()?.status.loadBalancer.ingress).toBeUndefined();
    t.advance('2s');
    const ip = svc()?.status.loadBalancer.ingress?.[0]?.ip;
    expect(ip).toMatch(/^198\.51\.100\.\d+$/);
    const reasons = t.c.events.filter((e) => e.object === 'service/web').map((e) => e.reason);
    expect(reasons).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);
  });

  it('E.2 external traffic to the load balancer IP reaches the pods', () => {
    const t = clusterOf([web, lb]).settle().advance('5s');
    const ip = t.c.store.get('Service', 'default/web')?.status.loadBalancer.ingress?.[0]?.ip;
    const rs = Array.from({ length: 20 }, () => request(t, 'external', `http://${ip}`));
    expect(rs.every((r) => r.outcome === 'ok')).toBe(true);
    expect(new Set(rs.map((r) => r.pod)).size).toBeGreaterThan(1);
  });
});

describe('headless', () => {
  const headless = service('web', {
    clusterIP: 'None',
    selector: { app: 'web' },
    ports: [{ port: 8080 }],
  });

  it('G DNS answers the ready pod IPs and the request goes straight to a pod (no DNAT)', () => {
    const t = clusterOf([web, clients, headless]).settle();
    expect(clusterIP(t, 'web')).toBe('None');
    const from = podsOf(t, 'client')[0]?.metadata.name ?? '';
    const r = request(t, from, 'http://web:8080');
    expect(r.outcome).toBe('ok');
    const dns = r.hops.find((h) => h.kind === 'dns');
    const ips = podsOf(t, 'web')
      .map((p) => p.status.podIP)
      .sort();
    expect(dns?.kind === 'dns' && [...(dns.queries[0]?.answers ?? [])].sort()).toEqual(ips);
    expect(r.hops.some((h) => h.kind === 'proxy')).toBe(false);
    expect(ips).toContain(r.resolved);
    expect(r.dst).toBe(`${r.resolved}:8080`);
  });

  it('E kube-proxy programs nothing for a headless Service; D.1 its slice is labelled headless', () => {
    const t = clusterOf([web, headless]).settle();
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    expect(text).not.toContain('default/web');
    const slice = t.c.ctl.sliceIndex.slicesFor('default/web')[0];
    expect(slice?.metadata.labels?.['service.kubernetes.io/headless']).toBe('');
  });

  it('G NXDOMAIN when no endpoint is ready', () => {
    const t = clusterOf([web, clients, headless]).settle();
    t.run('chaos fail-readiness -l app=web');
    t.advance('2s');
    const r = request(t, podsOf(t, 'client')[0]?.metadata.name ?? '', 'http://web:8080');
    expect(r.outcome).toBe('nxdomain');
  });
});

describe('ExternalName', () => {
  it('G/F a CNAME to the external name; no ClusterIP, no rules, no slices', () => {
    const ext = service('db', {
      type: 'ExternalName',
      externalName: 'web.default.svc.cluster.local',
    });
    const t = clusterOf([
      web,
      clients,
      service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }),
      ext,
    ]).settle();
    const svc = t.c.store.get('Service', 'default/db');
    expect(svc?.spec.clusterIP).toBeUndefined();
    const r = request(t, podsOf(t, 'client')[0]?.metadata.name ?? '', 'http://db');
    const dns = r.hops.find((h) => h.kind === 'dns');
    expect(dns?.kind === 'dns' && dns.queries[0]?.name).toBe('db.default.svc.cluster.local.');
    expect(t.c.ctl.dns.answer('db.default.svc.cluster.local', 0).cname).toBe(
      'web.default.svc.cluster.local',
    );
    // The CNAME's target is the web Service: the connection goes through web's rules, not db's.
    expect(r.resolved).toBe(clusterIP(t, 'web'));
    expect(r.outcome).toBe('ok');
    expect(r.hops.find((h) => h.kind === 'proxy')).toMatchObject({ service: 'default/web' });
    expect(t.engine.nodeRules('node-1')?.text).not.toContain('default/db');
    expect(t.c.ctl.sliceIndex.slicesFor('default/db')).toEqual([]);
  });

  it('G an ExternalName outside the cluster resolves to nothing in the simulation (no internet)', () => {
    const t = clusterOf([
      clients,
      service('ext', { type: 'ExternalName', externalName: 'example.com' }),
    ]).settle();
    const r = request(t, podsOf(t, 'client')[0]?.metadata.name ?? '', 'http://ext');
    expect(t.c.ctl.dns.answer('ext.default.svc.cluster.local', 0).cname).toBe('example.com');
    expect(r.outcome).toBe('nxdomain');
  });
});

describe('Service without a selector', () => {
  const bare = service('manual', { ports: [{ name: 'http', port: 80, targetPort: 8080 }] });

  it('D.2 no slices are managed; E.4 traffic is refused until a hand-written EndpointSlice exists', () => {
    const t = clusterOf([web, clients, bare]).settle();
    expect(t.c.ctl.sliceIndex.slicesFor('default/manual')).toEqual([]);
    const from = podsOf(t, 'client')[0]?.metadata.name ?? '';
    expect(request(t, from, 'http://manual').outcome).toBe('refused');
    const target = podsOf(t, 'web')[1];
    const ip = target?.status.podIP ?? '';
    const r = t.engine.apply(`apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: manual-1
  labels:
    kubernetes.io/service-name: manual
    endpointslice.kubernetes.io/managed-by: staff
addressType: IPv4
ports:
  - name: http
    port: 8080
    protocol: TCP
endpoints:
  - addresses: ["${ip}"]
`);
    expect(r.ok).toBe(true);
    t.advance('3s');
    const rs = requests(t, from, 'http://manual', 10);
    expect(rs.every((x) => x.outcome === 'ok' && x.pod === target?.metadata.name)).toBe(true);
    // The endpointslice-controller leaves slices it does not manage alone.
    t.advance('30s');
    expect(t.c.store.get('EndpointSlice', 'default/manual-1')).toBeDefined();
  });
});

describe('multi-port Services', () => {
  it('D.1 named targetPorts resolve per pod: pods with different ports land in different slices', () => {
    const a = deployment('a', {
      replicas: 2,
      labels: { app: 'mp', v: 'a' },
      ports: [
        { name: 'web', containerPort: 8080 },
        { name: 'admin', containerPort: 9000 },
      ],
    });
    const b = deployment('b', {
      replicas: 1,
      labels: { app: 'mp', v: 'b' },
      ports: [{ name: 'web', containerPort: 8081 }],
    });
    const svc = service('mp', {
      selector: { app: 'mp' },
      ports: [
        { name: 'http', port: 80, targetPort: 'web' },
        { name: 'admin', port: 9000, targetPort: 'admin' },
      ],
    });
    const t = clusterOf([a, b, clients, svc]).settle();
    const slices = t.c.ctl.sliceIndex.slicesFor('default/mp');
    expect(slices).toHaveLength(2);
    const portSets = slices
      .map((s) =>
        s.ports
          .map((p) => `${p.name}=${p.port}`)
          .sort()
          .join(','),
      )
      .sort();
    expect(portSets).toEqual(['admin=9000,http=8080', 'http=8081']);
    const from = podsOf(t, 'client')[0]?.metadata.name ?? '';
    const rs = requests(t, from, 'http://mp', 60);
    expect(rs.every((r) => r.outcome === 'ok')).toBe(true);
    const b0 = podsOf(t, 'b')[0]?.metadata.name;
    for (const r of rs) expect(r.dst?.endsWith(r.pod === b0 ? ':8081' : ':8080')).toBe(true);
    expect(new Set(rs.map((r) => r.pod)).size).toBe(3);
    // Port 9000 only reaches the pods that name an `admin` port.
    const admin = requests(t, from, 'http://mp:9000', 20);
    expect(admin.every((r) => r.outcome === 'ok' && r.pod !== b0 && r.dst?.endsWith(':9000'))).toBe(
      true,
    );
  });

  it('E.2 each port of a multi-port Service has its own KUBE-SVC chain named by ns/svc:portName', () => {
    const a = deployment('a', {
      ports: [
        { name: 'web', containerPort: 8080 },
        { name: 'admin', containerPort: 9000 },
      ],
    });
    const svc = service('mp', {
      selector: { app: 'a' },
      ports: [
        { name: 'http', port: 80, targetPort: 'web' },
        { name: 'admin', port: 9000, targetPort: 'admin' },
      ],
    });
    const t = clusterOf([a, svc]).settle();
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    expect(text).toContain('"default/mp:http cluster IP"');
    expect(text).toContain('"default/mp:admin cluster IP"');
    expect(new Set(text.match(/KUBE-SVC-[A-Z2-7]{16}/g)).size).toBe(3); // + the kubernetes Service
  });
});

describe('EndpointSlices', () => {
  it('D.1 at most 100 endpoints per slice', () => {
    const t = clusterOf([
      deployment('web', { replicas: 150 }),
      service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }),
    ]).settle();
    const sizes = t.c.ctl.sliceIndex
      .slicesFor('default/web')
      .map((s) => s.endpoints.length)
      .sort((a, b) => b - a);
    expect(sizes).toEqual([100, 50]);
    expect(t.endpoints('web')).toHaveLength(150);
  });
});
