// What a pod is in the lesson's story: a backend (some Service selects it), a client (its group
// sends requests), or neither; and how its STATUS text should look.
import type { PodView } from '../../engine/index';
import type { EngineMirror } from '../stores/mirror';
import { podGroup } from '../stores/podMemory';
import { selects } from '../stores/serviceEndpoints';

export type PodRole = 'client' | 'backend' | 'other';

export function podRole(m: Pick<EngineMirror, 'services' | 'clientGroups'>, pod: PodView): PodRole {
  if (m.services.some((s) => selects(s, pod))) return 'backend';
  if (m.clientGroups[podGroup(pod)]) return 'client';
  return 'other';
}

export type StatusTone = 'ok' | 'pending' | 'leaving' | 'bad';

/** The colour family of a kubectl STATUS text. */
export function statusTone(status: string): StatusTone {
  if (status === 'Running') return 'ok';
  if (status === 'Terminating' || status === 'Completed' || status === 'Terminated')
    return 'leaving';
  if (['Pending', 'ContainerCreating', 'PodInitializing'].includes(status)) return 'pending';
  if (status.startsWith('Init:')) return 'pending';
  return 'bad';
}
