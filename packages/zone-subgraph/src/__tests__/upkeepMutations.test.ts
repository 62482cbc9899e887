import { createTestDatabase, pgTargets, type TestDatabase } from '@devzone/testkit';
import { startZoneService, type RunningZoneService } from '../service/startZoneService';
import { ADMIN, ALPHA, ALPHA_SYSTEM, ANALYST, BETA, BETA_SYSTEM, callerOf, count, creditCode, GAMMA_SYSTEM, KEYS } from './upkeepFixtures';

const RESULT = /* GraphQL */ `
  outcome
  kind
  naturalKey
  recordId
  enterprise {
    id
    nameZh
    creditCode
    flags
    employees {
      value
      qualifier
    }
    patents {
      invention
      utility
    }
    provenance {
      kind
      document
      enteredBy
      enteredAt
    }
  }
  partyOrganization {
    id
    nameZh
    type
    parent {
      nameZh
    }
    enterprises {
      nameZh
    }
    memberCount {
      value
      qualifier
    }
    provenance {
      kind
      enteredBy
    }
  }
  honor {
    id
    title
    level
    year
    enterprise {
      nameZh
    }
    partyOrganization {
      nameZh
    }
    zone {
      id
    }
    provenance {
      kind
    }
  }
  indicator {
    code
    period
    scope
    value
    qualifier
    unit
    periodBasis
    provenance {
      kind
      document
      enteredBy
      enteredAt
      citation {
        title
        url
        date
      }
    }
  }
`;

const UPSERT_ENTERPRISE = `mutation ($zoneId: ID!, $input: EnterpriseInput!) { upsertEnterprise(zoneId: $zoneId, input: $input) { ${RESULT} } }`;
const DELETE_ENTERPRISE = `mutation ($zoneId: ID!, $key: EnterpriseKeyInput!) { deleteEnterprise(zoneId: $zoneId, key: $key) { ${RESULT} } }`;
const UPSERT_ORGANIZATION = `mutation ($zoneId: ID!, $input: PartyOrganizationInput!) { upsertPartyOrganization(zoneId: $zoneId, input: $input) { ${RESULT} } }`;
const DELETE_ORGANIZATION = `mutation ($zoneId: ID!, $key: PartyOrganizationKeyInput!) { deletePartyOrganization(zoneId: $zoneId, key: $key) { ${RESULT} } }`;
const UPSERT_HONOR = `mutation ($zoneId: ID!, $input: HonorInput!) { upsertHonor(zoneId: $zoneId, input: $input) { ${RESULT} } }`;
const DELETE_HONOR = `mutation ($zoneId: ID!, $key: HonorKeyInput!) { deleteHonor(zoneId: $zoneId, key: $key) { ${RESULT} } }`;
const UPSERT_REPORT = `mutation ($zoneId: ID!, $input: IndicatorReportInput!) { upsertIndicatorReport(zoneId: $zoneId, input: $input) { ${RESULT} } }`;
const DELETE_REPORT = `mutation ($zoneId: ID!, $key: IndicatorReportKeyInput!) { deleteIndicatorReport(zoneId: $zoneId, key: $key) { ${RESULT} } }`;

const AUDIT = /* GraphQL */ `
  query ($r: [_Any!]!, $limit: Int) {
    _entities(representations: $r) {
      ... on Zone {
        upkeepAudit(limit: $limit) {
          id
          at
          actor
          entityKind
          naturalKey
          recordId
          action
          before
          after
          importId
        }
      }
    }
  }
`;

const INDICATORS = /* GraphQL */ `
  query ($r: [_Any!]!, $codes: [String!]) {
    _entities(representations: $r) {
      ... on Zone {
        indicators(codes: $codes) {
          code
          period
          scope
          value
          provenance {
            kind
            document
            enteredBy
            citation {
              title
            }
          }
        }
      }
    }
  }
`;

