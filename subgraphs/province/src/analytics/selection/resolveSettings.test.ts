import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import { IndicatorDirection } from '../../graphql/types/catalogue.types';
import { ValueSource } from '../../graphql/types/figure.types';
import {
  ImputationRule,
  MissingValuePolicyKind,
  NormalizationKind,
  RankingMethod,
  WeightingKind,
  type BenchmarkSelectionInput,
} from '../../graphql/types/selection.inputs';
import { loadPresetFile } from '../../seed/loadPresets';
import { resolveSelectionSettings, type PresetForSelection } from './resolveSettings';
import type { SelectionSettings } from './settings';
import { selectionSettings } from './__tests__/selectionSettings.fixture';

const YEAR = 2025;
const ORGS = 'party_org.count';
const HONORS = 'honor.count';
const BRANDS = 'brand.count';

const SEED = loadPresetFile();
function preset(code: string): PresetForSelection {
  const found = SEED.presets.find((p) => p.code === code);
  if (!found) throw new Error(`no preset ${code} in seed/presets.json`);
  return { code: found.code, settings: found.settings };
}
const ONSITE = preset('onsite_meeting_host');
const QUALITY = preset('party_building_quality');

/** What resolveSelectionSettings gives for criteria alone: every default spelled out. */
const settings = (overrides: Partial<SelectionSettings> = {}): SelectionSettings =>
  selectionSettings({ criteria: [{ indicator: ORGS, weight: 1, direction: 'benefit', bounds: null }], asOfYear: YEAR, ...overrides });

const resolve = (input: BenchmarkSelectionInput, p: PresetForSelection | null = null) => resolveSelectionSettings(input, p, YEAR);
const three: BenchmarkSelectionInput['criteria'] = [{ indicator: ORGS }, { indicator: HONORS }, { indicator: BRANDS }];

/** The BAD_USER_INPUT error `run` throws; fails the test if it throws nothing or something else. */
function badInput(run: () => unknown): GraphQLError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(GraphQLError);
  const error = thrown as GraphQLError;
  expect(error.extensions.code).toBe('BAD_USER_INPUT');
  expect(error.message.startsWith(`${String(error.extensions.field)}: `)).toBe(true);
  return error;
}
const fieldOf = (run: () => unknown) => badInput(run).extensions.field;

