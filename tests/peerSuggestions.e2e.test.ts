import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack } from '@devzone/testkit';

interface Cell {
  value: number | null;
  status: string;
  note: string | null;
  provenance: { kind: string; recordCompleteness: string | null } | null;
}
interface Gap {
  indicator: string;
  direction: string;
  gap: number | null;
  relativeGap: number | null;
  peerIsStronger: boolean | null;
  own: Cell;
  peer: Cell;
}
interface Peer {
  rank: number;
  zone: { id: string };
  score: number;
  similarity: number;
  industrySimilarity: number | null;
  sizeSimilarity: number | null;
  similarityNote: string;
  strongerOn: number;
  gaps: Gap[];
}
interface Answer {
  peerSuggestions: {
    zone: { id: string };
    consideredZones: number;
    peers: Peer[];
    notSuggested: { zone: { id: string }; reason: string; note: string }[];
    failedZones: { zoneId: string; service: string | null; message: string }[];
  };
}

const PEERS = /* GraphQL */ `
  query ($zoneId: ID!, $criteria: [CriterionInput!]!, $provinces: [String!], $limit: Int! = 3, $named: Boolean! = false) {
    peerSuggestions(zoneId: $zoneId, criteria: $criteria, provinces: $provinces, limit: $limit, computedOverNamedOnly: $named) {
      zone {
        id
      }
      consideredZones
      peers {
        rank
        zone {
          id
        }
        score
        similarity
        industrySimilarity
        sizeSimilarity
        similarityNote
        strongerOn
        gaps {
          indicator
          direction
          gap
          relativeGap
          peerIsStronger
          own {
            value
            status
            note
            provenance {
              kind
              recordCompleteness
            }
          }
          peer {
            value
            status
            note
            provenance {
              kind
              recordCompleteness
            }
          }
        }
      }
      notSuggested {
        zone {
          id
        }
        reason
        note
      }
      failedZones {
        zoneId
        service
        message
      }
    }
  }
`;

/** Criteria the zones report figures for (organizations, members); honors are only ever counted over named-only records. */
const CRITERIA = [{ indicator: 'party_org.count' }, { indicator: 'party_member.count' }];
const ALL_ZONES = ['changfeng', 'chengxi', 'chuzhou', 'dangtu', 'feixi', 'jinjiang', 'ningguo', 'suixi', 'yongkang'];

