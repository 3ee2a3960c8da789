// Generated load scenarios for the browser benches, opened through a share link made by the app's
// own codec (so the page starts already at a chosen virtual time, pods running, traffic flowing).
import type { Browser, Page } from '@playwright/test';
import { encodeShare } from '../../src/app/share/codec';
import type { ViewMode } from '../../src/app/url';
import { BASE, freshPage } from './harness';

/** The shape of a load: backends behind one Service, clients calling it at `rps` each. */
export interface Load {
  backends: number;
  clients: number;
  nodes: number;
  rps: number;
}

/** 40 backends + 10 clients on 8 nodes: enough traffic to keep the canvas at its 200 packets. */
export const FIFTY_PODS: Load = { backends: 40, clients: 10, nodes: 8, rps: 25 };
/** 480 backends + 20 clients on 20 nodes: the aggregate density, packets on the canvas layer. */
export const FIVE_HUNDRED_PODS: Load = { backends: 480, clients: 20, nodes: 20, rps: 2 };

/** The scenario file (kubeplay.dev/v1 Scenario) for `load`. */
export function scenarioYaml(load: Load): string {
  const deployment = (name: string, replicas: number, port: boolean) => `  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ${name}}
  spec:
    replicas: ${replicas}
    selector: {matchLabels: {app: ${name}}}
    template:
      metadata: {labels: {app: ${name}}}
      spec: {containers: [{name: ${name}, image: "hashicorp/http-echo:1.0"${port ? ', ports: [{containerPort: 8080}]' : ''}}]}`;
  return `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata: {name: browser-bench}
cluster: {nodes: ${load.nodes}, seed: 3}
manifests: |
${deployment('backend', load.backends, true)}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: backend-service}
  spec: {selector: {app: backend}, ports: [{port: 80, targetPort: 8080}]}
  ---
${deployment('frontend', load.clients, false)}
traffic:
  - {from: app=frontend, url: "http://backend-service", rps: ${load.rps}}
`;
}

/**
 * A fresh page with `load` opened at virtual time `atMs`, playing at 1×, in view `mode`; resolves
 * once a pod is Running and the page has had `settleMs` to fill its pipes with packets.
 */
export async function openLoad(
  browser: Browser,
  load: Load,
  mode: ViewMode,
  atMs: number,
  settleMs = 3000,
): Promise<Page> {
  const code = encodeShare({
    v: 1,
    scenario: scenarioYaml(load),
    log: [],
    at: atMs,
    view: { mode, speed: 1, playing: true },
  });
  const page = await freshPage(browser);
  await page.goto(`${BASE}?view=${mode}#s=${code}`);
  await page.waitForSelector('[data-testid=pod][data-status=Running]', { timeout: 120_000 });
  await page.waitForTimeout(settleMs);
  return page;
}
