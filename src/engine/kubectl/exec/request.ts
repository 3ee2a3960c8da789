// One HTTP request from inside a pod for the exec tools: the data plane decides the outcome
// (DNS, kube-proxy rules, the backend), recorded in the trace like any other request.
import type { Cluster } from '../../cluster';
import type { Pod } from '../../api/types';
import { parseUrl, sendRequest } from '../../network/dataplane';
import type { RequestRecord } from '../../trace';

/** A program's output inside the container. */
export interface ProgramResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Sends a request with the pod as client. */
export function requestFrom(c: Cluster, pod: Pod, url: string, tool: string): RequestRecord {
  return sendRequest(
    c,
    {
      name: pod.metadata.name,
      ip: pod.status.podIP ?? '',
      node: pod.spec.nodeName ?? null,
      namespace: pod.metadata.namespace ?? 'default',
    },
    url,
    `kubectl-exec:${tool}`,
  );
}

/** Host and port as the tool sees them (the URL's own host name, before DNS). */
export function hostPort(url: string): { host: string; port: number } | null {
  const u = parseUrl(url);
  return u ? { host: u.host, port: u.port } : null;
}

/** The body every simulated container answers with: its pod's name. */
export function responseBody(r: RequestRecord): string {
  return `${r.pod ?? ''}\n`;
}
