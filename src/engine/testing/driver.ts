// A small fluent driver for engine tests: build a cluster from a scenario, advance time, look around.
import { Engine } from '../engine';
import type { RequestRecord } from '../trace';
import { parseDuration } from '../util/duration';
import type { PodView } from '../view';

/** Test handle over an engine. */
export class TestCluster {
  constructor(readonly engine: Engine) {}

  get c() {
    return this.engine.cluster;
  }

  advance(d: string | number): this {
    this.engine.advanceBy(typeof d === 'number' ? d : (parseDuration(d) ?? 0));
    return this;
  }

  settle(): this {
    this.engine.settle();
    return this;
  }

  run(cmd: string) {
    return this.engine.exec(cmd);
  }

  pods(selector?: Record<string, string>): PodView[] {
    return this.engine
      .view()
      .pods.filter(
        (p) => !selector || Object.entries(selector).every(([k, v]) => p.labels[k] === v),
      );
  }

  /** Ready endpoint IPs of a Service, from its EndpointSlices. */
  endpoints(service: string): string[] {
    return this.c.ctl.sliceIndex
      .slicesFor(`default/${service}`)
      .flatMap((s) =>
        s.endpoints.filter((e) => e.conditions.ready).map((e) => e.addresses[0] ?? ''),
      )
      .sort();
  }

  requests(filter: (r: RequestRecord) => boolean = () => true): RequestRecord[] {
    return this.c.requests.filter(filter);
  }
}

/** Builds a test cluster or throws with the scenario's errors. */
export function testCluster(scenario: string): TestCluster {
  const r = Engine.create(scenario);
  if (!r.ok) throw new Error(r.message);
  return new TestCluster(r.engine);
}