describe('resolveSelectionSettings: defaults without a preset', () => {
  it('fills every default: WEIGHTED_SUM, MIN_MAX, GIVEN, EXCLUDE, asOfYear = current year, 0.05, 1000 draws, seed 1, dethrone, PREFER_REPORTED, no computed figures over named-only records, top 1', () => {
    expect(resolve({ criteria: [{ indicator: ORGS }] })).toEqual(settings());
    expect(settings().computedOverNamedOnly).toBe(false);
  });

  it('keeps the opt-in to computed figures over named-only records', () => {
    expect(resolve({ criteria: [{ indicator: ORGS }], computedOverNamedOnly: true })).toEqual(settings({ computedOverNamedOnly: true }));
    expect(resolve({}, ONSITE).computedOverNamedOnly).toBe(false);
  });

  it("takes the catalogue's direction and weight 1 for a criterion that gives neither", () => {
    expect(resolve({ criteria: [{ indicator: HONORS }] }).criteria).toEqual([{ indicator: HONORS, weight: 1, direction: 'benefit', bounds: null }]);
  });

  it('defaults TOPSIS to VECTOR normalisation, unless another is asked for', () => {
    expect(resolve({ criteria: [{ indicator: ORGS }], method: RankingMethod.TOPSIS })).toMatchObject({ method: 'topsis', normalization: 'vector' });
    expect(resolve({ criteria: [{ indicator: ORGS }], method: RankingMethod.TOPSIS, normalization: NormalizationKind.MIN_MAX })).toMatchObject({
      method: 'topsis',
      normalization: 'min-max',
    });
  });

  it('maps every GraphQL enum to the engine’s spelling', () => {
    expect(resolve({ criteria: [{ indicator: ORGS }], normalization: NormalizationKind.Z_SCORE }).normalization).toBe('z-score');
    expect(resolve({ criteria: [{ indicator: ORGS }], weighting: { kind: WeightingKind.ENTROPY } }).weighting).toBe('entropy');
    expect(resolve({ criteria: [{ indicator: ORGS }], missing: { policy: MissingValuePolicyKind.IMPUTE, rule: ImputationRule.MEDIAN } })).toMatchObject({
      missing: 'impute',
      imputationRule: 'median',
    });
    expect(resolve({ criteria: [{ indicator: ORGS }], missing: { policy: MissingValuePolicyKind.IMPUTE } }).imputationRule).toBe('worst');
    expect(resolve({ criteria: [{ indicator: ORGS }], source: ValueSource.REPORTED }).source).toBe('REPORTED');
  });

  it('keeps scope, period, constraints and robustness as given; 0 turns a robustness analysis off', () => {
    const s = resolve({
      criteria: [{ indicator: ORGS }],
      zoneIds: ['dangtu', 'feixi'],
      provinces: ['anhui'],
      period: '2020',
      top: 2,
      constraints: { excludeHostedWithinYears: 3, asOfYear: 2021, countAnnouncedMeetings: false, minimums: [{ indicator: 'party_member.count', value: 500 }] },
      robustness: { perturbationDelta: 0, monteCarloDraws: 0, seed: 0, dethrone: false },
    });
    expect(s).toEqual(
      settings({
        zoneIds: ['dangtu', 'feixi'],
        provinces: ['anhui'],
        period: '2020',
        top: 2,
        excludeHostedWithinYears: 3,
        asOfYear: 2021,
        countAnnouncedMeetings: false,
        minimums: [{ indicator: 'party_member.count', value: 500 }],
        perturbationDelta: null,
        monteCarloDraws: null,
        seed: 0,
        dethrone: false,
      }),
    );
  });

  it('BLEND defaults blendAlpha to 0.5 and keeps a given one; other weightings have none', () => {
    expect(resolve({ criteria: [{ indicator: ORGS }], weighting: { kind: WeightingKind.BLEND } }).blendAlpha).toBe(0.5);
    expect(resolve({ criteria: [{ indicator: ORGS }], weighting: { kind: WeightingKind.BLEND, blendAlpha: 0.3 } }).blendAlpha).toBe(0.3);
    expect(resolve({ criteria: [{ indicator: ORGS }], weighting: { kind: WeightingKind.ENTROPY } }).blendAlpha).toBeNull();
  });

  it('accepts an AHP matrix of the right size, with AHP or BLEND', () => {
    const ahpMatrix = [
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ];
    expect(resolve({ criteria: three, weighting: { kind: WeightingKind.AHP, ahpMatrix } })).toMatchObject({ weighting: 'ahp', ahpMatrix });
    expect(resolve({ criteria: three, weighting: { kind: WeightingKind.BLEND, ahpMatrix } })).toMatchObject({ weighting: 'blend', ahpMatrix, blendAlpha: 0.5 });
  });

  it('accepts a NEUTRAL indicator once a direction is given, and bounds the right way for BENEFIT and COST', () => {
    const s = resolve({
      criteria: [
        { indicator: 'enterprise.count', direction: IndicatorDirection.COST, unacceptable: 500, satisfactory: 100 },
        { indicator: ORGS, weight: 2, unacceptable: 10, satisfactory: 100 },
      ],
      normalization: NormalizationKind.EFFICACY,
    });
    expect(s.criteria).toEqual([
      { indicator: 'enterprise.count', weight: 1, direction: 'cost', bounds: { unacceptable: 500, satisfactory: 100 } },
      { indicator: ORGS, weight: 2, direction: 'benefit', bounds: { unacceptable: 10, satisfactory: 100 } },
    ]);
    expect(s.normalization).toBe('efficacy');
  });
});

