/* global window, document, location, URL, URLSearchParams */
// The embed example's logic (a separate file: the page's Content-Security-Policy allows no inline
// script). Embeds kubeplay, listens to its messages and sends it commands.
//
// ?app=<url> says where kubeplay is served (default: this page's own folder). Messages are
// accepted only from that iframe's window and that origin, and sent only to that origin.

const params = new URLSearchParams(location.search);
const appUrl = new URL(params.get('app') || './', location.href);
if (appUrl.protocol !== 'http:' && appUrl.protocol !== 'https:')
  throw new Error('?app must be http(s)');
const appOrigin = appUrl.origin;

const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('kubeplay'));
const log = /** @type {HTMLOListElement} */ (document.getElementById('log'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));

const src = new URL(appUrl);
src.searchParams.set('embed', '1');
src.searchParams.set('autoplay', params.get('autoplay') ?? '1');
frame.src = src.href;

/** Everything kubeplay said, for scripts and tests. */
const received = [];
window.kubeplayMessages = received;

function show(msg) {
  const li = document.createElement('li');
  li.dataset.type = msg.type;
  if (msg.type === 'kubeplay:event') {
    const e = msg.event;
    li.dataset.reason = e.reason;
    li.textContent = `${(e.t / 1000).toFixed(1)}s ${e.type} ${e.reason} ${e.object}: ${e.message}`;
  } else if (msg.type === 'kubeplay:error') {
    li.textContent = `error: ${msg.message}`;
  } else {
    li.textContent = msg.type;
  }
  log.append(li);
  log.scrollTop = log.scrollHeight;
}

window.addEventListener('message', (event) => {
  // Only the embedded kubeplay, from the origin we loaded it from.
  if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
  const msg = event.data;
  if (!msg || typeof msg.type !== 'string' || !msg.type.startsWith('kubeplay:')) return;
  received.push(msg);
  if (msg.type === 'kubeplay:ready') status.textContent = 'kubeplay is ready.';
  show(msg);
});

function send(msg) {
  frame.contentWindow?.postMessage(msg, appOrigin);
}

document.getElementById('play')?.addEventListener('click', () => send({ type: 'kubeplay:play' }));
document.getElementById('pause')?.addEventListener('click', () => send({ type: 'kubeplay:pause' }));
document.getElementById('command-form')?.addEventListener('submit', (e) => {
  e.preventDefault();
  const input = /** @type {HTMLInputElement} */ (document.getElementById('command'));
  send({ type: 'kubeplay:command', command: input.value });
});

const scenario = `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata:
  name: five-replicas
cluster:
  nodes: 2
manifests: |
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 5
    selector:
      matchLabels: { app: web }
    template:
      metadata:
        labels: { app: web }
      spec:
        containers:
          - name: web
            image: nginx:1.27
            ports:
              - containerPort: 80
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    selector: { app: web }
    ports:
      - port: 80
`;
document
  .getElementById('load')
  ?.addEventListener('click', () => send({ type: 'kubeplay:load', scenario }));
