import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack } from '@devzone/testkit';

/**
 * A figure a zone system enters is a reported figure for the province's analytics: it
 * appears in comparisons as soon as it is written, with its own provenance (ZONE_SYSTEM).
 */
let stack: RunningStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

interface ComparedCell {
  value: number | null;
  status: string;
  period: string | null;
  provenance: { kind: string } | null;
}

async function jinjiangPartyOrgs(period: string): Promise<ComparedCell> {
  const body = await postGraphQL<{ compareZones: { rows: { zone: { id: string }; cells: ComparedCell[] }[] } }>(
    stack.gatewayUrl,
    `query ($period: String) {
      compareZones(zoneIds: ["jinjiang"], indicators: ["party_org.count"], period: $period) {
        rows { zone { id } cells { value status period provenance { kind } } }
      }
    }`,
    { period },
  );
  expect(body.errors).toBeUndefined();
  return body.data!.compareZones.rows[0]!.cells[0]!;
}

it('a figure entered by the zone system is compared at once, as a reported figure with its own kind', async () => {
  expect((await jinjiangPartyOrgs('2031')).status).toBe('MISSING');
  const entered = await postGraphQL<{ upsertIndicatorReport: { outcome: string } }>(
    stack.gatewayUrl,
    'mutation { upsertIndicatorReport(zoneId: "jinjiang", input: { code: "party_org.count", period: "2031", value: 300 }) { outcome } }',
  );
  expect(entered.errors).toBeUndefined();
  expect(entered.data!.upsertIndicatorReport.outcome).toBe('CREATED');
  expect(await jinjiangPartyOrgs('2031')).toEqual({ value: 300, status: 'PRESENT', period: '2031', provenance: { kind: 'ZONE_SYSTEM' } });
});
