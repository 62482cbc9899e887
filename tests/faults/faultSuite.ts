import { startProcessStack, type ProcessStack, type ProcessStackOptions, type ZoneServiceName } from '@devzone/testkit';
import { exchange } from './exchange';
import { namingFault, readProblems, slowWrites, type PhaseContext, type PhaseOutcome } from './faultPhase';
import { oneEnterprise, oneZone, provinceWide, type Fault, type Reading, type ZoneFault } from './readings';
import { SelectionWriter } from './selectionWriter';

/** Short deadlines, so that a fault costs seconds, not the defaults' tens of seconds. */
export const ZONE_TIMEOUT_MS = 1500;
export const PROVINCE_TIMEOUT_MS = 2500;
export const REQUEST_TIMEOUT_MS = 3000;
export const BREAKER_FAILURE_THRESHOLD = 3;
export const BREAKER_COOL_DOWN_MS = 1000;
/** Every answer, reads and writes, within the request deadline plus this (2 cores shared by 7 processes and the clients). */
export const MARGIN_MS = 2000;
export const BOUND_MS = REQUEST_TIMEOUT_MS + MARGIN_MS;
export const CLIENTS = 4;
/** How long each fault lasts with the load running. */
export const FAULT_MS = 2500;

export const DEADLINE_ENV = {
  ZONE_TIMEOUT_MS: String(ZONE_TIMEOUT_MS),
  PROVINCE_TIMEOUT_MS: String(PROVINCE_TIMEOUT_MS),
  GATEWAY_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  BREAKER_FAILURE_THRESHOLD: String(BREAKER_FAILURE_THRESHOLD),
  BREAKER_COOL_DOWN_MS: String(BREAKER_COOL_DOWN_MS),
  // One credential for all readers: the rate limit is not what these files test.
  GATEWAY_RATE_LIMIT_PER_SECOND: '0',
};

/** The province's requests to the zone services: the same deadlines and breakers, within the gateway's deadline for the province. */
export const PROVINCE_DEADLINE_ENV = {
  ZONE_TIMEOUT_MS: String(ZONE_TIMEOUT_MS),
  PROVINCE_TIMEOUT_MS: String(PROVINCE_TIMEOUT_MS),
  BREAKER_FAILURE_THRESHOLD: String(BREAKER_FAILURE_THRESHOLD),
  BREAKER_COOL_DOWN_MS: String(BREAKER_COOL_DOWN_MS),
};

export interface FaultSuite {
  readonly stack: ProcessStack;
  readonly context: PhaseContext;
  readonly gatewayPid: number;
}

/** A process stack with the short deadlines, a national analyst for the load and the writer, and the mix of reads. */
export async function startFaultSuite(options: Omit<ProcessStackOptions, 'gatewayEnv' | 'provinceEnv'>): Promise<FaultSuite> {
  const stack = await startProcessStack({ ...options, gatewayEnv: DEADLINE_ENV, provinceEnv: PROVINCE_DEADLINE_ENV });
  try {
    const zoneIds = Object.values(stack.zoneIdsOf).flat();
    const analyst = stack.token.tokenFor('faults-analyst', ['ANALYST']);
    const context: PhaseContext = {
      stack,
      authorization: analyst,
      writer: new SelectionWriter(stack.gatewayUrl, analyst, `faults-${Date.now()}`),
      readings: await mixedReadings(stack, zoneIds, analyst),
      zoneIds,
      clients: CLIENTS,
    };
    return { stack, context, gatewayPid: stack.gateway.pid };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/** Province-wide reads, then one zone and one of its enterprises, in turn over every zone. */
async function mixedReadings(stack: ProcessStack, zoneIds: readonly string[], authorization: string): Promise<Reading[]> {
  const everything = provinceWide(zoneIds);
  const first = await exchange(stack.gatewayUrl, authorization, everything.label, everything.query);
  const problems = [...(first.body.errors ?? []).map((error) => error.message), ...everything.problems(first.body, null)];
  if (problems.length > 0) throw new Error(`the stack does not answer cleanly before any fault: ${problems.join('; ')}`);
  const zones = (first.body.data as { zones: { id: string; enterprises: { items: { id: string }[] } }[] }).zones;
  return zones.flatMap((zone) => {
    const enterprise = zone.enterprises.items[0];
    return [everything, oneZone(zone.id), ...(enterprise ? [oneEnterprise(enterprise.id)] : [])];
  });
}

export const zoneFault = (stack: ProcessStack, service: ZoneServiceName): ZoneFault => ({ service, zoneIds: stack.zoneIdsOf[service] });

/** The checks every fault must pass, with the failing exchanges in the message. */
export function expectHeld(suite: FaultSuite, outcome: PhaseOutcome, fault: Fault): void {
  const problems = readProblems(outcome, fault, BOUND_MS);
  if (problems.length > 0) throw new Error(`${problems.length} of ${outcome.reads.length} answers are wrong:\n${problems.slice(0, 10).join('\n')}`);
  expect(slowWrites(outcome, BOUND_MS)).toEqual([]);
  expect(namingFault(outcome, fault)).toBeGreaterThan(0);
  expect(outcome.reads.length).toBeGreaterThan(CLIENTS * 5);
  // Recovered without restarting the gateway.
  expect(suite.stack.gateway.pid).toBe(suite.gatewayPid);
  expect(suite.stack.gateway.isRunning()).toBe(true);
}
