// Scenarios the canvas specs open through share links (made with the app's own codec), for what
// the built-in lessons do not show: Local traffic policy without a local endpoint (DROP), a
// Service without endpoints (REJECT), and clusters with many pods.
import { encodeShare } from '../src/app/share/codec';

/** The query and hash that open `scenario` at virtual time `at` (replaying nothing). */
export function linkTo(scenario: string, at = 20_000, query = ''): string {
  const code = encodeShare({
    v: 1,
    scenario,
    log: [],
    at,
    view: { mode: 'dataplane', speed: 1, playing: true },
  });
  return `${query}#s=${code}`;
}

const indent = (text: string) => text.replace(/^/gm, '  ');

function scenario(name: string, nodes: number, manifests: string, traffic: string): string {
  return `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata: {name: ${name}}
cluster: {nodes: ${nodes}, seed: 5}
manifests: |
${indent(manifests)}
traffic:
${indent(traffic)}
`;
}

const deployment = (name: string, replicas: number, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      ${extra}containers: [{name: ${name}, image: "hashicorp/http-echo:1.0", ports: [{containerPort: 8080}]}]`;

/**
 * One web pod, pinned to node-1, behind a NodePort Service; a browser outside calls both nodes'
 * addresses. With externalTrafficPolicy Local, node-2 has no local endpoint and its rules DROP the
 * packet; with Cluster, node-2 DNATs it to node-1's pod and SNATs it (masquerade).
 */
function nodePort(policy: 'Local' | 'Cluster'): string {
  return scenario(
    `nodeport-${policy.toLowerCase()}`,
    2,
    `${deployment('web', 1, 'nodeSelector: {kubernetes.io/hostname: node-1}\n      ')}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  externalTrafficPolicy: ${policy}
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]`,
    `- {from: external, url: "http://172.18.0.3:30080", rps: 2}
- {from: external, url: "http://172.18.0.2:30080", rps: 2}`,
  );
}

export const LOCAL_DROP = nodePort('Local');
export const NODEPORT_SNAT = nodePort('Cluster');

/** A client calls a Service whose selector matches no pod: the rules REJECT (refused). */
export const NO_ENDPOINTS = scenario(
  'no-endpoints',
  2,
  `${deployment('client', 1)}
---
apiVersion: v1
kind: Service
metadata: {name: ghost}
spec:
  selector: {app: nobody}
  ports: [{port: 80, targetPort: 8080}]`,
  `- {from: app=client, url: "http://ghost", rps: 2}`,
);

/** `backends` backend pods and `clients` clients on `nodes` nodes, each client at `rps`. */
export function manyPods(backends: number, clients: number, nodes: number, rps: number): string {
  return scenario(
    'many-pods',
    nodes,
    `${deployment('backend', backends)}
---
apiVersion: v1
kind: Service
metadata: {name: backend-service}
spec: {selector: {app: backend}, ports: [{port: 80, targetPort: 8080}]}
---
${deployment('frontend', clients)}`,
    `- {from: app=frontend, url: "http://backend-service", rps: ${rps}}`,
  );
}
