import type { ProcessStack } from '@devzone/testkit';
import { describeExchange, exchange } from './exchange';
import { Load, type ReadExchange } from './load';
import { errorProblems, oneZone, provinceDirectory, provinceWide, type Fault, type Reading } from './readings';
import type { Attempt, SelectionWriter } from './selectionWriter';

export interface PhaseContext {
  readonly stack: ProcessStack;
  readonly writer: SelectionWriter;
  /** The mix of reads; each phase sends every other one to the faulty zones. */
  readonly readings: readonly Reading[];
  /** What the readers send: a national analyst, who is not shown the administrators' failure details. */
  readonly authorization: string;
  readonly zoneIds: readonly string[];
  /** Concurrent reading clients. */
  readonly clients: number;
}

export interface FaultSteps {
  /** Starts the fault. */
  inject(): Promise<void>;
  /** How long the fault lasts once injected (the load keeps running). */
  readonly lastsMs: number;
  /** While the fault is on, after `lastsMs` (e.g. wait for /ready to say so). */
  during?(): Promise<void>;
  /** Ends the fault; the gateway is never restarted. */
  heal(): Promise<void>;
}

export interface PhaseOutcome {
  readonly reads: readonly ReadExchange[];
  readonly writes: readonly Attempt[];
  /** When the system answered cleanly again, since the fault ended. */
  readonly recoveredAfterMs: number;
  readonly recoveredAt: number;
}

const STEADY_MS = 500;
const AFTER_RECOVERY_MS = 1500;
const RECOVERY_LIMIT_MS = 30_000;
const POLL_MS = 250;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the load and the writer, injects the fault, heals it, waits until the answers are clean again and goes on a little. */
export async function underLoad(context: PhaseContext, phase: string, fault: Fault, steps: FaultSteps): Promise<PhaseOutcome> {
  const { stack, writer } = context;
  const load = new Load({
    url: stack.gatewayUrl,
    authorization: context.authorization,
    clients: context.clients,
    readings: focusedOn(context.readings, fault),
  });
  writer.start(phase);
  try {
    await sleep(STEADY_MS);
    await steps.inject();
    await sleep(steps.lastsMs);
    await steps.during?.();
    await steps.heal();
    const healedAt = Date.now();
    const recoveredAt = await waitUntilClean(context, fault);
    await sleep(AFTER_RECOVERY_MS);
    return { reads: await load.stop(), writes: await writer.stop(), recoveredAfterMs: recoveredAt - healedAt, recoveredAt };
  } finally {
    await load.stop();
    await writer.stop();
  }
}

/** Every other reading is one of the faulty zones' (the mix unchanged when the province is the faulty part). */
function focusedOn(readings: readonly Reading[], fault: Fault): Reading[] {
  const focus = 'zoneIds' in fault ? readings.filter((reading) => reading.zoneId !== undefined && fault.zoneIds.includes(reading.zoneId)) : [];
  return focus.length === 0 ? [...readings] : readings.flatMap((reading, i) => [reading, focus[i % focus.length]!]);
}

/**
 * Polls a province-wide read, the directory (a read that always reaches the province), a
 * read of each faulty zone and the load's lookups of their enterprises until all answer
 * without any error. The lookups are the province's own
 * requests to the zone services: its breakers are its own, apart from the gateway's.
 */
async function waitUntilClean(context: PhaseContext, fault: Fault): Promise<number> {
  const faultyZones = 'zoneIds' in fault ? fault.zoneIds : [];
  const lookups = context.readings.filter(
    (reading) => reading.label === 'one enterprise' && reading.zoneId !== undefined && faultyZones.includes(reading.zoneId),
  );
  const probes = [provinceWide(context.zoneIds), provinceDirectory(context.zoneIds), ...faultyZones.map(oneZone), ...lookups];
  const giveUpAt = Date.now() + RECOVERY_LIMIT_MS;
  let last = '';
  while (Date.now() < giveUpAt) {
    const answers = await Promise.all(
      probes.map((probe) => exchange(context.stack.gatewayUrl, context.authorization, probe.label, probe.query, probe.variables)),
    );
    const dirty = answers.filter((answer, i) => answer.status !== 200 || answer.body.errors || probes[i]!.problems(answer.body, null).length > 0);
    if (dirty.length === 0) return Date.now();
    last = dirty.map(describeExchange).join('\n');
    await sleep(POLL_MS);
  }
  throw new Error(`no recovery within ${RECOVERY_LIMIT_MS} ms of the fault's end; last answers:\n${last}\n${context.stack.output()}`);
}

/**
 * What is wrong with the reads of a phase: a status other than 200, an answer
 * later than `boundMs`, an error that is not the faulty part's ZONE_UNAVAILABLE
 * or leaks detail, a missing zone not named, a wrong entity; after recovery, any
 * error at all.
 */
export function readProblems(outcome: PhaseOutcome, fault: Fault, boundMs: number): string[] {
  return outcome.reads.flatMap((read) => {
    const during = read.startedAt < outcome.recoveredAt ? fault : null;
    const problems = [
      ...(read.status === 200 ? [] : [`HTTP ${read.status}`]),
      ...(read.ms <= boundMs ? [] : [`answered after ${read.ms} ms (bound ${boundMs} ms)`]),
      ...errorProblems(read.body, during),
      ...read.reading.problems(read.body, during),
    ];
    return problems.length === 0 ? [] : [`${problems.join('; ')} — ${describeExchange(read)}`];
  });
}

/** Reads whose answer names the faulty part: the fault was seen, not slept through. */
export function namingFault(outcome: PhaseOutcome, fault: Fault): number {
  return outcome.reads.filter((read) =>
    (read.body.errors ?? []).some((error) => error.extensions?.code === 'ZONE_UNAVAILABLE' && error.extensions.service === fault.service),
  ).length;
}

/** Writes answered later than the bound. */
export function slowWrites(outcome: PhaseOutcome, boundMs: number): string[] {
  return outcome.writes.filter((write) => write.exchange.ms > boundMs).map((write) => describeExchange(write.exchange));
}