describe('resolveSelectionSettings: presets from seed/presets.json', () => {
  it("applies the onsite_meeting_host preset's settings", () => {
    const s = resolve({}, ONSITE);
    expect(s).toMatchObject({
      presetCode: 'onsite_meeting_host',
      method: 'weighted-sum',
      normalization: 'efficacy',
      weighting: 'given',
      missing: 'impute',
      imputationRule: 'worst',
      excludeHostedWithinYears: 3,
      countAnnouncedMeetings: true,
      source: 'PREFER_REPORTED',
      top: 1,
      asOfYear: YEAR,
    });
    expect(s.criteria).toHaveLength(8);
    expect(s.criteria[0]).toEqual({ indicator: ORGS, weight: 0.15, direction: 'benefit', bounds: { unacceptable: 10, satisfactory: 100 } });
    expect(s.criteria.map((c) => c.indicator)).toEqual(ONSITE.settings.criteria.map((c) => c.indicator));
  });

  it('applies the party_building_quality preset (TOPSIS, VECTOR, no hosting rule, top 3)', () => {
    expect(resolve({}, QUALITY)).toMatchObject({
      presetCode: 'party_building_quality',
      method: 'topsis',
      normalization: 'vector',
      excludeHostedWithinYears: null,
      top: 3,
      missing: 'impute',
    });
  });

  it('lets input fields override the preset', () => {
    const s = resolve(
      {
        top: 3,
        method: RankingMethod.TOPSIS,
        source: ValueSource.REPORTED,
        missing: { policy: MissingValuePolicyKind.EXCLUDE },
        constraints: { excludeHostedWithinYears: 5, asOfYear: 2020, countAnnouncedMeetings: false },
        robustness: { seed: 7 },
      },
      ONSITE,
    );
    expect(s).toMatchObject({
      top: 3,
      method: 'topsis',
      source: 'REPORTED',
      missing: 'exclude',
      imputationRule: null,
      excludeHostedWithinYears: 5,
      asOfYear: 2020,
      countAnnouncedMeetings: false,
      seed: 7,
    });
    // What the input does not mention still comes from the preset (EFFICACY, not TOPSIS's VECTOR default).
    expect(s.normalization).toBe('efficacy');
    expect(s.criteria).toHaveLength(8);
  });

  it("replaces the preset's criteria with the input's, not merges them", () => {
    const s = resolve({ criteria: [{ indicator: HONORS, weight: 2, unacceptable: 0, satisfactory: 20 }] }, ONSITE);
    expect(s.criteria).toEqual([{ indicator: HONORS, weight: 2, direction: 'benefit', bounds: { unacceptable: 0, satisfactory: 20 } }]);
    expect(s.presetCode).toBe('onsite_meeting_host');
  });

  it("excludeHostedWithinYears: 0 turns the preset's hosting rule off", () => {
    expect(resolve({}, ONSITE).excludeHostedWithinYears).toBe(3);
    expect(resolve({ constraints: { excludeHostedWithinYears: 0 } }, ONSITE).excludeHostedWithinYears).toBeNull();
  });

  it("an input missing-value rule replaces the preset's; IMPUTE without a rule falls back to WORST", () => {
    expect(resolve({ missing: { policy: MissingValuePolicyKind.IMPUTE, rule: ImputationRule.MEAN } }, ONSITE).imputationRule).toBe('mean');
    expect(resolve({ missing: { policy: MissingValuePolicyKind.IMPUTE } }, ONSITE).imputationRule).toBe('worst');
  });

  it("refuses input criteria without bounds under the preset's EFFICACY normalisation, unless the normalisation is overridden", () => {
    expect(fieldOf(() => resolve({ criteria: [{ indicator: HONORS }] }, ONSITE))).toBe('input.criteria[0].unacceptable');
    expect(resolve({ criteria: [{ indicator: HONORS }], normalization: NormalizationKind.MIN_MAX }, ONSITE).normalization).toBe('min-max');
  });
});

