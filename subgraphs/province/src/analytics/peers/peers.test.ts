import type { Cell } from '../cell';
import type { ResolvedCriterion } from '../criteria';
import { missingCell } from '../selectFigure';
import type { ZoneIndustryProfile } from '../../zoneReader/zoneReader';
import { criterionGap } from './criterionGap';
import { cosine, industryKey, industrySimilarity, type ProfileRead } from './industrySimilarity';
import { profileRead } from './readPeerInputs';
import { zoneSimilarity } from './similarity';
import { ratioSimilarity, sizeSimilarity } from './sizeSimilarity';
import { normalisedWeights, suggestPeers, type PeerAnalysisInput } from './suggestPeers';

/** Test helpers: a present cell, a missing cell and an industry profile. */
const present = (zoneId: string, code: string, value: number, over: Partial<Cell> = {}): Cell => ({
  zoneId,
  code,
  status: 'PRESENT',
  value,
  unit: 'count',
  qualifier: 'EXACT',
  period: '2023',
  periodBasis: 'stated',
  provenance: { kind: 'REPORTED', document: 'doc.txt', passage: 'p', computation: null },
  inputs: [],
  note: null,
  ...over,
});

const missing = (zoneId: string, code: string): Cell => missingCell(zoneId, code, 'no reported figure');

const profile = (zoneId: string, industries: Record<string, number>, unknownIndustry = 0, totalCount?: number): ProfileRead => {
  const read = Object.values(industries).reduce((s, n) => s + n, 0) + unknownIndustry;
  const value: ZoneIndustryProfile = {
    zoneId,
    industries: Object.entries(industries).map(([industry, enterprises]) => ({ industry, enterprises })),
    unknownIndustry,
    enterprisesRead: read,
    totalCount: totalCount ?? read,
    enterpriseRecords: 'COMPLETE',
  };
  return { kind: 'read', profile: value };
};

describe('industry similarity', () => {
  it('counts an industry under its text before any parenthesis, lower-cased', () => {
    expect(industryKey('Logistics (freight park for truck drivers)')).toBe('logistics');
    expect(industryKey('  Household  Appliances（烤箱）')).toBe('household appliances');
  });

  it('is the cosine of enterprise counts per industry', () => {
    expect(
      cosine(
        new Map([
          ['a', 2],
          ['b', 1],
        ]),
        new Map([
          ['a', 4],
          ['b', 2],
        ]),
      ),
    ).toBeCloseTo(1, 10);
    expect(cosine(new Map([['a', 1]]), new Map([['b', 1]]))).toBe(0);
    // (1·1 + 1·0) / (√2 · 1)
    expect(
      cosine(
        new Map([
          ['a', 1],
          ['b', 1],
        ]),
        new Map([['a', 1]]),
      ),
    ).toBeCloseTo(1 / Math.SQRT2, 10);
    const part = industrySimilarity(profile('x', { logistics: 1, chemicals: 1 }), profile('y', { 'Logistics (port)': 3 }));
    expect(part.value).toBeCloseTo(1 / Math.SQRT2, 4);
    expect(part.sharedIndustries).toEqual(['logistics']);
  });

  it('is null, with a note, when a side has no industry data or could not be read', () => {
    const none = industrySimilarity(profile('x', {}, 4), profile('y', { logistics: 1 }));
    expect(none).toMatchObject({ value: null, sharedIndustries: [] });
    expect(none.note).toContain('the learner');
    const down = industrySimilarity(profile('x', { logistics: 1 }), { kind: 'unavailable', reason: 'Zone "y" is unavailable' });
    expect(down.value).toBeNull();
    expect(down.note).toContain('Zone "y" is unavailable');
  });

  it('says when a profile is a sample', () => {
    expect(industrySimilarity(profile('x', { logistics: 500 }, 0, 730), profile('y', { logistics: 2 })).note).toContain('sample of 500 of 730');
  });
});

