// The scenario format (DESIGN.md §3), after parsing and defaulting.
import type { ProxyMode } from '../cluster';

/** A localized text: one string per language. */
export type LocalizedText = { en?: string; es?: string } | string;

export interface ScenarioTraffic {
  name?: string;
  from: string;
  url: string;
  rps?: number;
}

export interface ScenarioTimelineEntry {
  at: string;
  run: string;
}

/** A scenario as written in YAML. */
export interface Scenario {
  apiVersion: 'kubeplay.dev/v1';
  kind: 'Scenario';
  metadata: { name: string; title?: LocalizedText; description?: LocalizedText };
  cluster?: {
    nodes?: number | { name: string; labels?: Record<string, string> }[];
    proxyMode?: ProxyMode;
    ipvsScheduler?: 'rr' | 'lc' | 'sh';
    seed?: number;
    serviceCIDR?: string;
    podCIDR?: string;
    /** Services the canvas does not draw, standing in for the rest of a big cluster (scale lessons). */
    backgroundServices?: { count: number; endpoints?: number };
  };
  manifests?: string;
  traffic?: ScenarioTraffic[];
  timeline?: ScenarioTimelineEntry[];
}