describe('resolveSelectionSettings: errors name the input field', () => {
  it('no criteria and no preset → input.criteria', () => {
    expect(fieldOf(() => resolve({}))).toBe('input.criteria');
    expect(fieldOf(() => resolve({ criteria: [] }))).toBe('input.criteria');
  });

  it('unknown indicator → input.criteria[i].indicator', () => {
    const error = badInput(() => resolve({ criteria: [{ indicator: ORGS }, { indicator: 'no.such.indicator' }] }));
    expect(error.extensions.field).toBe('input.criteria[1].indicator');
    expect(error.message).toContain('no.such.indicator');
  });

  it('duplicate indicator → input.criteria[i].indicator of the second occurrence', () => {
    expect(fieldOf(() => resolve({ criteria: [{ indicator: ORGS }, { indicator: HONORS }, { indicator: ORGS }] }))).toBe('input.criteria[2].indicator');
  });

  it('NEUTRAL indicator (enterprise.count) without a direction, or with NEUTRAL → input.criteria[i].direction', () => {
    expect(fieldOf(() => resolve({ criteria: [{ indicator: ORGS }, { indicator: 'enterprise.count' }] }))).toBe('input.criteria[1].direction');
    expect(fieldOf(() => resolve({ criteria: [{ indicator: 'enterprise.count', direction: IndicatorDirection.NEUTRAL }] }))).toBe(
      'input.criteria[0].direction',
    );
  });

  it('a negative weight → input.criteria[i].weight', () => {
    expect(fieldOf(() => resolve({ criteria: [{ indicator: ORGS, weight: -1 }] }))).toBe('input.criteria[0].weight');
  });

  it('only one of unacceptable / satisfactory → the other one', () => {
    expect(fieldOf(() => resolve({ criteria: [{ indicator: ORGS, unacceptable: 10 }] }))).toBe('input.criteria[0].satisfactory');
    expect(fieldOf(() => resolve({ criteria: [{ indicator: ORGS }, { indicator: HONORS, satisfactory: 20 }] }))).toBe('input.criteria[1].unacceptable');
  });

  it('EFFICACY without bounds → input.criteria[i].unacceptable of the first criterion lacking them', () => {
    const input: BenchmarkSelectionInput = {
      criteria: [{ indicator: ORGS, unacceptable: 10, satisfactory: 100 }, { indicator: HONORS }],
      normalization: NormalizationKind.EFFICACY,
    };
    expect(fieldOf(() => resolve(input))).toBe('input.criteria[1].unacceptable');
  });

  it('bounds the wrong way for BENEFIT or COST, or equal → input.criteria[i].satisfactory', () => {
    expect(fieldOf(() => resolve({ criteria: [{ indicator: ORGS, unacceptable: 100, satisfactory: 10 }] }))).toBe('input.criteria[0].satisfactory');
    expect(
      fieldOf(() => resolve({ criteria: [{ indicator: ORGS }, { indicator: HONORS, direction: IndicatorDirection.COST, unacceptable: 0, satisfactory: 20 }] })),
    ).toBe('input.criteria[1].satisfactory');
    expect(fieldOf(() => resolve({ criteria: [{ indicator: ORGS, unacceptable: 10, satisfactory: 10 }] }))).toBe('input.criteria[0].satisfactory');
  });

  it('a non-reciprocal or non-positive matrix → the offending cell of input.weighting.ahpMatrix', () => {
    const two = three.slice(0, 2);
    expect(
      fieldOf(() =>
        resolve({
          criteria: two,
          weighting: {
            kind: WeightingKind.AHP,
            ahpMatrix: [
              [1, 3],
              [3, 1],
            ],
          },
        }),
      ),
    ).toMatch(/^input\.weighting\.ahpMatrix\[\d\]\[\d\]$/);
    expect(
      fieldOf(() =>
        resolve({
          criteria: two,
          weighting: {
            kind: WeightingKind.AHP,
            ahpMatrix: [
              [1, -2],
              [-0.5, 1],
            ],
          },
        }),
      ),
    ).toMatch(/^input\.weighting\.ahpMatrix\[\d\]\[\d\]$/);
  });

  it('AHP without a matrix → input.weighting.ahpMatrix', () => {
    expect(fieldOf(() => resolve({ criteria: three, weighting: { kind: WeightingKind.AHP } }))).toBe('input.weighting.ahpMatrix');
  });

  it('a matrix with the wrong number of rows → input.weighting.ahpMatrix; a short row → input.weighting.ahpMatrix[i]', () => {
    const twoRows = [
      [1, 2, 4],
      [1 / 2, 1, 2],
    ];
    expect(fieldOf(() => resolve({ criteria: three, weighting: { kind: WeightingKind.AHP, ahpMatrix: twoRows } }))).toBe('input.weighting.ahpMatrix');
    const shortRow = [
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2],
    ];
    expect(fieldOf(() => resolve({ criteria: three, weighting: { kind: WeightingKind.AHP, ahpMatrix: shortRow } }))).toBe('input.weighting.ahpMatrix[2]');
  });

  it('a matrix with GIVEN or ENTROPY weighting → input.weighting.ahpMatrix', () => {
    const ahpMatrix = [
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ];
    expect(fieldOf(() => resolve({ criteria: three, weighting: { kind: WeightingKind.GIVEN, ahpMatrix } }))).toBe('input.weighting.ahpMatrix');
    expect(fieldOf(() => resolve({ criteria: three, weighting: { kind: WeightingKind.ENTROPY, ahpMatrix } }))).toBe('input.weighting.ahpMatrix');
  });

  it('blendAlpha without BLEND → input.weighting.blendAlpha', () => {
    expect(fieldOf(() => resolve({ criteria: three, weighting: { kind: WeightingKind.ENTROPY, blendAlpha: 0.4 } }))).toBe('input.weighting.blendAlpha');
  });

  it('a rule with EXCLUDE → input.missing.rule', () => {
    expect(fieldOf(() => resolve({ criteria: three, missing: { policy: MissingValuePolicyKind.EXCLUDE, rule: ImputationRule.MEAN } }))).toBe(
      'input.missing.rule',
    );
  });

  it('unknown minimum indicator → input.constraints.minimums[0].indicator', () => {
    expect(fieldOf(() => resolve({ criteria: three, constraints: { minimums: [{ indicator: 'no.such.indicator', value: 1 }] } }))).toBe(
      'input.constraints.minimums[0].indicator',
    );
  });

  it('a minimum that is not a finite number → input.constraints.minimums[i].value', () => {
    expect(
      fieldOf(() =>
        resolve({
          criteria: three,
          constraints: {
            minimums: [
              { indicator: ORGS, value: 1 },
              { indicator: HONORS, value: Number.NaN },
            ],
          },
        }),
      ),
    ).toBe('input.constraints.minimums[1].value');
  });
});

