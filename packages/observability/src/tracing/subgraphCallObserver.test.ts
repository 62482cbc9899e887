import { createServiceMetrics } from '../metrics/serviceMetrics';
import { SubgraphFetchMetrics } from '../metrics/subgraphFetchMetrics';
import { subgraphCallObserver } from './subgraphCallObserver';

describe('subgraphCallObserver', () => {
  it("counts each service's calls under its own labels: zone services under the zones subgraph, the province under its name", async () => {
    const { registry } = createServiceMetrics();
    const observer = subgraphCallObserver('zones', new SubgraphFetchMetrics(registry));
    for (let i = 0; i < 2; i += 1) {
      await observer.watch({ kind: 'zone', name: 'anhui' }, async (watch) => watch.sent(0.01, 'answered'));
    }
    await observer.watch({ kind: 'zone', name: 'jiangsu' }, async (watch) => {
      watch.sent(0.02, 'failed');
      watch.failed('timeout', 'timed out after 20 ms');
    });
    await observer.watch({ kind: 'province', name: 'province' }, async (watch) => watch.sent(0.01, 'answered'));
    const counts = (await registry.getSingleMetric('subgraph_request_duration_seconds')?.get())?.values
      .filter((value) => (value as { metricName?: string }).metricName === 'subgraph_request_duration_seconds_count')
      .map((value) => [value.labels.subgraph, value.labels.service, value.labels.outcome, value.value]);
    expect(counts).toEqual([
      ['zones', 'anhui', 'answered', 2],
      ['zones', 'jiangsu', 'failed', 1],
      ['province', 'province', 'answered', 1],
    ]);
    const failures = (await registry.getSingleMetric('subgraph_request_failures_total')?.get())?.values.map((value) => [
      value.labels.service,
      value.labels.reason,
      value.value,
    ]);
    expect(failures).toEqual([['jiangsu', 'timeout', 1]]);
  });

  it('forgets a service that left: its series leave /metrics, the others stay, and a later call of that name starts a new series', async () => {
    const { registry } = createServiceMetrics();
    const observer = subgraphCallObserver('zones', new SubgraphFetchMetrics(registry));
    await observer.watch({ kind: 'zone', name: 'anhui' }, async (watch) => watch.sent(0.01, 'answered'));
    for (const name of ['jiangsu', 'jiangsu']) {
      await observer.watch({ kind: 'zone', name }, async (watch) => {
        watch.sent(0.02, 'failed');
        watch.failed('error', 'connection refused');
        watch.failed('breaker_open', 'open');
      });
    }
    const services = async () => (await registry.metrics()).match(/service="[a-z]+"/g)?.filter((label, i, all) => all.indexOf(label) === i);
    expect(await services()).toEqual(['service="anhui"', 'service="jiangsu"']);

    observer.forget({ kind: 'zone', name: 'jiangsu' });
    // A service never watched, and a kind never watched: nothing to forget.
    observer.forget({ kind: 'zone', name: 'hefei' });
    observer.forget({ kind: 'province', name: 'province' });
    expect(await services()).toEqual(['service="anhui"']);

    await observer.watch({ kind: 'zone', name: 'jiangsu' }, async (watch) => watch.sent(0.01, 'answered'));
    expect(await registry.metrics()).toContain('subgraph_request_duration_seconds_count{subgraph="zones",service="jiangsu",outcome="answered"} 1');
    expect(await registry.metrics()).not.toContain('outcome="failed"');
  });

  it('counts nothing for a call still under way when its service left: its series stay gone', async () => {
    const { registry } = createServiceMetrics();
    const observer = subgraphCallObserver('zones', new SubgraphFetchMetrics(registry));
    await observer.watch({ kind: 'zone', name: 'anhui' }, async (watch) => watch.sent(0.01, 'answered'));
    let finish!: () => void;
    const underWay = observer.watch({ kind: 'zone', name: 'jiangsu' }, async (watch) => {
      await new Promise<void>((resolve) => (finish = resolve));
      watch.sent(0.02, 'failed');
      watch.failed('timeout', 'timed out after 20 ms');
    });
    observer.forget({ kind: 'zone', name: 'jiangsu' });
    finish();
    await underWay;
    const text = await registry.metrics();
    expect(text).not.toContain('jiangsu');
    expect(text).toContain('service="anhui"');
  });

  it("answers with the call's own answer, and passes its failure on", async () => {
    const observer = subgraphCallObserver('zones');
    await expect(observer.watch({ kind: 'zone', name: 'anhui' }, async () => 42)).resolves.toBe(42);
    await expect(observer.watch({ kind: 'zone', name: 'anhui' }, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
  });
});