interface Result {
  outcome: string;
  kind: string;
  naturalKey: string;
  recordId: string | null;
  enterprise: {
    id: string;
    nameZh: string;
    creditCode: string | null;
    flags: string[];
    employees: { value: number; qualifier: string } | null;
    patents: { invention: number; utility: number } | null;
    provenance: { kind: string; document: string | null; enteredBy: string | null; enteredAt: string | null };
  } | null;
  partyOrganization: {
    id: string;
    nameZh: string;
    type: string;
    parent: { nameZh: string } | null;
    enterprises: { nameZh: string }[];
    memberCount: { value: number; qualifier: string } | null;
    provenance: { kind: string; enteredBy: string | null };
  } | null;
  honor: {
    id: string;
    title: string;
    level: string;
    year: number | null;
    enterprise: { nameZh: string } | null;
    partyOrganization: { nameZh: string } | null;
    zone: { id: string } | null;
    provenance: { kind: string };
  } | null;
  indicator: {
    code: string;
    period: string;
    scope: string | null;
    value: number;
    qualifier: string;
    unit: string;
    periodBasis: string;
    provenance: {
      kind: string;
      document: string | null;
      enteredBy: string | null;
      enteredAt: string | null;
      citation: { title: string; url: string | null; date: string | null } | null;
    };
  } | null;
}

interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  entityKind: string;
  naturalKey: string;
  recordId: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  importId: string | null;
}

