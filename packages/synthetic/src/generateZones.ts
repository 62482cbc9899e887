import type { WritableZoneSeed } from '@devzone/zone-subgraph';
import { mulberry32 } from './prng';

export interface SyntheticOptions {
  /** Number of zones. */
  zones: number;
  /** Enterprises per zone. */
  enterprisesPerZone: number;
  /** @default 1 */
  seed?: number;
  /** Zone id prefix; ids are `<prefix>-<n>`. @default 'syn' */
  prefix?: string;
  /** Date the generated records are as of. @default '2023-12-31' (the year of the generated reports) */
  recordsAsOf?: string;
}

const INDUSTRIES = ['hardware', 'auto-parts', 'logistics', 'chemicals', 'food', 'machinery', 'electronics', 'textiles'];
const FLAGS = ['above_designated_size', 'specialized_innovative', 'high_tech'] as const;

/**
 * Deterministic SYNTHETIC zones for tests and benchmarks: every name says
 * 合成/Synthetic, rows are stored with synthetic = true, nothing is mixed into
 * the article seeds. Roughly one organization per five enterprises, a tenth of
 * them joint branches covering three enterprises each. A generated zone is
 * whole: every kind of record is marked complete.
 */
export function generateZones(options: SyntheticOptions): WritableZoneSeed[] {
  const random = mulberry32(options.seed ?? 1);
  const prefix = options.prefix ?? 'syn';
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  return Array.from({ length: options.zones }, (_, z) => {
    const zoneId = `${prefix}-${z + 1}`;
    const enterprises = Array.from({ length: options.enterprisesPerZone }, (_, e) => ({
      localId: `e${e + 1}`,
      nameZh: `合成企业 ${zoneId}-${e + 1}`,
      nameEn: `Synthetic Enterprise ${zoneId}-${e + 1}`,
      industry: pick(INDUSTRIES),
      flags: FLAGS.filter(() => random() < 0.2),
      employees: { value: 10 + Math.floor(random() * 2000), qualifier: 'exact' as const },
      outputValue: Math.round(random() * 100000) / 10,
      tax: Math.round(random() * 10000) / 10,
    }));
    const organizations: WritableZoneSeed['partyOrganizations'] = [
      { localId: 'committee', nameZh: `合成开发区党工委 ${zoneId}`, type: 'working_committee', enterpriseLocalIds: [] },
    ];
    for (let e = 0; e < enterprises.length; e += 5) {
      const joint = random() < 0.1;
      organizations.push({
        localId: `o${e / 5 + 1}`,
        nameZh: `合成${joint ? '联合' : ''}党支部 ${zoneId}-${e / 5 + 1}`,
        type: joint ? 'joint_branch' : 'branch',
        parentLocalId: 'committee',
        enterpriseLocalIds: enterprises.slice(e, e + (joint ? 3 : 1)).map((x) => x.localId),
        memberCount: { value: 3 + Math.floor(random() * 60), qualifier: 'exact' },
      });
    }
    const honors = organizations
      .slice(1)
      .filter(() => random() < 0.05)
      .map((o, i) => ({
        localId: `h${i + 1}`,
        title: '红旗支部（合成）',
        level: 'county' as const,
        year: 2023,
        holder: { kind: 'partyOrganization' as const, localId: o.localId },
      }));
    return {
      zone: {
        id: zoneId,
        nameZh: `合成开发区 ${z + 1}`,
        nameEn: `Synthetic Zone ${z + 1}`,
        recordCompleteness: { enterprises: 'complete', partyOrganizations: 'complete', honors: 'complete', alliances: 'complete', serviceStations: 'complete' },
        recordsAsOf: options.recordsAsOf ?? '2023-12-31',
      },
      enterprises,
      partyOrganizations: organizations,
      honors,
      alliances: [],
      serviceStations: [],
      indicators: [
        { code: 'party_org.count', period: '2023', periodBasis: 'synthetic', value: organizations.length - 1, qualifier: 'exact', unit: 'count' },
        { code: 'enterprise.count', period: '2023', periodBasis: 'synthetic', value: enterprises.length, qualifier: 'exact', unit: 'count' },
      ],
    };
  });
}
