import { describe, expect, it } from 'vitest';
import { fixture, k } from './testFixture';

const apiPod = (t: ReturnType<typeof fixture>) =>
  t.c.store.list('Pod').find((p) => p.metadata.labels?.app === 'api')?.metadata.name ?? '';

describe('kubectl exec -- curl', () => {
  it('prints the answering pod name, and the request is in the trace from that pod', () => {
    const t = fixture();
    const from = apiPod(t);
    const r = k(t, `exec ${from} -- curl -s http://web`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^web-[12]\n$/);
    expect(r.stderr).toBe('');
    const req = t.c.requests.at(-1);
    expect(req).toMatchObject({
      from,
      url: 'http://web',
      outcome: 'ok',
      generator: 'kubectl-exec:curl',
    });
  });

  it('without -s, curl shows its progress meter on stderr', () => {
    const r = k(fixture(), 'exec web-1 -- curl http://web.default.svc.cluster.local');
    expect(r.stderr).toMatch(
      /^ {2}% Total {4}% Received % Xferd {2}Average Speed {3}Time {4}Time {5}Time {2}Current\n {33}Dload {2}Upload {3}Total {3}Spent {4}Left {2}Speed\n100 {5}6 {2}100 {5}6 {4}0 {5}0 {2}[ \d]{5} {6}0 --:--:-- --:--:-- --:--:-- [ \d]{5}\n$/,
    );
  });

  it('connection refused by the REJECT rule of a Service without endpoints: exit 7', () => {
    const t = fixture();
    expect(k(t, 'exec web-1 -- curl -sS http://empty')).toEqual({
      stdout: '',
      stderr:
        'curl: (7) Failed to connect to empty port 80 after 0 ms: Could not connect to server\ncommand terminated with exit code 7\n',
      exitCode: 7,
    });
    expect(k(t, 'exec web-1 -- curl -s http://empty')).toEqual({
      stdout: '',
      stderr: 'command terminated with exit code 7\n',
      exitCode: 7,
    });
  });

  it('a name that does not resolve: exit 6', () => {
    expect(k(fixture(), 'exec web-1 -- curl -sS http://web-servic')).toEqual({
      stdout: '',
      stderr: 'curl: (6) Could not resolve host: web-servic\ncommand terminated with exit code 6\n',
      exitCode: 6,
    });
  });

  it('a port no rule matches times out: exit 28', () => {
    const ip = fixture().c.store.get('Service', 'default/web')?.spec.clusterIP;
    const t = fixture();
    expect(k(t, `exec web-1 -- curl -sS -m 1 http://${ip}:81`)).toEqual({
      stdout: '',
      stderr:
        'curl: (28) Connection timed out after 1001 milliseconds\ncommand terminated with exit code 28\n',
      exitCode: 28,
    });
    expect(k(t, `exec web-1 -- curl -sS http://${ip}:81`).stderr).toBe(
      `curl: (28) Failed to connect to ${ip} port 81 after 127000 ms: Could not connect to server\ncommand terminated with exit code 28\n`,
    );
  });

  it('the old IP of a replaced pod: no route to host after ARP fails (exit 7)', () => {
    const t = fixture();
    const ip = t.c.store.get('Pod', 'default/web-2')?.status.podIP;
    k(t, 'delete pod web-2 --force');
    expect(k(t, `exec web-1 -- curl -sS http://${ip}:8080`).stderr).toBe(
      `curl: (7) Failed to connect to ${ip} port 8080 after 3000 ms: Could not connect to server\ncommand terminated with exit code 7\n`,
    );
    expect(k(t, `exec web-1 -- curl -sS -m 1 http://${ip}:8080`).stderr).toBe(
      'curl: (28) Connection timed out after 1001 milliseconds\ncommand terminated with exit code 28\n',
    );
  });

  it('-w and -o work for scripts', () => {
    expect(
      k(fixture(), 'exec web-1 -- curl -s -o /dev/null -w %{http_code} http://web').stdout,
    ).toBe('200');
  });
});

