// A pod's probes as one line each, in the words of its spec (readinessProbe: httpGet
// :8080/healthz every 10s …), read from the pod object. Pure.

interface Probe {
  httpGet?: { path?: string; port?: number | string };
  tcpSocket?: { port?: number | string };
  exec?: { command?: string[] };
  grpc?: { port?: number };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  failureThreshold?: number;
  successThreshold?: number;
  timeoutSeconds?: number;
}

const KINDS = ['startupProbe', 'livenessProbe', 'readinessProbe'] as const;

/** One line per probe of every container, e.g. `web readinessProbe: httpGet :8080/ready, every 5s`. */
export function describeProbes(pod: unknown): string[] {
  const containers = (pod as { spec?: { containers?: unknown[] } } | null)?.spec?.containers;
  if (!Array.isArray(containers)) return [];
  const out: string[] = [];
  for (const c of containers) {
    const ct = c as Record<string, unknown> & { name?: string };
    for (const kind of KINDS) {
      const p = ct[kind] as Probe | undefined;
      if (!p || typeof p !== 'object') continue;
      const how = p.httpGet
        ? `httpGet :${String(p.httpGet.port ?? '')}${p.httpGet.path ?? '/'}`
        : p.tcpSocket
          ? `tcpSocket :${String(p.tcpSocket.port ?? '')}`
          : p.exec
            ? `exec ${(p.exec.command ?? []).join(' ')}`
            : p.grpc
              ? `grpc :${p.grpc.port ?? ''}`
              : '?';
      const timing = [
        p.initialDelaySeconds ? `delay ${p.initialDelaySeconds}s` : '',
        `every ${p.periodSeconds ?? 10}s`,
        `failureThreshold ${p.failureThreshold ?? 3}`,
      ]
        .filter(Boolean)
        .join(', ');
      out.push(`${ct.name ?? ''} ${kind}: ${how}, ${timing}`.trim());
    }
  }
  return out;
}
