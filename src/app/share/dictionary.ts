// The preset DEFLATE dictionary of share format v1: text that share codes are likely to repeat
// (the seed lesson, common Service and Deployment YAML, kubectl and chaos commands, the payload's
// JSON keys), so a lesson with a small edit compresses to a few hundred characters.
// FROZEN: every v1 link ever made decodes with exactly these bytes. Never edit this file; a better
// dictionary is a new format version (formats.ts). dictionary.test.ts pins its checksum.

/** JSON string body (no quotes) of `text`, as it appears inside the payload's JSON. */
const esc = (text: string): string => JSON.stringify(text).slice(1, -1);

const SERVICE_TYPES = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      protocol: TCP
      port: 80
      targetPort: 8080
      nodePort: 30080
---
apiVersion: v1
kind: Service
metadata:
  name: web-lb
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  internalTrafficPolicy: Cluster
  sessionAffinity: ClientIP
  selector:
    app: web
  ports:
    - port: 443
      targetPort: 8443
---
apiVersion: v1
kind: Service
metadata:
  name: db-headless
spec:
  clusterIP: None
  selector:
    app: db
  ports:
    - port: 5432
---
apiVersion: v1
kind: Service
metadata:
  name: external-api
spec:
  type: ExternalName
  externalName: api.example.com
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: default
spec:
  nodeName: node-1
  restartPolicy: Always
  containers:
    - name: client
      image: busybox:1.36
      resources:
        requests:
          cpu: 100m
          memory: 64Mi
      lifecycle:
        preStop:
          exec:
            command: ["sleep", "5"]
      readinessProbe:
        httpGet:
          path: /healthz
          port: 8080
        initialDelaySeconds: 2
        periodSeconds: 5
        failureThreshold: 3
      livenessProbe:
        tcpSocket:
          port: 8080
  terminationGracePeriodSeconds: 30
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: web-abc12
  labels:
    kubernetes.io/service-name: web
addressType: IPv4
endpoints:
  - addresses: ["10.244.1.5"]
    conditions:
      ready: true
ports:
  - port: 8080
strategy:
  type: RollingUpdate
  rollingUpdate:
    maxSurge: 1
    maxUnavailable: 0
`;

const COMMANDS = [
  'chaos fail-readiness -l app=backend --count 1',
  'chaos pass-readiness -l app=backend',
  'chaos fail-node node-2',
  'chaos recover-node node-2',
  'chaos crash -l app=backend --count 1',
  'chaos kill-pod -l app=backend --count 1',
  'kubectl scale deployment backend --replicas=5',
  'kubectl rollout restart deployment backend',
  'kubectl label pod backend- app=other --overwrite',
  'kubectl delete pod -l app=backend',
  'kubectl delete pod backend-',
];

const SEED_MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: backend
  labels:
    app: backend
spec:
  replicas: 3
  selector:
    matchLabels:
      app: backend
  template:
    metadata:
      labels:
        app: backend
    spec:
      containers:
        - name: backend
          image: hashicorp/http-echo:1.0
          args: ["-listen=:8080", "-text=hello from backend"]
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: backend-service
spec:
  selector:
    app: backend
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  labels:
    app: frontend
spec:
  replicas: 2
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
        - name: frontend
          image: curlimages/curl:8.11.1
          command: ["sh", "-c", "while true; do curl -s http://backend-service; sleep 0.5; done"]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: legacy-client
  labels:
    app: legacy-client
spec:
  replicas: 1
  selector:
    matchLabels:
      app: legacy-client
  template:
    metadata:
      labels:
        app: legacy-client
    spec:
      containers:
        - name: legacy-client
          image: curlimages/curl:8.11.1
          # Hard-coded pod IP: works until that pod is replaced.
          command: ["sh", "-c", "while true; do curl -s http://10.244.2.2:8080; sleep 1; done"]
`;

const SEED_SCENARIO = `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata:
  name: seed-services
  title:
    en: Pods die, IPs change — the Service keeps working
    es: Los pods mueren, las IP cambian — el Service sigue funcionando
cluster:
  nodes: 3
  proxyMode: iptables
  seed: 1
manifests: |
${SEED_MANIFESTS.replace(/^(?=.)/gm, '  ')}traffic:
  - name: frontend-to-service
    from: app=frontend
    url: http://backend-service
    rps: 2
  - name: legacy-to-pod-ip
    from: app=legacy-client
    url: http://10.244.2.2:8080
    rps: 1
`;

/** The v1 dictionary as text; the most likely content comes last (DEFLATE favours near matches). */
export const DICTIONARY_V1_TEXT =
  esc(SERVICE_TYPES) +
  esc(
    'proxyMode: ipvs\nproxyMode: nftables\nipvsScheduler: rr\ntimeline:\n  - at: 10s\n    run: ',
  ) +
  COMMANDS.map((c) => `{"at":0,"run":"${esc(c)}"},`).join('') +
  `{"at":0,"apply":"${esc(SEED_MANIFESTS)}"}` +
  `{"v":1,"scenario":"${esc(SEED_SCENARIO)}","log":[{"at":` +
  `,"run":"kubectl delete pod backend-"}],"at":` +
  `,"view":{"mode":"dataplane","speed":1,"playing":false},"lang":"en"}` +
  `,"view":{"mode":"concept","speed":1,"playing":true},"lang":"es"}`;

/** The v1 dictionary's bytes (UTF-8). */
export const DICTIONARY_V1: Uint8Array = new TextEncoder().encode(DICTIONARY_V1_TEXT);
