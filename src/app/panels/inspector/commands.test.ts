import { describe, expect, it } from 'vitest';
import { deploymentOf, labelCommand, podCommands, scaleCommand } from './commands';

describe('inspector commands', () => {
  it('are the console lines a learner could type', () => {
    expect(podCommands.kill('backend-7d9-abcde')).toBe('chaos kill-pod backend-7d9-abcde');
    expect(podCommands.failReadiness('p')).toBe('chaos fail-readiness p');
    expect(scaleCommand('backend', 4)).toBe('kubectl scale deployment/backend --replicas=4');
    expect(scaleCommand('backend', -1)).toBe('kubectl scale deployment/backend --replicas=0');
  });

  it('label: refuses what kubectl would not take as typed', () => {
    expect(labelCommand('p', 'app', 'debug')).toBe('kubectl label pod p app=debug --overwrite');
    expect(labelCommand('p', 'app', 'two words')).toBeNull();
    expect(labelCommand('p', '', 'x')).toBeNull();
    expect(labelCommand('p', 'app', '')).toBe('kubectl label pod p app= --overwrite');
  });

  it('finds the Deployment behind a ReplicaSet-owned pod', () => {
    const deps = [{ name: 'backend' }];
    const pod = { owner: 'backend-5c9f8', labels: { 'pod-template-hash': '5c9f8' } };
    expect(deploymentOf(pod, deps)).toBe('backend');
    expect(deploymentOf({ owner: null, labels: {} }, deps)).toBeNull();
  });
});