describe('size similarity', () => {
  it('is 1 − |ln(a/b)| / ln 10, clipped to [0, 1]', () => {
    expect(ratioSimilarity(50, 50)).toBe(1);
    expect(ratioSimilarity(10, 20)).toBeCloseTo(1 - Math.log(2) / Math.log(10), 10);
    expect(ratioSimilarity(20, 10)).toBe(ratioSimilarity(10, 20));
    expect(ratioSimilarity(1, 10)).toBeCloseTo(0, 10);
    expect(ratioSimilarity(1, 1000)).toBe(0);
    expect(ratioSimilarity(0, 5)).toBe(0);
    expect(ratioSimilarity(0, 0)).toBe(1);
  });

  it('averages over the size figures both zones have, and is null when they share none', () => {
    const learner = { 'enterprise.count': present('x', 'enterprise.count', 100), 'party_org.count': present('x', 'party_org.count', 10) };
    const both = sizeSimilarity(learner, {
      'enterprise.count': present('y', 'enterprise.count', 100),
      'party_org.count': present('y', 'party_org.count', 100),
    });
    expect(both.value).toBeCloseTo(0.5, 4);
    const one = sizeSimilarity(learner, { 'enterprise.count': missing('y', 'enterprise.count'), 'party_org.count': present('y', 'party_org.count', 20) });
    expect(one.value).toBeCloseTo(1 - Math.log(2) / Math.log(10), 4);
    expect(one.note).toContain('not compared: enterprise.count (peer has none)');
    const none = sizeSimilarity(learner, {});
    expect(none.value).toBeNull();
  });
});

describe('overall similarity', () => {
  it('is the mean of the parts that are available', () => {
    const cells = { 'party_org.count': present('x', 'party_org.count', 10) };
    const both = zoneSimilarity(
      { profile: profile('x', { a: 1 }), cells },
      { profile: profile('y', { a: 1 }), cells: { 'party_org.count': present('y', 'party_org.count', 100) } },
    );
    expect(both).toMatchObject({ industry: 1, size: 0, value: 0.5 });
    const sizeOnly = zoneSimilarity({ profile: profile('x', {}), cells }, { profile: profile('y', { a: 1 }), cells });
    expect(sizeOnly).toMatchObject({ industry: null, size: 1, value: 1 });
    const neither = zoneSimilarity({ profile: profile('x', {}), cells: {} }, { profile: profile('y', { a: 1 }), cells });
    expect(neither.value).toBeNull();
  });
});

const benefit: ResolvedCriterion = { indicator: 'party_org.count', weight: 1, direction: 'benefit', bounds: null };
const cost: ResolvedCriterion = { ...benefit, direction: 'cost' };

describe('criterionGap', () => {
  it('is peer − own for a benefit criterion and own − peer for a cost criterion', () => {
    expect(criterionGap(benefit, present('x', benefit.indicator, 40), present('y', benefit.indicator, 50))).toMatchObject({
      gap: 10,
      relativeGap: 0.25,
      peerIsStronger: true,
    });
    expect(criterionGap(cost, present('x', cost.indicator, 40), present('y', cost.indicator, 50))).toMatchObject({
      gap: -10,
      relativeGap: -0.25,
      peerIsStronger: false,
    });
    expect(criterionGap(benefit, present('x', benefit.indicator, 40), present('y', benefit.indicator, 40))).toMatchObject({ gap: 0, peerIsStronger: false });
  });

  it('has no relative gap when own is 0', () => {
    expect(criterionGap(benefit, present('x', benefit.indicator, 0), present('y', benefit.indicator, 3))).toMatchObject({
      gap: 3,
      relativeGap: null,
      peerIsStronger: true,
    });
  });

  it('gives null gaps, never 0, when a figure is missing, and says which', () => {
    const gap = criterionGap(benefit, missing('x', benefit.indicator), present('y', benefit.indicator, 3));
    expect(gap).toMatchObject({ gap: null, relativeGap: null, peerIsStronger: null });
    expect(gap.note).toContain('own: no reported figure');
  });

  it('notes inexact figures and different periods', () => {
    const gap = criterionGap(
      benefit,
      present('x', benefit.indicator, 2000, { qualifier: 'AT_LEAST' }),
      present('y', benefit.indicator, 2100, { period: '2022' }),
    );
    expect(gap.note).toContain('own is AT_LEAST');
    expect(gap.note).toContain('periods differ (own 2023, peer 2022)');
  });
});