describe('kubectl exec -- other tools', () => {
  it('wget -qO- prints the body; errors are BusyBox texts', () => {
    const t = fixture();
    expect(k(t, 'exec web-1 -- wget -qO- http://web').stdout).toMatch(/^web-[12]\n$/);
    const ip = t.c.store.get('Service', 'default/empty')?.spec.clusterIP;
    expect(k(t, 'exec web-1 -- wget -qO- http://empty')).toEqual({
      stdout: '',
      stderr: `wget: can't connect to remote host (${ip}): Connection refused\ncommand terminated with exit code 1\n`,
      exitCode: 1,
    });
    expect(k(t, 'exec web-1 -- wget -qO- http://nope').stderr).toBe(
      "wget: bad address 'nope'\ncommand terminated with exit code 1\n",
    );
  });

  it('nslookup answers along the search path, or NXDOMAIN', () => {
    const t = fixture();
    const ip = t.c.store.get('Service', 'default/web')?.spec.clusterIP;
    expect(k(t, 'exec web-1 -- nslookup web')).toEqual({
      stdout: `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`,
      stderr: '',
      exitCode: 0,
    });
    expect(k(t, 'exec web-1 -- nslookup nope')).toEqual({
      stdout:
        "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nope: NXDOMAIN\n\n",
      stderr: 'command terminated with exit code 1\n',
      exitCode: 1,
    });
  });

  it('nslookup -type=srv for named ports, and reverse lookups of ClusterIPs', () => {
    const t = fixture();
    const head = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';
    expect(k(t, 'exec web-1 -- nslookup -type=srv _http._tcp.web').stdout).toBe(
      `${head}_http._tcp.web.default.svc.cluster.local\tservice = 0 100 80 web.default.svc.cluster.local\n\n`,
    );
    expect(k(t, 'exec web-1 -- nslookup 10.96.0.1').stdout).toBe(
      `${head}1.0.96.10.in-addr.arpa\tname = kubernetes.default.svc.cluster.local\n\n`,
    );
  });

  it('cat /etc/resolv.conf shows ClusterFirst DNS; hostname and env', () => {
    const t = fixture();
    expect(k(t, 'exec web-1 -- cat /etc/resolv.conf').stdout).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    expect(k(t, 'exec web-1 -- hostname').stdout).toBe('web-1\n');
    const ip = t.c.store.get('Service', 'default/web')?.spec.clusterIP;
    expect(k(t, 'exec web-1 -- env').stdout).toContain(
      `\nWEB_SERVICE_HOST=${ip}\nWEB_SERVICE_PORT=80\nWEB_SERVICE_PORT_HTTP=80\n`,
    );
    expect(k(t, "exec web-1 -- sh -c 'echo hi'").stdout).toBe('hi\n');
  });
});

describe('kubectl exec errors', () => {
  it('a container that is not running yet', () => {
    expect(k(fixture(0), 'exec web-1 -- curl -s http://web')).toEqual({
      stdout: '',
      stderr: 'error: unable to upgrade connection: container not found ("web")\n',
      exitCode: 1,
    });
  });

  it.each([
    ['exec nope -- ls', 'Error from server (NotFound): pods "nope" not found\n'],
    [
      'exec web-1 ls',
      'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n',
    ],
  ])('%s', (line, stderr) => {
    expect(k(fixture(), line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('a program the image does not have', () => {
    const r = k(fixture(), 'exec web-1 -- ls /');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ls": executable file not found in \$PATH: unknown\n$/,
    );
  });

  it('a pod on a node that stopped answering', () => {
    const t = fixture();
    t.run('chaos fail-node node-1');
    const pod = t.c.store.list('Pod').find((p) => p.spec.nodeName === 'node-1')?.metadata.name;
    expect(k(t, `exec ${pod} -- hostname`)).toEqual({
      stdout: '',
      stderr: 'Error from server: error dialing backend: dial tcp 172.18.0.2:10250: i/o timeout\n',
      exitCode: 1,
    });
  });

  it('exec deploy/NAME picks one of its pods', () => {
    expect(k(fixture(), 'exec deploy/api -- hostname').stdout).toMatch(/^api-\w+-\w{5}\n$/);
  });
});