describe('loadPresetFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'presets-test-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const criterionJson = (indicator: string, extra: Record<string, unknown> = {}) => ({
    indicator,
    weight: 1,
    dimension: '代表性 representativeness',
    justification: 'A justification long enough for the schema.',
    ...extra,
  });
  const presetJson = (code: string, criteria: Record<string, unknown>[], normalization = 'MIN_MAX') => ({
    code,
    nameZh: '测试预设',
    nameEn: 'Test preset',
    purpose: 'A preset written by a unit test.',
    justification: 'Only here to check that bad preset files are refused.',
    settings: { method: 'WEIGHTED_SUM', normalization, weighting: 'GIVEN', missing: 'EXCLUDE', source: 'PREFER_REPORTED', top: 1, criteria },
  });
  function write(name: string, content: unknown): string {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
    return path;
  }
  function refusal(path: string): string {
    try {
      loadPresetFile(path);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`loadPresetFile accepted ${path}`);
  }

  it('reads the shipped seed/presets.json', () => {
    expect(SEED.presets.map((p) => p.code)).toEqual(['onsite_meeting_host', 'party_building_quality']);
    expect(ONSITE.settings.countAnnouncedMeetings).toBe(true);
  });

  it('accepts a valid file written by the test (so the refusals below are about the one defect)', () => {
    const path = write('valid.json', { presets: [presetJson('good', [criterionJson(ORGS), criterionJson(HONORS)])] });
    expect(loadPresetFile(path).presets.map((p) => p.code)).toEqual(['good']);
  });

  it('refuses an unknown indicator code, naming the file and the field', () => {
    const path = write('unknown.json', { presets: [presetJson('bad', [criterionJson(ORGS), criterionJson('no.such.indicator')])] });
    const message = refusal(path);
    expect(message).toContain(path);
    expect(message).toContain('presets[0].settings.criteria[1].indicator');
    expect(message).toContain('no.such.indicator');
  });

  it('refuses a duplicate preset code, naming the second one', () => {
    const path = write('duplicate.json', { presets: [presetJson('twice', [criterionJson(ORGS)]), presetJson('twice', [criterionJson(HONORS)])] });
    const message = refusal(path);
    expect(message).toContain(path);
    expect(message).toContain('presets[1].code');
    expect(message).toContain('"twice"');
  });

  it('refuses EFFICACY without bounds, naming the criterion', () => {
    const path = write('efficacy.json', {
      presets: [presetJson('eff', [criterionJson(ORGS, { unacceptable: 10, satisfactory: 100 }), criterionJson(HONORS)], 'EFFICACY')],
    });
    const message = refusal(path);
    expect(message).toContain(path);
    expect(message).toContain('presets[0].settings.criteria[1].unacceptable');
  });

  it('refuses bounds the wrong way round for a BENEFIT criterion (a preset that no run could use)', () => {
    const path = write('reversed.json', { presets: [presetJson('reversed', [criterionJson(ORGS, { unacceptable: 100, satisfactory: 10 })])] });
    const message = refusal(path);
    expect(message).toContain(path);
    expect(message).toContain('presets[0].settings.criteria[0].satisfactory');
  });

  it('refuses a NEUTRAL indicator without a direction', () => {
    const path = write('neutral.json', { presets: [presetJson('neutral', [criterionJson('enterprise.count')])] });
    const message = refusal(path);
    expect(message).toContain(path);
    expect(message).toContain('presets[0].settings.criteria[0].direction');
  });

  it('refuses a file that breaks the schema (a criterion without weight), naming the field', () => {
    const { weight: _weight, ...noWeight } = criterionJson(ORGS);
    const path = write('schema.json', { presets: [presetJson('schema', [noWeight])] });
    const message = refusal(path);
    expect(message).toContain(path);
    expect(message).toContain('presets[0].settings.criteria[0].weight');
  });

  it('refuses malformed JSON, naming the file', () => {
    const path = write('malformed.json', '{ "presets": [ { "code": "x", ');
    const message = refusal(path);
    expect(message).toContain(path);
    expect(message).toContain('not readable JSON');
  });
});