describe('suggestPeers', () => {
  // Criteria that are not size figures, so that zones differing in them are otherwise identical.
  const orgs: ResolvedCriterion = { indicator: 'red_flag_branch.count', weight: 1, direction: 'benefit', bounds: null };
  const honors: ResolvedCriterion = { indicator: 'honor.count', weight: 1, direction: 'benefit', bounds: null };

  /** Zones with the same size and industries as the learner, differing only in criteria values. */
  function input(values: Record<string, { orgs: number | null; honors: number | null }>, over: Partial<PeerAnalysisInput> = {}): PeerAnalysisInput {
    const cells: Record<string, Record<string, Cell>> = {};
    const profiles: Record<string, ProfileRead> = {};
    for (const [zoneId, v] of Object.entries(values)) {
      cells[zoneId] = {
        'red_flag_branch.count': v.orgs === null ? missing(zoneId, 'red_flag_branch.count') : present(zoneId, 'red_flag_branch.count', v.orgs),
        'honor.count': v.honors === null ? missing(zoneId, 'honor.count') : present(zoneId, 'honor.count', v.honors),
        'enterprise.count': present(zoneId, 'enterprise.count', 100),
        'party_org.count': present(zoneId, 'party_org.count', 50),
      };
      profiles[zoneId] = profile(zoneId, { logistics: 3, chemicals: 1 });
    }
    return { learnerId: 'learner', candidateIds: Object.keys(values), criteria: [orgs, honors], cells, profiles, unavailable: new Map(), limit: 20, ...over };
  }

  it('never suggests the learner, even when it is in scope and listed twice', () => {
    const outcome = suggestPeers(input({ learner: { orgs: 1, honors: 1 }, a: { orgs: 5, honors: 5 } }, { candidateIds: ['learner', 'a', 'learner', 'a'] }));
    expect(outcome.peers.map((p) => p.zoneId)).toEqual(['a']);
    expect(outcome.notSuggested.map((e) => e.zoneId)).not.toContain('learner');
    expect(outcome.consideredZones).toBe(1);
  });

  it('ranks a stronger peer above a weaker but otherwise identical one, whatever their ids', () => {
    // b beats a on more criteria; d beats c by more on the same criterion.
    const outcome = suggestPeers(
      input({
        learner: { orgs: 10, honors: 10 },
        a: { orgs: 11, honors: 9 },
        b: { orgs: 11, honors: 11 },
        c: { orgs: 11, honors: 5 },
        d: { orgs: 30, honors: 5 },
      }),
    );
    const order = outcome.peers.map((p) => p.zoneId);
    expect(order.indexOf('b')).toBeLessThan(order.indexOf('a'));
    expect(order.indexOf('d')).toBeLessThan(order.indexOf('c'));
  });

  it('is monotone: a peer at least as good on every criterion never ranks below an otherwise identical one (random cases)', () => {
    let seed = 42;
    let compared = 0;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const draw = (max: number) => Math.floor(random() * max);
    for (let trial = 0; trial < 300; trial++) {
      const learner = { orgs: draw(20), honors: draw(20) };
      const weaker = { orgs: draw(25), honors: draw(25) };
      // The stronger zone has the later id, so its place cannot come from the id tie-break; it is strictly better on one criterion.
      const bump = draw(2);
      const stronger = { orgs: weaker.orgs + draw(4) + (bump === 0 ? 1 : 0), honors: weaker.honors + draw(4) + (bump === 1 ? 1 : 0) };
      const others = { m: { orgs: draw(25), honors: draw(25) }, n: { orgs: draw(25), honors: draw(25) } };
      const criteria = [
        { ...orgs, weight: random() },
        { ...honors, weight: random() },
      ];
      const outcome = suggestPeers(input({ learner, a: weaker, z: stronger, ...others }, { criteria }));
      const rank = (id: string) => outcome.peers.find((peer) => peer.zoneId === id)?.rank;
      if (rank('a') !== undefined) {
        compared += 1;
        expect(rank('z')).toBeDefined();
        expect(rank('z')!).toBeLessThan(rank('a')!);
      }
      expect(outcome.peers.every((p) => p.zoneId !== 'learner' && p.strongerOn > 0)).toBe(true);
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('orders by similarity × share of criteria where the peer is stronger, ties by zone id', () => {
    const outcome = suggestPeers(
      input({ learner: { orgs: 10, honors: 10 }, b: { orgs: 20, honors: 1 }, a: { orgs: 20, honors: 1 }, c: { orgs: 20, honors: 20 } }),
    );
    expect(outcome.peers.map((p) => [p.zoneId, p.score, p.strongerOn])).toEqual([
      ['c', 1, 2],
      ['a', 0.5, 1],
      ['b', 0.5, 1],
    ]);
    const weighted = suggestPeers(input({ learner: { orgs: 10, honors: 10 }, a: { orgs: 20, honors: 1 } }, { criteria: [{ ...orgs, weight: 3 }, honors] }));
    expect(weighted.peers[0]).toMatchObject({ strongerShare: 0.75, score: 0.75 });
  });

  it('gives null gaps for missing figures and counts them as not stronger', () => {
    const outcome = suggestPeers(input({ learner: { orgs: 10, honors: null }, a: { orgs: 12, honors: 7 } }));
    const [peer] = outcome.peers;
    expect(peer.gaps.map((g) => [g.criterion.indicator, g.gap, g.peerIsStronger])).toEqual([
      ['red_flag_branch.count', 2, true],
      ['honor.count', null, null],
    ]);
    expect(peer).toMatchObject({ strongerOn: 1, strongerShare: 0.5 });
  });

  it('accounts for every zone in scope, with the reason it is not suggested', () => {
    const values = {
      learner: { orgs: 10, honors: 10 },
      good: { orgs: 20, honors: 20 },
      fine: { orgs: 20, honors: 1 },
      weak: { orgs: 5, honors: 5 },
      blank: { orgs: null, honors: null },
      down: { orgs: null, honors: null },
      alien: { orgs: 50, honors: 50 },
      giant: { orgs: 50, honors: 50 },
    };
    const base = input(values);
    const outcome = suggestPeers({
      ...base,
      limit: 1,
      unavailable: new Map([['down', 'Zone "down" (service "svc") is unavailable']]),
      profiles: { ...base.profiles, alien: profile('alien', {}), giant: profile('giant', { mining: 9 }) },
      cells: {
        ...base.cells,
        alien: { 'red_flag_branch.count': present('alien', 'red_flag_branch.count', 50), 'honor.count': present('alien', 'honor.count', 50) },
        giant: {
          ...base.cells.giant,
          'enterprise.count': present('giant', 'enterprise.count', 5000),
          'party_org.count': present('giant', 'party_org.count', 900),
        },
      },
    });
    expect(outcome.peers.map((p) => p.zoneId)).toEqual(['good']);
    expect(outcome.notSuggested.map((e) => [e.zoneId, e.reason])).toEqual([
      ['weak', 'NOT_STRONGER'],
      ['blank', 'MISSING_FIGURES'],
      ['down', 'ZONE_UNAVAILABLE'],
      ['alien', 'NO_SIMILARITY_DATA'],
      ['giant', 'NOT_SIMILAR'],
      ['fine', 'BELOW_LIMIT'],
    ]);
    expect(outcome.consideredZones).toBe(outcome.peers.length + outcome.notSuggested.length);
    expect(outcome.notSuggested.find((e) => e.zoneId === 'down')?.note).toContain('unavailable');
  });

  it("reports every zone as missing figures when the learner's own figures could not be read", () => {
    const base = input({ learner: { orgs: null, honors: null }, a: { orgs: 5, honors: 5 } });
    const outcome = suggestPeers({ ...base, unavailable: new Map([['learner', 'Zone "learner" is unavailable']]) });
    expect(outcome.peers).toEqual([]);
    expect(outcome.notSuggested).toEqual([
      { zoneId: 'a', reason: 'MISSING_FIGURES', note: 'the learner\'s figures are unavailable: Zone "learner" is unavailable' },
    ]);
  });

  it('counts criteria equally when every weight is 0', () => {
    expect(
      normalisedWeights([
        { ...orgs, weight: 0 },
        { ...honors, weight: 0 },
      ]),
    ).toEqual([0.5, 0.5]);
    expect(
      normalisedWeights([
        { ...orgs, weight: 1 },
        { ...honors, weight: 3 },
      ]),
    ).toEqual([0.25, 0.75]);
  });
});

describe('profileRead', () => {
  const named: ZoneIndustryProfile = {
    zoneId: 'chengxi',
    industries: [{ industry: 'logistics', enterprises: 5 }],
    unknownIndustry: 2,
    enterprisesRead: 7,
    totalCount: 7,
    enterpriseRecords: 'NAMED_ONLY',
  };

  it('does not assess a profile over named-only enterprise records unless the analysis opts in', () => {
    expect(profileRead(named, { source: 'REPORTED' })).toEqual({
      kind: 'unavailable',
      reason: "not assessable: its 7 enterprise records are only those its sources name, not the zone's register (computedOverNamedOnly uses them)",
    });
    expect(profileRead(named, { source: 'REPORTED', computedOverNamedOnly: true })).toEqual({ kind: 'read', profile: named });
  });

  it('reads a profile over the zone register, or one whose completeness the zone did not state', () => {
    for (const enterpriseRecords of ['COMPLETE', null] as const) {
      expect(profileRead({ ...named, enterpriseRecords }, { source: 'REPORTED' })).toMatchObject({ kind: 'read' });
    }
  });
});