/** Peer learning on the seeded system: real zone services, province and gateway, GraphQL over HTTP. */
describe('peerSuggestions on the seeded stack', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const suggest = async (variables: Record<string, unknown>) => {
    const body = await postGraphQL<Answer>(stack.gatewayUrl, PEERS, variables);
    expect(body.errors).toBeUndefined();
    return body.data!.peerSuggestions;
  };

  it('suggests only zones stronger on a criterion, never the learner, and accounts for every other zone', async () => {
    const result = await suggest({ zoneId: 'chengxi', criteria: CRITERIA, limit: 20 });
    expect(result.zone.id).toBe('chengxi');
    expect(result.failedZones).toEqual([]);
    const listed = [...result.peers.map((p) => p.zone.id), ...result.notSuggested.map((e) => e.zone.id)];
    expect(listed.sort()).toEqual(ALL_ZONES.filter((id) => id !== 'chengxi'));
    expect(result.consideredZones).toBe(listed.length);
    expect(result.peers.length).toBeGreaterThan(0);
    for (const peer of result.peers) {
      expect(peer.strongerOn).toBeGreaterThan(0);
      expect(peer.gaps.filter((g) => g.peerIsStronger).length).toBe(peer.strongerOn);
      expect(peer.similarity).toBeGreaterThan(0);
      expect(peer.similarity).toBeLessThanOrEqual(1);
    }
    // Best first by score.
    const scores = result.peers.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(result.peers.map((p) => p.rank)).toEqual(result.peers.map((_, i) => i + 1));
    // Chuzhou reports no member count: that gap is null, never 0.
    expect(result.peers.find((p) => p.zone.id === 'chuzhou')!.gaps.find((g) => g.indicator === 'party_member.count')).toMatchObject({
      gap: null,
      relativeGap: null,
      peerIsStronger: null,
    });
    // Dangtu has no figures at all; Feixi and Changfeng only counts over the few organizations an article names.
    for (const zoneId of ['dangtu', 'feixi', 'changfeng']) expect(result.notSuggested.find((e) => e.zone.id === zoneId)?.reason).toBe('MISSING_FIGURES');
  });

  it('gives gaps consistent with the figures the zones state', async () => {
    const result = await suggest({ zoneId: 'chengxi', criteria: CRITERIA, limit: 20 });
    expect(result.peers.length).toBeGreaterThan(0);
    const ids = [result.zone.id, ...result.peers.map((p) => p.zone.id)];
    const figures = await postGraphQL<{ zones: { id: string; indicators: { code: string; value: number; provenance: { kind: string } }[] }[] }>(
      stack.gatewayUrl,
      `query ($ids: [ID!]) { zones(ids: $ids) { id indicators(codes: ["party_org.count", "party_member.count"]) { code value provenance { kind } } } }`,
      { ids },
    );
    expect(figures.errors).toBeUndefined();
    const stated = (zoneId: string, code: string) => figures.data!.zones.find((z) => z.id === zoneId)!.indicators.filter((i) => i.code === code);
    for (const peer of result.peers) {
      for (const gap of peer.gaps) {
        expect(gap.direction).toBe('BENEFIT');
        for (const [zoneId, cell] of [
          [result.zone.id, gap.own],
          [peer.zone.id, gap.peer],
        ] as const) {
          const candidates = stated(zoneId, gap.indicator);
          if (cell.value === null) expect(candidates).toEqual([]);
          else expect(candidates.some((f) => f.value === cell.value && f.provenance.kind === cell.provenance?.kind)).toBe(true);
          // PREFER_REPORTED: a computed figure is used only when the zone reports none, and only over complete records.
          if (cell.provenance?.kind === 'COMPUTED') {
            expect(candidates.some((f) => f.provenance.kind === 'REPORTED')).toBe(false);
            expect(cell.provenance.recordCompleteness).toBe('COMPLETE');
          }
        }
        if (gap.own.value === null || gap.peer.value === null) {
          expect(gap).toMatchObject({ gap: null, relativeGap: null, peerIsStronger: null });
        } else {
          expect(gap.gap).toBeCloseTo(gap.peer.value - gap.own.value, 4);
          expect(gap.peerIsStronger).toBe(gap.peer.value > gap.own.value);
          if (gap.own.value !== 0) expect(gap.relativeGap).toBeCloseTo((gap.peer.value - gap.own.value) / Math.abs(gap.own.value), 4);
        }
      }
    }
  });

  it('uses counts over named-only records only on opt-in, and the cells say so', async () => {
    const learn = [{ indicator: 'party_org.count' }, { indicator: 'honor.count' }];
    const byDefault = await suggest({ zoneId: 'changfeng', criteria: learn, limit: 20 });
    // Changfeng's only figures count the organizations and honors an article names: nothing to compare by default.
    expect(byDefault.peers).toEqual([]);
    expect(byDefault.notSuggested.every((e) => e.reason === 'MISSING_FIGURES')).toBe(true);
    expect(byDefault.notSuggested.find((e) => e.zone.id === 'yongkang')!.note).toContain('computedOverNamedOnly is off');

    const optedIn = await suggest({ zoneId: 'changfeng', criteria: learn, limit: 20, named: true });
    const yongkang = optedIn.peers.find((p) => p.zone.id === 'yongkang')!;
    expect(yongkang.strongerOn).toBe(2);
    const orgs = yongkang.gaps.find((g) => g.indicator === 'party_org.count')!;
    expect(orgs.own).toMatchObject({ value: 7, provenance: { kind: 'COMPUTED', recordCompleteness: 'NAMED_ONLY' } });
    expect(orgs.own.note).toContain('used because computedOverNamedOnly is on');
    expect(orgs.peer).toMatchObject({ value: 82, provenance: { kind: 'REPORTED', recordCompleteness: null } });
  });

  it('reads figures and industry profiles in one round trip per zone service, and none once the zone-read cache holds them', async () => {
    // Criteria no other test asks: the province's zone-read cache holds nothing for them yet.
    const criteria = [{ indicator: 'party_member.count' }, { indicator: 'red_flag_branch.count' }];
    const requests = () => Object.fromEntries(stack.zoneServices.map((s) => [s.name, s.stats.requests]));
    stack.zoneServices.forEach((s) => s.stats.reset());
    await suggest({ zoneId: 'ningguo', criteria });
    expect(requests()).toEqual({ yongkang: 1, chengxi: 1, jinjiang: 1, anhui: 1 });
    stack.zoneServices.forEach((s) => s.stats.reset());
    await suggest({ zoneId: 'ningguo', criteria });
    expect(requests()).toEqual({ yongkang: 0, chengxi: 0, jinjiang: 0, anhui: 0 });
  });

  it('looks only in the provinces asked', async () => {
    const result = await suggest({ zoneId: 'ningguo', criteria: CRITERIA, provinces: ['anhui'], limit: 20 });
    const listed = [...result.peers.map((p) => p.zone.id), ...result.notSuggested.map((e) => e.zone.id)];
    expect(listed.sort()).toEqual(['changfeng', 'chuzhou', 'dangtu', 'feixi', 'suixi']);
  });

  it('refuses bad input, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ zoneId: 'atlantis', criteria: CRITERIA }, 'zoneId'],
      [{ zoneId: 'feixi', criteria: [{ indicator: 'no.such' }] }, 'criteria[0].indicator'],
      [{ zoneId: 'feixi', criteria: [] }, 'criteria'],
      [{ zoneId: 'feixi', criteria: CRITERIA, provinces: ['atlantis'] }, 'provinces'],
      [{ zoneId: 'feixi', criteria: CRITERIA, limit: 21 }, 'limit'],
      [{ zoneId: 'feixi', criteria: [{ indicator: 'party_org.count', weight: -1 }] }, 'criteria[0].weight'],
    ];
    for (const [variables, field] of cases) {
      const body = await postGraphQL(stack.gatewayUrl, PEERS, variables);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors?.[0].message).toContain(field);
    }
  });

  // Last: it stops a zone service for the rest of this stack's life.
  it('reports a zone whose service is down instead of dropping it, for a peer and for the learner', async () => {
    await stack.stopZoneService('jinjiang');
    const result = await suggest({ zoneId: 'chengxi', criteria: CRITERIA, limit: 20 });
    expect(result.failedZones).toEqual([expect.objectContaining({ zoneId: 'jinjiang', service: 'jinjiang' })]);
    expect(result.notSuggested.find((e) => e.zone.id === 'jinjiang')).toMatchObject({ reason: 'ZONE_UNAVAILABLE' });
    expect(result.peers.map((p) => p.zone.id)).not.toContain('jinjiang');
    expect(result.consideredZones).toBe(8);
    expect(result.peers.length).toBeGreaterThan(0);

    const learnerDown = await suggest({ zoneId: 'jinjiang', criteria: CRITERIA });
    expect(learnerDown.failedZones.map((f) => f.zoneId)).toEqual(['jinjiang']);
    expect(learnerDown.peers).toEqual([]);
    expect(learnerDown.notSuggested).toHaveLength(8);
    expect(learnerDown.notSuggested.every((e) => e.reason === 'MISSING_FIGURES' && e.note.includes('unavailable'))).toBe(true);
  });
});
