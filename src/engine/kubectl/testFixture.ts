// A small cluster for the kubectl tests: bare pods with fixed names, one Service of every type and
// a Deployment, with no traffic so that long stretches of virtual time cost nothing.
import { testCluster, type TestCluster } from '../testing/driver';
import { parseDuration } from '../util/duration';
import type { CommandResult } from '../commands/result';
import { runKubectl } from './run';
import { splitArgs } from '../commands/argv';
import type { KubectlContext } from './commands/registry';

const POD = (name: string, extra = '') => `
  apiVersion: v1
  kind: Pod
  metadata:
    name: ${name}
    labels:
      app: web${extra}
  spec:
    containers:
      - name: web
        image: nginx:1.27
        ports:
          - containerPort: 8080`;

/** The scenario text. */
export const FIXTURE = `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata:
  name: kubectl-fixture
cluster:
  nodes: 2
  seed: 7
manifests: |
${[
  POD('web-1'),
  POD('web-2'),
  `
  apiVersion: v1
  kind: Service
  metadata:
    name: web
    labels:
      tier: front
  spec:
    selector:
      app: web
    ports:
      - name: http
        port: 80
        targetPort: 8080`,
  `
  apiVersion: v1
  kind: Service
  metadata:
    name: web-np
  spec:
    type: NodePort
    selector:
      app: web
    ports:
      - port: 80
        targetPort: 8080
        nodePort: 30080`,
  `
  apiVersion: v1
  kind: Service
  metadata:
    name: web-lb
  spec:
    type: LoadBalancer
    selector:
      app: web
    ports:
      - port: 80
        targetPort: 8080
        nodePort: 30081`,
  `
  apiVersion: v1
  kind: Service
  metadata:
    name: docs
  spec:
    type: ExternalName
    externalName: docs.example.com`,
  `
  apiVersion: v1
  kind: Service
  metadata:
    name: empty
  spec:
    selector:
      app: nothing
    ports:
      - port: 80`,
  `
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: api
    labels:
      app: api
  spec:
    replicas: 2
    selector:
      matchLabels:
        app: api
    template:
      metadata:
        labels:
          app: api
      spec:
        containers:
          - name: api
            image: hashicorp/http-echo:1.0
            ports:
              - containerPort: 5678`,
].join('\n  ---')}
`;

/** A fresh fixture cluster advanced to `at` (default 30 s: everything Running, LB provisioned). */
export function fixture(at: string | number = '30s'): TestCluster {
  const t = testCluster(FIXTURE);
  t.advance(typeof at === 'number' ? at : (parseDuration(at) ?? 0));
  return t;
}

/** Runs a kubectl command line (without the word kubectl) against a test cluster. */
export function k(t: TestCluster, line: string, ctx: KubectlContext = {}): CommandResult {
  const words = splitArgs(line);
  if ('error' in words) throw new Error(words.error);
  return runKubectl(t.c, words, ctx);
}

/** Advances a test cluster to an absolute virtual time. */
export function at(t: TestCluster, ms: number): TestCluster {
  t.engine.advanceTo(ms);
  return t;
}
