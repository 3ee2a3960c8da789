// The table of implemented subcommands.
import { APPLY_FLAGS, runApply } from './apply';
import { CREATE_FLAGS, runCreate } from './create';
import { DELETE_FLAGS, runDelete } from './delete';
import { DESCRIBE_FLAGS, runDescribe } from './describe';
import { EXEC_FLAGS, runExec } from './exec';
import { EXPOSE_FLAGS, runExpose } from './expose';
import { GET_FLAGS, runGet } from './get';
import { INFO_FLAGS, runApiResources, runClusterInfo, runVersion } from './info';
import { LABEL_FLAGS, runLabel } from './label';
import { NODE_FLAGS, runNodeCommand } from './nodes';
import { PATCH_FLAGS, runPatch } from './patch';
import type { Subcommand } from './registry';
import { ROLLOUT_FLAGS, runRollout } from './rollout';
import { SCALE_FLAGS, runScale } from './scale';
import { SET_FLAGS, runSet } from './set';

export const COMMANDS: Record<string, Subcommand> = {
  get: { flags: GET_FLAGS, run: runGet, short: 'Display one or many resources.' },
  describe: {
    flags: DESCRIBE_FLAGS,
    run: runDescribe,
    short: 'Show details of a specific resource or group of resources.',
  },
  delete: {
    flags: DELETE_FLAGS,
    run: runDelete,
    short:
      'Delete resources by file names, stdin, resources and names, or by resources and label selector.',
  },
  scale: {
    flags: SCALE_FLAGS,
    run: runScale,
    short: 'Set a new size for a deployment or replica set.',
  },
  apply: {
    flags: APPLY_FLAGS,
    run: (c, p, ctx) => runApply(c, p, ctx, 'apply'),
    short: 'Apply a configuration to a resource by file name.',
  },
  create: {
    flags: CREATE_FLAGS,
    run: runCreate,
    short: 'Create a resource from a file or from stdin.',
  },
  expose: {
    flags: EXPOSE_FLAGS,
    run: runExpose,
    short: 'Expose a resource as a new Kubernetes service.',
  },
  set: { flags: SET_FLAGS, run: runSet, short: 'Configure application resources.' },
  rollout: { flags: ROLLOUT_FLAGS, run: runRollout, short: 'Manage the rollout of a resource.' },
  label: {
    flags: LABEL_FLAGS,
    run: (c, p) => runLabel(c, p, 'labels'),
    short: 'Update the labels on a resource.',
  },
  annotate: {
    flags: LABEL_FLAGS,
    run: (c, p) => runLabel(c, p, 'annotations'),
    short: 'Update the annotations on a resource.',
  },
  cordon: {
    flags: NODE_FLAGS,
    run: (c, p) => runNodeCommand(c, p, 'cordon'),
    short: 'Mark node as unschedulable.',
  },
  uncordon: {
    flags: NODE_FLAGS,
    run: (c, p) => runNodeCommand(c, p, 'uncordon'),
    short: 'Mark node as schedulable.',
  },
  drain: {
    flags: NODE_FLAGS,
    run: (c, p) => runNodeCommand(c, p, 'drain'),
    short: 'Drain node in preparation for maintenance.',
  },
  exec: { flags: EXEC_FLAGS, run: runExec, short: 'Execute a command in a container.' },
  patch: { flags: PATCH_FLAGS, run: runPatch, short: 'Update fields of a resource.' },
  top: {
    flags: [
      { name: 'all-namespaces', short: 'A', kind: 'bool' },
      { name: 'selector', short: 'l', kind: 'string' },
      { name: 'containers', kind: 'bool' },
    ],
    run: () => ({ stdout: '', stderr: 'error: Metrics API not available\n', exitCode: 1 }),
    short: 'Display resource (CPU/memory) usage.',
  },
  version: {
    flags: INFO_FLAGS,
    run: runVersion,
    short: 'Print the client and server version information for the current context.',
  },
  'cluster-info': { flags: INFO_FLAGS, run: runClusterInfo, short: 'Display cluster information.' },
  'api-resources': {
    flags: INFO_FLAGS,
    run: runApiResources,
    short: 'Print the supported API resources on the server.',
  },
};
