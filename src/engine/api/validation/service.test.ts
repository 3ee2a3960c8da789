import { describe, expect, it } from 'vitest';
import { errorsOf, textsOf } from './testSupport';

const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

function svc(spec: string, name = 'backend-service'): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec}`;
}

const ONE_PORT = `  selector:
    app: backend
  ports:
  - port: 80
    targetPort: 8080`;

describe('Service names (DNS-1035 label)', () => {
  it('rejects underscores and capitals', () => {
    expect(textsOf(svc(ONE_PORT, 'Backend_Service'))).toEqual([
      `metadata.name: Invalid value: "Backend_Service": ${DNS1035}`,
    ]);
  });
  it('rejects a leading digit, which a Deployment name would allow', () => {
    expect(textsOf(svc(ONE_PORT, '1backend'))).toEqual([
      `metadata.name: Invalid value: "1backend": ${DNS1035}`,
    ]);
  });
  it('rejects names longer than 63 characters', () => {
    const long = 'a'.repeat(64);
    expect(textsOf(svc(ONE_PORT, long))).toEqual([
      `metadata.name: Invalid value: "${long}": must be no more than 63 characters`,
    ]);
  });
});

describe('Service ports', () => {
  it('port 0 is invalid, and so is the targetPort it defaults to', () => {
    const errs = errorsOf(svc('  ports:\n  - port: 0'));
    expect(errs.map((e) => [e.field, e.type])).toEqual([
      ['spec.ports[0].port', 'FieldValueInvalid'],
      ['spec.ports[0].targetPort', 'FieldValueInvalid'],
    ]);
    expect(textsOf(svc('  ports:\n  - port: 0'))[0]).toBe(
      `spec.ports[0].port: Invalid value: 0: ${PORT_RANGE}`,
    );
  });
  it('rejects 65536 and -1', () => {
    expect(textsOf(svc('  ports:\n  - port: 65536\n    targetPort: 8080'))).toEqual([
      `spec.ports[0].port: Invalid value: 65536: ${PORT_RANGE}`,
    ]);
    expect(textsOf(svc('  ports:\n  - port: -1\n    targetPort: 8080'))).toEqual([
      `spec.ports[0].port: Invalid value: -1: ${PORT_RANGE}`,
    ]);
  });
  it('a named targetPort longer than 15 characters is too long', () => {
    expect(textsOf(svc('  ports:\n  - port: 80\n    targetPort: http-web-frontend'))).toEqual([
      'spec.ports[0].targetPort: Invalid value: "http-web-frontend": must be no more than 15 characters',
    ]);
  });
  it('a named targetPort must be lower case with a letter', () => {
    expect(textsOf(svc('  ports:\n  - port: 80\n    targetPort: HTTP_1'))).toEqual([
      'spec.ports[0].targetPort: Invalid value: "HTTP_1": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.ports[0].targetPort: Invalid value: "HTTP_1": must contain at least one letter (a-z)',
    ]);
  });
  it('a quoted number is a port name, not a number', () => {
    expect(textsOf(svc('  ports:\n  - port: 80\n    targetPort: "8080"'))).toEqual([
      'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)',
    ]);
  });
  it('protocol HTTP is not a transport protocol', () => {
    const errs = errorsOf(svc('  ports:\n  - port: 80\n    protocol: HTTP'));
    expect(errs).toEqual([
      {
        type: 'FieldValueNotSupported',
        field: 'spec.ports[0].protocol',
        badValue: 'HTTP',
        detail: 'supported values: "SCTP", "TCP", "UDP"',
      },
    ]);
  });
  it('several ports must all be named', () => {
    expect(textsOf(svc('  ports:\n  - port: 80\n  - port: 443'))).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[1].name: Required value',
    ]);
  });
  it('port names must be unique DNS-1123 labels', () => {
    expect(
      textsOf(svc('  ports:\n  - name: web\n    port: 80\n  - name: web\n    port: 443')),
    ).toEqual(['spec.ports[1].name: Duplicate value: "web"']);
    expect(textsOf(svc('  ports:\n  - name: HTTP\n    port: 80'))).toEqual([
      `spec.ports[0].name: Invalid value: "HTTP": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });
  it('the same port and protocol twice is a duplicate (rendered as the internal ServicePort)', () => {
    expect(
      textsOf(
        svc('  ports:\n  - name: a\n    port: 80\n  - name: b\n    port: 80\n    targetPort: 81'),
      ),
    ).toEqual([
      'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    ]);
  });
  it('the same port on TCP and UDP is fine (kube-dns)', () => {
    expect(
      textsOf(
        svc(
          '  ports:\n  - name: dns\n    port: 53\n    protocol: UDP\n  - name: dns-tcp\n    port: 53',
        ),
      ),
    ).toEqual([]);
  });
  it('ports are required unless headless or ExternalName', () => {
    expect(textsOf(svc('  selector:\n    app: x'))).toEqual(['spec.ports: Required value']);
    expect(textsOf(svc('  clusterIP: None\n  selector:\n    app: x'))).toEqual([]);
  });
});