describe.each(pgTargets())('zone data upkeep mutations on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let service: RunningZoneService;
  const call = callerOf(() => service);
  const mutate = async (principal: typeof ADMIN, query: string, variables: Record<string, unknown>, field: string): Promise<Result> => {
    const body = await call<Record<string, Result>>(principal, query, variables);
    expect(body.errors).toBeUndefined();
    return body.data![field];
  };
  const audit = async (principal = ALPHA_SYSTEM, limit = 50) => {
    const body = await call<{ _entities: { upkeepAudit: AuditEntry[] }[] }>(principal, AUDIT, { r: [{ __typename: 'Zone', id: 'alpha' }], limit });
    expect(body.errors).toBeUndefined();
    return body.data!._entities[0].upkeepAudit;
  };

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `upkeep_${label}`);
    service = await startZoneService({ name: 'upkeep', databaseUrl: database.url, seeds: [ALPHA, BETA], signingKeys: KEYS });
  });

  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  describe('enterprises', () => {
    const code = creditCode('91330784MA2EC5XY1');

    it('creates an enterprise keyed by its credit code, with ZONE_SYSTEM provenance, and answers UNCHANGED for the same input', async () => {
      const input = {
        creditCode: code.toLowerCase(),
        nameZh: '永康飞剑工贸有限公司',
        industry: '五金',
        flags: ['HIGH_TECH', 'ABOVE_DESIGNATED_SIZE'],
        employees: { value: 320 },
        patents: { invention: 3 },
      };
      const created = await mutate(ALPHA_SYSTEM, UPSERT_ENTERPRISE, { zoneId: 'alpha', input }, 'upsertEnterprise');
      expect(created).toMatchObject({
        outcome: 'CREATED',
        kind: 'ENTERPRISES',
        naturalKey: `creditCode=${code}`,
        recordId: `alpha:e-${code.toLowerCase()}`,
        enterprise: {
          nameZh: '永康飞剑工贸有限公司',
          creditCode: code,
          flags: ['ABOVE_DESIGNATED_SIZE', 'HIGH_TECH'],
          employees: { value: 320, qualifier: 'EXACT' },
          patents: { invention: 3, utility: 0 },
          provenance: { kind: 'ZONE_SYSTEM', document: null, enteredBy: ALPHA_SYSTEM.subject },
        },
      });
      expect(Date.parse(created.enterprise!.provenance.enteredAt!)).not.toBeNaN();

      const again = await mutate(ALPHA_SYSTEM, UPSERT_ENTERPRISE, { zoneId: 'alpha', input }, 'upsertEnterprise');
      expect(again).toMatchObject({ outcome: 'UNCHANGED', recordId: created.recordId });
      expect(again.enterprise!.provenance.enteredAt).toBe(created.enterprise!.provenance.enteredAt);

      const renamed = await mutate(
        ALPHA_SYSTEM,
        UPSERT_ENTERPRISE,
        { zoneId: 'alpha', input: { ...input, nameZh: '浙江飞剑工贸有限公司' } },
        'upsertEnterprise',
      );
      expect(renamed).toMatchObject({ outcome: 'UPDATED', recordId: created.recordId, enterprise: { nameZh: '浙江飞剑工贸有限公司' } });
    });

    it('gives an article-named enterprise its credit code: it is found by name and keeps the article as its source', async () => {
      const sanfeng = creditCode('91330784147951234');
      const updated = await mutate(
        ALPHA_SYSTEM,
        UPSERT_ENTERPRISE,
        { zoneId: 'alpha', input: { creditCode: sanfeng, nameZh: '三锋实业' } },
        'upsertEnterprise',
      );
      expect(updated).toMatchObject({
        outcome: 'UPDATED',
        recordId: 'alpha:sanfeng',
        enterprise: { creditCode: sanfeng, provenance: { kind: 'ZONE_SYSTEM', document: '001_43b773d05e2b406e.txt' } },
      });
      // From now on it is keyed by its code: an input by name alone is refused, naming the field.
      const byName = await call(ALPHA_SYSTEM, UPSERT_ENTERPRISE, { zoneId: 'alpha', input: { nameZh: '三锋实业' } });
      expect(byName.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.creditCode' } });
      expect(byName.errors?.[0].message).toContain(`has credit code ${sanfeng}`);
    });

    it('refuses invalid input naming every field, and writes nothing', async () => {
      const before = await count(service, 'SELECT count(*) AS n FROM upkeep_audit');
      const body = await call(ALPHA_SYSTEM, UPSERT_ENTERPRISE, {
        zoneId: 'alpha',
        input: { creditCode: '91330784MA2EC5XY1I', nameZh: '某', employees: { value: 5, qualifier: 'ABOUT' }, outputValue: -3 },
      });
      const error = body.errors?.[0];
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.creditCode' });
      expect(error?.message).toContain('input.creditCode: character 18 ("I") is not allowed');
      expect(error?.message).toContain('input.nameZh: at least 2 characters');
      expect(error?.message).toContain('input.outputValue: must not be negative');
      expect(await count(service, 'SELECT count(*) AS n FROM upkeep_audit')).toBe(before);

      const wrongCheck = await call(ALPHA_SYSTEM, UPSERT_ENTERPRISE, { zoneId: 'alpha', input: { creditCode: '91330784MA2EC5XY10', nameZh: '某某公司' } });
      expect(wrongCheck.errors?.[0].message).toMatch(/^input\.creditCode: wrong check character/);
    });

    it('deletes an enterprise: it leaves the alliance that listed it, both audited; a second delete is UNCHANGED', async () => {
      const created = await mutate(ALPHA_SYSTEM, UPSERT_ENTERPRISE, { zoneId: 'alpha', input: { nameZh: '临时企业' } }, 'upsertEnterprise');
      expect(created).toMatchObject({ outcome: 'CREATED', naturalKey: 'nameZh=临时企业' });
      const sanfeng = await service.database.dataSource.query(`SELECT credit_code FROM enterprise WHERE id = 'alpha:sanfeng'`);
      const deleted = await mutate(ALPHA_SYSTEM, DELETE_ENTERPRISE, { zoneId: 'alpha', key: { creditCode: sanfeng[0].credit_code } }, 'deleteEnterprise');
      expect(deleted).toMatchObject({ outcome: 'DELETED', recordId: 'alpha:sanfeng', enterprise: null });
      expect(await count(service, `SELECT count(*) AS n FROM enterprise WHERE id = 'alpha:sanfeng'`)).toBe(0);
      expect(await count(service, `SELECT count(*) AS n FROM alliance_member WHERE member_id = 'alpha:sanfeng'`)).toBe(0);
      const [deletion, allianceUpdate] = await audit(ALPHA_SYSTEM, 2);
      expect(deletion).toMatchObject({ entityKind: 'enterprise', action: 'DELETE', recordId: 'alpha:sanfeng', after: null, actor: ALPHA_SYSTEM.subject });
      expect(deletion.before).toMatchObject({ nameZh: '三锋实业', sourceDocument: '001_43b773d05e2b406e.txt' });
      expect(allianceUpdate).toMatchObject({ entityKind: 'alliance', action: 'UPDATE', recordId: 'alpha:logistics' });
      expect((allianceUpdate.before!.members as unknown[]).length).toBe(2);
      expect(allianceUpdate.after!.members).toEqual([{ memberId: 'alpha:hals', memberKind: 'enterprise' }]);

      const again = await mutate(ALPHA_SYSTEM, DELETE_ENTERPRISE, { zoneId: 'alpha', key: { nameZh: '临时企业' } }, 'deleteEnterprise');
      expect(again.outcome).toBe('DELETED');
      const gone = await mutate(ALPHA_SYSTEM, DELETE_ENTERPRISE, { zoneId: 'alpha', key: { nameZh: '临时企业' } }, 'deleteEnterprise');
      expect(gone).toMatchObject({ outcome: 'UNCHANGED', recordId: null });
    });

    it('refuses to delete an enterprise that holds an honor, naming it', async () => {
      const body = await call(ALPHA_SYSTEM, DELETE_ENTERPRISE, { zoneId: 'alpha', key: { nameZh: '哈尔斯' } });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key.nameZh' });
      expect(body.errors?.[0].message).toContain('holds 1 honor(s) ("金华市清廉民企")');
      expect(await count(service, `SELECT count(*) AS n FROM enterprise WHERE id = 'alpha:hals'`)).toBe(1);
    });
  });

  describe('party organizations', () => {
    it('creates one under a parent, covering enterprises by name or code; updates it; UNCHANGED on the same input', async () => {
      const code = creditCode('91330784MA2EC5XY1');
      const input = {
        nameZh: '飞剑党支部',
        type: 'BRANCH',
        parent: '阿尔法党工委',
        enterprises: [code, '哈尔斯'],
        memberCount: { value: 18, qualifier: 'AT_LEAST' },
      };
      const created = await mutate(ALPHA_SYSTEM, UPSERT_ORGANIZATION, { zoneId: 'alpha', input }, 'upsertPartyOrganization');
      expect(created).toMatchObject({
        outcome: 'CREATED',
        naturalKey: 'nameZh=飞剑党支部',
        partyOrganization: {
          nameZh: '飞剑党支部',
          type: 'BRANCH',
          parent: { nameZh: '阿尔法党工委' },
          memberCount: { value: 18, qualifier: 'AT_LEAST' },
          provenance: { kind: 'ZONE_SYSTEM', enteredBy: ALPHA_SYSTEM.subject },
        },
      });
      expect(created.partyOrganization!.enterprises.map((e) => e.nameZh).sort()).toEqual(['浙江飞剑工贸有限公司', '哈尔斯'].sort());
      expect((await mutate(ALPHA_SYSTEM, UPSERT_ORGANIZATION, { zoneId: 'alpha', input }, 'upsertPartyOrganization')).outcome).toBe('UNCHANGED');
      const updated = await mutate(ALPHA_SYSTEM, UPSERT_ORGANIZATION, { zoneId: 'alpha', input: { ...input, enterprises: [code] } }, 'upsertPartyOrganization');
      expect(updated.outcome).toBe('UPDATED');
      expect(updated.partyOrganization!.enterprises.map((e) => e.nameZh)).toEqual(['浙江飞剑工贸有限公司']);
      const [entry] = await audit(ALPHA_SYSTEM, 1);
      expect(entry).toMatchObject({ entityKind: 'party_organization', action: 'UPDATE', naturalKey: 'nameZh=飞剑党支部' });
      expect((entry.before!.enterpriseIds as string[]).length).toBe(2);
      expect((entry.after!.enterpriseIds as string[]).length).toBe(1);
    });

    it('refuses unknown enterprises and parents, and a parent that would make a cycle, naming each field', async () => {
      const body = await call(ALPHA_SYSTEM, UPSERT_ORGANIZATION, {
        zoneId: 'alpha',
        input: { nameZh: '新党支部', type: 'BRANCH', parent: '不存在的党委', enterprises: ['哈尔斯', '没有这家企业'] },
      });
      expect(body.errors?.[0].extensions?.problems).toEqual([
        { field: 'input.parent', message: 'no party organization named "不存在的党委" in zone "alpha" (an import may create it on an earlier line)' },
        { field: 'input.enterprises[1]', message: 'no enterprise named "没有这家企业" in zone "alpha"' },
      ]);
      const cycle = await call(ALPHA_SYSTEM, UPSERT_ORGANIZATION, {
        zoneId: 'alpha',
        input: { nameZh: '阿尔法党工委', type: 'WORKING_COMMITTEE', parent: '飞剑党支部' },
      });
      expect(cycle.errors?.[0].message).toContain('input.parent: "飞剑党支部" is under "阿尔法党工委": the tree would have a cycle');
    });

    it('refuses to delete an organization with children; deletes a leaf with its coverage links', async () => {
      const refused = await call(ALPHA_SYSTEM, DELETE_ORGANIZATION, { zoneId: 'alpha', key: { nameZh: '阿尔法党工委' } });
      expect(refused.errors?.[0].message).toMatch(
        /has child organization\(s\) .*"飞剑党支部".*"哈尔斯党支部"|has child organization\(s\) .*"哈尔斯党支部".*"飞剑党支部"/,
      );
      const deleted = await mutate(ALPHA_SYSTEM, DELETE_ORGANIZATION, { zoneId: 'alpha', key: { nameZh: '飞剑党支部' } }, 'deletePartyOrganization');
      expect(deleted).toMatchObject({ outcome: 'DELETED', partyOrganization: null });
      expect(await count(service, `SELECT count(*) AS n FROM organization_coverage WHERE organization_id = $1`, [deleted.recordId])).toBe(0);
    });
  });

  describe('honors', () => {
    it('creates, updates and deletes an honor keyed by holder, title and year', async () => {
      const input = { holderKind: 'PARTY_ORGANIZATION', holder: '哈尔斯党支部', title: '红旗支部', year: 2024, level: 'ZONE' };
      const created = await mutate(ALPHA_SYSTEM, UPSERT_HONOR, { zoneId: 'alpha', input }, 'upsertHonor');
      expect(created).toMatchObject({
        outcome: 'CREATED',
        naturalKey: 'holder=party_organization:哈尔斯党支部; title=红旗支部; year=2024',
        honor: {
          title: '红旗支部',
          level: 'ZONE',
          year: 2024,
          partyOrganization: { nameZh: '哈尔斯党支部' },
          enterprise: null,
          provenance: { kind: 'ZONE_SYSTEM' },
        },
      });
      expect((await mutate(ALPHA_SYSTEM, UPSERT_HONOR, { zoneId: 'alpha', input }, 'upsertHonor')).outcome).toBe('UNCHANGED');
      const updated = await mutate(
        ALPHA_SYSTEM,
        UPSERT_HONOR,
        { zoneId: 'alpha', input: { ...input, level: 'MUNICIPAL', awardedBy: '永康市委组织部' } },
        'upsertHonor',
      );
      expect(updated).toMatchObject({ outcome: 'UPDATED', recordId: created.recordId, honor: { level: 'MUNICIPAL' } });
      const zoneHonor = await mutate(
        ADMIN,
        UPSERT_HONOR,
        { zoneId: 'alpha', input: { holderKind: 'ZONE', title: '省级开发区', level: 'PROVINCIAL' } },
        'upsertHonor',
      );
      expect(zoneHonor).toMatchObject({ outcome: 'CREATED', honor: { zone: { id: 'alpha' }, year: null } });
      const { level: _level, ...key } = input;
      const deleted = await mutate(ALPHA_SYSTEM, DELETE_HONOR, { zoneId: 'alpha', key }, 'deleteHonor');
      expect(deleted).toMatchObject({ outcome: 'DELETED', recordId: created.recordId });
      expect(await count(service, `SELECT count(*) AS n FROM honor WHERE id = $1`, [created.recordId])).toBe(0);
    });

    it('refuses a holder that is not in the zone and a zone honor that names a holder', async () => {
      const body = await call(ALPHA_SYSTEM, UPSERT_HONOR, {
        zoneId: 'alpha',
        input: { holderKind: 'ENTERPRISE', holder: '无此企业', title: '清廉民企', level: 'MUNICIPAL' },
      });
      expect(body.errors?.[0]).toMatchObject({
        message: 'input.holder: no enterprise named "无此企业" in zone "alpha"',
        extensions: { field: 'input.holder' },
      });
      const zone = await call(ALPHA_SYSTEM, UPSERT_HONOR, {
        zoneId: 'alpha',
        input: { holderKind: 'ZONE', holder: '哈尔斯', title: '清廉民企', level: 'MUNICIPAL' },
      });
      expect(zone.errors?.[0].message).toBe('input.holder: the zone holds this honor: leave holder empty');
    });
  });

  describe('indicator reports', () => {
    const input = {
      code: 'party_org.count',
      period: '2024',
      value: 91,
      citation: { title: '2024年永康经济开发区两新党建工作总结', url: 'https://example.org/yk-2024.pdf', date: '2025-01-10' },
    };

    it("reports a figure with ZONE_SYSTEM provenance beside the article's, never over it", async () => {
      const created = await mutate(ALPHA_SYSTEM, UPSERT_REPORT, { zoneId: 'alpha', input }, 'upsertIndicatorReport');
      expect(created).toMatchObject({
        outcome: 'CREATED',
        naturalKey: 'code=party_org.count; period=2024',
        indicator: {
          code: 'party_org.count',
          period: '2024',
          scope: null,
          value: 91,
          qualifier: 'EXACT',
          unit: 'count',
          periodBasis: 'as reported by the zone system for this period',
          provenance: {
            kind: 'ZONE_SYSTEM',
            document: null,
            enteredBy: ALPHA_SYSTEM.subject,
            citation: { title: '2024年永康经济开发区两新党建工作总结', url: 'https://example.org/yk-2024.pdf', date: '2025-01-10' },
          },
        },
      });
      expect(created.recordId).toMatch(/^\d+$/);
      expect((await mutate(ALPHA_SYSTEM, UPSERT_REPORT, { zoneId: 'alpha', input }, 'upsertIndicatorReport')).outcome).toBe('UNCHANGED');

      const body = await call<{
        _entities: { indicators: { period: string; provenance: { kind: string; document: string | null; enteredBy: string | null } }[] }[];
      }>(ALPHA_SYSTEM, INDICATORS, { r: [{ __typename: 'Zone', id: 'alpha' }], codes: ['party_org.count'] });
      const figures = body.data!._entities[0].indicators.filter((f) => f.provenance.kind !== 'COMPUTED');
      expect(figures).toEqual([
        expect.objectContaining({
          period: '2022',
          provenance: expect.objectContaining({ kind: 'REPORTED', document: '001_43b773d05e2b406e.txt', enteredBy: null }),
        }),
        expect.objectContaining({ period: '2024', provenance: expect.objectContaining({ kind: 'ZONE_SYSTEM', enteredBy: ALPHA_SYSTEM.subject }) }),
      ]);
    });

    it('keys a figure by code, period and scope; updates it; deletes it', async () => {
      const scoped = await mutate(
        ALPHA_SYSTEM,
        UPSERT_REPORT,
        { zoneId: 'alpha', input: { code: 'alliance.red_station.count', period: '2024', scope: '红色物流党建联盟', value: 6 } },
        'upsertIndicatorReport',
      );
      expect(scoped).toMatchObject({
        outcome: 'CREATED',
        naturalKey: 'code=alliance.red_station.count; period=2024; scope=红色物流党建联盟',
        indicator: { scope: '红色物流党建联盟' },
      });
      const updated = await mutate(
        ALPHA_SYSTEM,
        UPSERT_REPORT,
        { zoneId: 'alpha', input: { ...input, value: 93, qualifier: 'AT_LEAST' } },
        'upsertIndicatorReport',
      );
      expect(updated).toMatchObject({ outcome: 'UPDATED', indicator: { value: 93, qualifier: 'AT_LEAST' } });
      const [entry] = await audit(ALPHA_SYSTEM, 1);
      expect(entry).toMatchObject({
        entityKind: 'indicator_report',
        action: 'UPDATE',
        recordId: updated.recordId,
        naturalKey: 'code=party_org.count; period=2024',
      });
      expect(entry.before).toMatchObject({ value: 91, qualifier: 'exact' });
      expect(entry.after).toMatchObject({ value: 93, qualifier: 'at_least', enteredBy: ALPHA_SYSTEM.subject });
      const deleted = await mutate(ALPHA_SYSTEM, DELETE_REPORT, { zoneId: 'alpha', key: { code: 'party_org.count', period: '2024' } }, 'deleteIndicatorReport');
      expect(deleted).toMatchObject({ outcome: 'DELETED', indicator: null });
      expect(await count(service, `SELECT count(*) AS n FROM indicator_report WHERE zone_id = 'alpha' AND code = 'party_org.count'`)).toBe(1);
    });

    it('refuses an unknown code, a unit other than the catalogue one, a bad period and a citation without a title', async () => {
      const body = await call(ALPHA_SYSTEM, UPSERT_REPORT, {
        zoneId: 'alpha',
        input: { code: 'party_org.count', period: '24', value: 1, unit: 'percent', citation: { title: '', url: 'ftp://x' } },
      });
      expect(body.errors?.[0].extensions?.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'input.period' }),
          expect.objectContaining({ field: 'input.citation.url', message: 'must be an http(s) address' }),
        ]),
      );
      const unknown = await call(ALPHA_SYSTEM, UPSERT_REPORT, { zoneId: 'alpha', input: { code: 'made.up', period: '2024', value: 1 } });
      expect(unknown.errors?.[0].message).toBe('input.code: unknown indicator code "made.up" (see packages/catalogue)');
      const unit = await call(ALPHA_SYSTEM, UPSERT_REPORT, { zoneId: 'alpha', input: { code: 'party_org.count', period: '2024', value: 1, unit: 'percent' } });
      expect(unit.errors?.[0].message).toBe('input.unit: indicator "party_org.count" is stated in "count" (个), got "percent"');
    });
  });

  describe("the zone's records", () => {
    const UPDATE = `mutation ($zoneId: ID!, $input: ZoneRecordsInput!) { updateZoneRecords(zoneId: $zoneId, input: $input) { outcome records { enterprises honors asOf } } }`;

    it('states that a kind of record is now complete, and the date; UNCHANGED when it already says so', async () => {
      const first = await call<{ updateZoneRecords: { outcome: string; records: Record<string, string> } }>(ALPHA_SYSTEM, UPDATE, {
        zoneId: 'alpha',
        input: { enterprises: 'COMPLETE', asOf: '2024-12-31' },
      });
      expect(first.errors).toBeUndefined();
      expect(first.data!.updateZoneRecords).toEqual({ outcome: 'UPDATED', records: { enterprises: 'COMPLETE', honors: 'NAMED_ONLY', asOf: '2024-12-31' } });
      const again = await call<{ updateZoneRecords: { outcome: string } }>(ALPHA_SYSTEM, UPDATE, { zoneId: 'alpha', input: { enterprises: 'COMPLETE' } });
      expect(again.data!.updateZoneRecords.outcome).toBe('UNCHANGED');
      const [entry] = await audit(ALPHA_SYSTEM, 1);
      expect(entry).toMatchObject({
        entityKind: 'zone',
        action: 'UPDATE',
        naturalKey: 'id=alpha',
        before: { enterprisesCompleteness: 'named_only', recordsAsOf: '2023' },
      });
      expect(entry.after).toMatchObject({ enterprisesCompleteness: 'complete', recordsAsOf: '2024-12-31' });
      const bad = await call(ALPHA_SYSTEM, UPDATE, { zoneId: 'alpha', input: { asOf: '2024/2025' } });
      expect(bad.errors?.[0]).toMatchObject({
        message: 'input.asOf: must be YYYY, YYYY-MM or YYYY-MM-DD',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.asOf' },
      });
      expect((await call(BETA_SYSTEM, UPDATE, { zoneId: 'alpha', input: { honors: 'COMPLETE' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('authorization', () => {
    const input = { nameZh: '授权测试企业' };

    it("refuses another zone's system, an analyst and an anonymous request; nothing is written", async () => {
      const before = await count(service, 'SELECT count(*) AS n FROM enterprise');
      const other = await call(BETA_SYSTEM, UPSERT_ENTERPRISE, { zoneId: 'alpha', input });
      expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', zoneId: 'alpha' });
      expect(other.errors?.[0].message).toContain('zone "alpha"');
      const analyst = await call(ANALYST, IMPORT, { zoneId: 'alpha', content: 'name\n某企业\n' });
      expect(analyst.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', zoneId: 'alpha' });
      const anonymous = await call(null, DELETE_HONOR, { zoneId: 'alpha', key: { holderKind: 'ZONE', title: '省级开发区' } });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(await count(service, 'SELECT count(*) AS n FROM enterprise')).toBe(before);
      expect(await count(service, `SELECT count(*) AS n FROM honor WHERE title = '省级开发区'`)).toBe(1);
    });

    it('lets an administrator change any hosted zone and a zone system its own', async () => {
      expect((await mutate(ADMIN, UPSERT_ENTERPRISE, { zoneId: 'beta', input }, 'upsertEnterprise')).outcome).toBe('CREATED');
      expect((await mutate(BETA_SYSTEM, UPSERT_ENTERPRISE, { zoneId: 'beta', input: { ...input, industry: '五金' } }, 'upsertEnterprise')).outcome).toBe(
        'UPDATED',
      );
      const body = await call<{ _entities: { upkeepAudit: AuditEntry[] }[] }>(BETA_SYSTEM, AUDIT, { r: [{ __typename: 'Zone', id: 'beta' }] });
      expect(body.data!._entities[0].upkeepAudit.map((e) => [e.actor, e.action, e.naturalKey])).toEqual([
        [BETA_SYSTEM.subject, 'UPDATE', 'nameZh=授权测试企业'],
        [ADMIN.subject, 'CREATE', 'nameZh=授权测试企业'],
      ]);
    });

    it('answers NOT_FOUND naming a zone this service does not host, FORBIDDEN first for a caller who may not change it', async () => {
      const admin = await call(ADMIN, UPSERT_ENTERPRISE, { zoneId: 'gamma', input });
      expect(admin.errors?.[0]).toMatchObject({
        message: 'zone "gamma" is not hosted by this zone service',
        extensions: { code: 'NOT_FOUND', zoneId: 'gamma' },
      });
      expect((await call(GAMMA_SYSTEM, UPSERT_ENTERPRISE, { zoneId: 'gamma', input })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await call(ALPHA_SYSTEM, UPSERT_ENTERPRISE, { zoneId: 'gamma', input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await call(ADMIN, UPSERT_ENTERPRISE, { zoneId: 'Not A Zone', input })).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'zoneId',
      });
    });

    it("shows the audit to the zone's own system and administrators only", async () => {
      expect((await audit(ALPHA_SYSTEM)).length).toBeGreaterThan(5);
      expect((await audit(ADMIN)).length).toBeGreaterThan(5);
      const other = await call<{ _entities: { upkeepAudit: unknown }[] }>(BETA_SYSTEM, AUDIT, { r: [{ __typename: 'Zone', id: 'alpha' }] });
      expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', zoneId: 'alpha' });
      expect(other.data?._entities[0].upkeepAudit).toBeNull();
    });
  });
});

const IMPORT = `mutation ($zoneId: ID!, $content: ImportContent!) { importZoneRecords(zoneId: $zoneId, kind: ENTERPRISES, format: CSV, content: $content) { applied } }`;
