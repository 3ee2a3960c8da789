// Builds every controller of a cluster and connects them to the store, in the order a real control
// plane starts them. The only place that knows all controllers.
import { ApiServer } from '../api/apiServer';
import type { Pod } from '../api/types';
import type { Cluster } from '../cluster';
import { ClusterDns } from '../network/dns';
import { KubeProxy } from '../network/kubeProxy';
import { SliceIndex } from '../network/sliceIndex';
import { ClusterIpAllocator, NodePortAllocator } from '../network/serviceAlloc';
import { TrafficController } from '../traffic/generators';
import { DeploymentController } from './deployment';
import { EndpointSliceController } from './endpointslice';
import { Kubelet } from './kubelet';
import { Nodes } from './nodes';
import { ReplicaSetController } from './replicaset';
import { Scheduler } from './scheduler';

/** Every component of the simulated cluster. */
export interface Controllers {
  api: ApiServer;
  allocators: {
    clusterIPs: ClusterIpAllocator;
    nodePorts: NodePortAllocator;
    nextLoadBalancer: number;
  };
  nodes: Nodes;
  scheduler: Scheduler;
  kubelet: Kubelet;
  replicaSets: ReplicaSetController;
  deployments: DeploymentController;
  sliceIndex: SliceIndex;
  endpointSlices: EndpointSliceController;
  proxy: KubeProxy;
  dns: ClusterDns;
  traffic: TrafficController;
}

/** Creates the controllers, boots the nodes and the built-in Services. */
export function wireControllers(c: Cluster): void {
  const cfg = c.config;
  c.ctl = {
    api: new ApiServer(c),
    allocators: {
      clusterIPs: new ClusterIpAllocator(cfg.serviceCIDR),
      nodePorts: new NodePortAllocator(cfg.nodePortRange.base, cfg.nodePortRange.size),
      nextLoadBalancer: 0,
    },
  } as Controllers;
  c.ctl.nodes = new Nodes(c);
  c.ctl.sliceIndex = new SliceIndex(c);
  c.ctl.scheduler = new Scheduler(c);
  c.ctl.kubelet = new Kubelet(c);
  c.ctl.replicaSets = new ReplicaSetController(c);
  c.ctl.deployments = new DeploymentController(c);
  c.ctl.endpointSlices = new EndpointSliceController(c);
  c.ctl.proxy = new KubeProxy(c);
  c.ctl.dns = new ClusterDns(c);
  c.ctl.traffic = new TrafficController(c);
  c.store.onChange((ch) => {
    if (ch.kind === 'Pod' && ch.obj) {
      const h = c.podHistory.get((ch.obj as Pod).metadata.uid);
      if (h) h.pod = ch.obj as Pod;
    }
  });
  c.ctl.nodes.boot();
  c.ctl.proxy.boot();
  // The well-known addresses (A.1): kubernetes = .1 and kube-dns = .10 of the service range.
  c.ctl.allocators.clusterIPs.allocateIp(c.ctl.dns.serverIP);
}
