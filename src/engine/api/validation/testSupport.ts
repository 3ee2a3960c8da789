// Test helpers for the validation and apply tests: YAML in, the API server's field errors out, and
// the manifests people copy. Test-only: engine source never imports it.
import { parse } from 'yaml';
import type { FieldError } from './fieldErrors';
import { errorText } from './fieldErrors';
import { validateManifestObject } from './index';

/** Parses one YAML document (YAML 1.1, like kubectl's go-yaml). */
export function y(text: string): Record<string, unknown> {
  return parse(text, { version: '1.1' }) as Record<string, unknown>;
}

/** Field errors of a manifest (optionally as an update of `old`). */
export function errorsOf(text: string, oldText?: string): FieldError[] {
  return validateManifestObject(y(text), oldText === undefined ? undefined : y(oldText)).errors;
}

/** The error texts (`<field>: <body>`) of a manifest. */
export function textsOf(text: string, oldText?: string): string[] {
  return errorsOf(text, oldText).map(errorText);
}

/**
 * A Deployment `web` whose single container gets `extra` (lines indented 8 spaces), or whose
 * container list is `containers` (lines indented 6 spaces) when given.
 */
export function withContainer(extra: string, containers?: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
${containers ?? `      - name: web\n        image: nginx:1.27\n${extra}`}`;
}

// ---- manifests people copy: each must apply (and validate) with no error ----------------------

/** The Deployment of the Kubernetes docs' Deployments page. */
export const NGINX_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`;

/** The Service of the Kubernetes docs' Services page. */
export const MY_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector:
    app.kubernetes.io/name: MyApp
  ports:
    - protocol: TCP
      port: 80
      targetPort: 9376
`;

/** `kubectl create deployment x --image=nginx --dry-run=client -o yaml`. */
export const KUBECTL_CREATE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: x
  name: x
spec:
  replicas: 1
  selector:
    matchLabels:
      app: x
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: x
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`;

/** `kubectl create service clusterip two-ports --tcp=80:8080 --tcp=443 --dry-run=client -o yaml`. */
export const KUBECTL_CREATE_SERVICE = `apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: two-ports
  name: two-ports
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  - name: "443"
    port: 443
    protocol: TCP
    targetPort: 443
  selector:
    app: two-ports
  type: ClusterIP
status:
  loadBalancer: {}
`;
