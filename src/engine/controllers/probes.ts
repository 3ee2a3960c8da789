// Probe timing with the API server's defaults (B.1): period 10 s, timeout 1 s, success 1, failure 3.
import type { Probe } from '../api/types';

export type ProbeKind = 'readiness' | 'liveness';

/** Effective timing of a probe, in milliseconds and counts. */
export function probeTiming(p: Probe): {
  initialDelayMs: number;
  periodMs: number;
  successThreshold: number;
  failureThreshold: number;
} {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: Math.max(1, p.periodSeconds ?? 10) * 1000,
    successThreshold: Math.max(1, p.successThreshold ?? 1),
    failureThreshold: Math.max(1, p.failureThreshold ?? 3),
  };
}