describe('Service type rules', () => {
  it('type values are case-sensitive', () => {
    expect(textsOf(svc(`  type: Clusterip\n${ONE_PORT}`))).toEqual([
      'spec.type: Unsupported value: "Clusterip": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });
  it('headless is only for ClusterIP', () => {
    expect(textsOf(svc(`  type: NodePort\n  clusterIP: None\n${ONE_PORT}`))).toEqual([
      `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
    ]);
    expect(textsOf(svc(`  type: LoadBalancer\n  clusterIP: None\n${ONE_PORT}`))).toEqual([
      `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`,
    ]);
  });
  it('nodePort is forbidden on a ClusterIP Service', () => {
    expect(textsOf(svc('  ports:\n  - port: 80\n    nodePort: 30080'))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });
  it('nodePorts must be unique per protocol', () => {
    const spec =
      '  type: NodePort\n  ports:\n  - name: a\n    port: 80\n    nodePort: 30080\n  - name: b\n    port: 81\n    nodePort: 30080';
    expect(textsOf(svc(spec))).toEqual(['spec.ports[1].nodePort: Duplicate value: 30080']);
  });
  it('externalTrafficPolicy only for externally-accessible Services', () => {
    expect(textsOf(svc(`  externalTrafficPolicy: Local\n${ONE_PORT}`))).toEqual([
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ]);
    expect(textsOf(svc(`  type: NodePort\n  externalTrafficPolicy: Local\n${ONE_PORT}`))).toEqual(
      [],
    );
    expect(textsOf(svc(`  type: NodePort\n  externalTrafficPolicy: Global\n${ONE_PORT}`))).toEqual([
      'spec.externalTrafficPolicy: Unsupported value: "Global": supported values: "Cluster", "Local"',
    ]);
  });
  it('internalTrafficPolicy values', () => {
    expect(textsOf(svc(`  internalTrafficPolicy: Node\n${ONE_PORT}`))).toEqual([
      'spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"',
    ]);
  });
  it('ExternalName needs a DNS-1123 subdomain in externalName', () => {
    expect(textsOf(svc('  type: ExternalName'))).toEqual(['spec.externalName: Required value']);
    expect(textsOf(svc('  type: ExternalName\n  externalName: db.example.com.'))).toEqual([]);
    expect(textsOf(svc('  type: ExternalName\n  externalName: my_db.example.com'))).toEqual([
      `spec.externalName: Invalid value: "my_db.example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });
  it('clusterIP must be an IP address or None', () => {
    expect(textsOf(svc(`  clusterIP: 10.96.0.300\n${ONE_PORT}`))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
    expect(textsOf(svc(`  clusterIP: 10.96.0.50\n${ONE_PORT}`))).toEqual([]);
  });
});

describe('Service session affinity and selector', () => {
  it('sessionAffinity values', () => {
    expect(textsOf(svc(`  sessionAffinity: Sticky\n${ONE_PORT}`))).toEqual([
      'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
    ]);
  });
  it('ClientIP timeoutSeconds must be in (0, 86400]', () => {
    const affinity = (t: number): string =>
      svc(
        `  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: ${t}\n${ONE_PORT}`,
      );
    expect(textsOf(affinity(0))).toEqual([
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
    ]);
    expect(textsOf(affinity(86401))).toEqual([
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400',
    ]);
    expect(textsOf(affinity(86400))).toEqual([]);
  });
  it('selector values must be label values', () => {
    expect(textsOf(svc('  selector:\n    app: web app\n  ports:\n  - port: 80'))).toEqual([
      `spec.selector: Invalid value: "web app": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
  });
});

describe('Service updates', () => {
  const old = svc(`  clusterIP: 10.96.0.50\n${ONE_PORT}`);
  it('the primary clusterIP may not change once set', () => {
    expect(textsOf(svc(`  clusterIP: 10.96.0.51\n${ONE_PORT}`), old)).toEqual([
      'spec.clusterIPs[0]: Invalid value: ["10.96.0.51"]: may not change once set',
    ]);
  });
  it('leaving clusterIP out keeps the allocated one (no error)', () => {
    expect(textsOf(svc(ONE_PORT), old)).toEqual([]);
  });
});
