import { loadavg } from 'node:os';
import { runLoad } from '../load';
import { performance } from 'node:perf_hooks';
import { note, secondsSince } from '../progress';
import { sampleSequential } from '../sample';
import { askGraphQL, type Asking } from '../sideBySide/httpClient';
import { databasesOf, syntheticSystemSpecs, type ProcessSystem } from '../sideBySide/processSystem';
import { summarize } from '../stats';
import { cpuWindow, sumOfReadings } from '../cpuWindow';
import { processCpuMs, processTreeCpuMs } from '../processCpu';
import { noCpuRounds, renderProvince, type CpuRole, type ProvinceRow } from './provinceTable';
import { PROVINCE_SHAPES, type ProvinceShape } from './shapes';
import type { ProvinceSizes } from './sizes';
import { withSuiteProcesses } from '../sideBySide/suiteProcesses';
import type { ProcessSuiteRun } from '../processSuiteMain';

function emptyRow(zones: number, shape: ProvinceShape): ProvinceRow {
  return {
    zones,
    shape: shape.name,
    targetMs: shape.targetMs,
    sequential: { count: 0, p50: [], p95: [] },
    concurrent: { throughput: [], p50: [] },
    cpu: noCpuRounds(),
    failed: 0,
  };
}

function failure(row: ProvinceRow, error: unknown): void {
  row.failed += 1;
  row.firstError ??= error instanceof Error ? error.message : String(error);
}

/** CPU used so far by each role's processes, ms (undefined where one cannot be read). */
function cpuNow(system: ProcessSystem, databasePid: number): Record<CpuRole, number | undefined> {
  const { gateway, province, zoneServices } = system.servicePids;
  return {
    gateway: processCpuMs(gateway),
    province: processCpuMs(province),
    zoneServices: sumOfReadings(zoneServices.map(processCpuMs)),
    postgres: processTreeCpuMs(databasePid),
  };
}

/**
 * One system's rounds: every shape is checked once (a figure over a wrong answer
 * would mislead), then each round measures every shape one request at a time and
 * then at `concurrency` in flight, shape after shape.
 */
async function measureSystem(system: ProcessSystem, databasePid: number, zones: number, sizes: ProvinceSizes): Promise<ProvinceRow[]> {
  const asking: Asking = { kind: 'credential', authorization: system.credential };
  const planned = PROVINCE_SHAPES.map((shape) => ({
    shape,
    row: emptyRow(zones, shape),
    ask: () => askGraphQL(system.gatewayUrl, asking, shape.query, shape.variables),
    usable: true,
  }));
  for (const plan of planned) {
    try {
      plan.shape.check(await plan.ask(), zones);
    } catch (error) {
      failure(plan.row, error);
      plan.usable = false;
    }
  }
  for (let round = 1; round <= sizes.rounds; round += 1) {
    note(`${zones} zones: round ${round}/${sizes.rounds}, load average ${loadavg()[0]!.toFixed(2)}`);
    for (const { row, ask } of planned.filter((p) => p.usable)) {
      try {
        const s = summarize(await sampleSequential(ask, sizes.sequential));
        row.sequential.count += s.count;
        row.sequential.p50.push(s.p50);
        row.sequential.p95.push(s.p95);
      } catch (error) {
        failure(row, error);
      }
      const cpu = cpuWindow(() => cpuNow(system, databasePid));
      const load = await runLoad(ask, {
        concurrency: sizes.concurrency,
        durationMs: sizes.windowMs,
        maxRequests: sizes.maxRequests,
        warmupRequests: sizes.warmupRequests,
        window: cpu,
      }).catch((error: unknown) => {
        failure(row, error);
        return undefined;
      });
      if (!load) continue;
      row.failed += load.failed;
      if (load.firstError) row.firstError ??= load.firstError;
      if (load.completed > 0) {
        row.concurrent.throughput.push(load.throughput);
        row.concurrent.p50.push(summarize(load.latencies).p50);
        for (const [role, ms] of Object.entries(cpu.perRequest(load.completed)) as [CpuRole, number][]) row.cpu[role].push(ms);
      }
    }
  }
  return planned.map((p) => p.row);
}

/**
 * The province suite: PostgreSQL, 4 synthetic zone services, the province and
 * this gateway, each its own process (NODE_ENV=production), once per zone count;
 * the load generator is this process. Issue #11's province-scale shapes, one
 * request at a time and at `concurrency` in flight.
 */
export async function runProvince(sizes: ProvinceSizes, onStarted: (stop: () => Promise<void>) => void = () => undefined): Promise<ProcessSuiteRun> {
  const loadBefore = loadavg()[0]!;
  const rows: ProvinceRow[] = [];
  await withSuiteProcesses('devzone-province-', onStarted, async (suite) => {
    const specs = syntheticSystemSpecs(suite.tempDir, 'province', sizes.zoneCounts, sizes.enterprisesPerZone);
    note('province: starting PostgreSQL (a process)');
    let started = performance.now();
    const database = await suite.startDatabase(specs.flatMap((spec) => databasesOf(`p${spec.zones}`, spec)));
    note(`province: PostgreSQL ready in ${secondsSince(started)}`);
    for (const spec of specs) {
      note(
        `province: starting ${spec.zones} synthetic zones × ${spec.enterprisesPerZone} enterprises on ${spec.services} zone services, the province and the gateway (each a process)`,
      );
      started = performance.now();
      const system = await suite.startSystem(`p${spec.zones}`, spec);
      note(`province: ${spec.zones} zones ready (seeded) in ${secondsSince(started)}`);
      started = performance.now();
      rows.push(...(await measureSystem(system, database.pid, spec.zones, sizes)));
      note(`province: ${spec.zones} zones measured in ${secondsSince(started)}`);
      await suite.stopSystem();
    }
  });
  return {
    text: renderProvince(rows, sizes),
    loadAverage: { before: loadBefore, after: loadavg()[0]! },
    failed: rows.some((row) => row.failed > 0),
  };
}
