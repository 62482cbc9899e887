import { groupColumnName, rowStatus, STATUS_COLUMNS, type CellValue, type ColumnGroup } from '../columns';
import { defineView } from '../viewDefinition';
import { cell, joined, QUALIFIERS } from './shared';

interface Contribution {
  indicator: string;
  raw: number;
  normalized: number;
  weight: number;
  contribution: number;
  imputed: boolean;
  figure: {
    value: number | null;
    qualifier: string | null;
    period: string | null;
    provenance: { kind: string; document: string | null; computation: string | null } | null;
  };
}

interface ZoneRef {
  id: string;
  nameZh: string;
  province: { code: string };
}

interface SelectionRunAnswer {
  selectionRun: {
    id: string;
    title: string;
    createdAt: string;
    replayMatchesSaved: boolean;
    result: {
      dataTakenAt: string;
      settings: { method: string; normalization: string; weighting: string; criteria: { indicator: string }[] };
      ranked: {
        rank: number;
        score: number;
        selected: boolean;
        probabilityFirst: number | null;
        meanRank: number | null;
        rankAcceptability: number[] | null;
        imputedIndicators: string[];
        zone: ZoneRef;
        breakdown: Contribution[];
      }[];
      excluded: { zone: ZoneRef; reason: string; message: string }[];
      failedZones: { zoneId: string; service: string | null; message: string }[];
      robustness: { stable: boolean | null };
    };
  };
  sourceDocuments: { fileName: string; title: string }[];
}

/** One group of columns per criterion of the run. */
const CRITERION_GROUP: ColumnGroup = {
  group: 'criterion',
  keys: "each criterion (indicator code) of the run's settings, in order",
  keyPattern: '[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*',
  columns: [
    {
      name: '{key}.contribution',
      type: 'number',
      description: "The criterion's part of the score (weight × normalised value); the contributions add up to the score",
    },
    { name: '{key}.weight', type: 'number', description: 'Final weight of the criterion (the weights sum to 1)' },
    { name: '{key}.normalized', type: 'number', description: 'Normalised, benefit-oriented value (larger is better)' },
    { name: '{key}.raw', type: 'number', description: 'The value scored (imputed when `imputed` is true)' },
    { name: '{key}.imputed', type: 'boolean', description: 'Whether the value was imputed (the zone had no figure)' },
    { name: '{key}.value', type: 'number', description: 'The figure used, as the source gives it; empty when imputed' },
    { name: '{key}.precision', type: 'string', values: QUALIFIERS, description: 'Precision of the figure: EXACT, AT_LEAST (a lower bound) or ABOUT' },
    { name: '{key}.period', type: 'string', description: 'Period of the figure (kept as text)' },
    { name: '{key}.kind', type: 'string', values: ['REPORTED', 'COMPUTED', 'DERIVED', 'SYNTHETIC'], description: 'Provenance kind of the figure' },
    { name: '{key}.source', type: 'string', description: 'File name of the source article; the computation for a computed or derived figure' },
    { name: '{key}.source_title', type: 'string', description: 'Title of the source article' },
  ],
};

/** One column per rank a Monte Carlo draw can give. */
const ACCEPTABILITY_GROUP: ColumnGroup = {
  group: 'rank',
  keys: 'each rank 1, 2, ... up to the number of ranked zones',
  keyPattern: '[1-9][0-9]*',
  columns: [{ name: 'rank_acceptability.{key}', type: 'number', description: 'Share of the Monte Carlo weight draws in which the zone took this rank' }],
};

const STANDINGS = ['RANKED', 'ZONE_UNAVAILABLE', 'HOSTED_RECENTLY', 'BELOW_MINIMUM', 'MISSING_VALUE'];

/** A saved selection run: one row per zone it ranked or excluded. */
export const selectionRunView = defineView<SelectionRunAnswer>({
  name: 'selection-run',
  title: 'Saved selection run',
  description:
    "A saved benchmark-site selection run by id (needs the ANALYST or ADMIN role; an analyst reads its own runs): one row per zone ranked, with rank, score, each criterion's contribution and the figure behind it, and the Monte Carlo robustness figures; then one row per zone excluded, with the reason. A zone whose service was down when the run was made is a row marked `unavailable`.",
  parameters: { id: 'Id of the saved run (a UUID, as `saveSelectionRun` or `selectionRuns` give it).' },
  groupKeys: (_variables, data) => {
    const ranks = Math.max(0, ...data.selectionRun.result.ranked.map((site) => site.rankAcceptability?.length ?? 0));
    return {
      criterion: data.selectionRun.result.settings.criteria.map((criterion) => criterion.indicator),
      rank: Array.from({ length: ranks }, (_, i) => String(i + 1)),
    };
  },
  columns: [
    { name: 'run_id', type: 'string', notNull: true, description: 'Id of the saved run' },
    { name: 'run_title', type: 'string', description: 'Title of the run' },
    { name: 'run_created_at', type: 'date', description: 'When the run was saved (ISO 8601, UTC)' },
    { name: 'data_taken_at', type: 'date', description: 'When the figures were read (ISO 8601, UTC)' },
    { name: 'method', type: 'string', description: 'Ranking method (WEIGHTED_SUM, TOPSIS)' },
    { name: 'replay_matches_saved', type: 'boolean', description: 'Re-computing the run from its stored figures gives exactly the stored result' },
    { name: 'stable', type: 'boolean', description: 'No ±delta weight perturbation changed any rank (empty when not tested)' },
    { name: 'zone_id', type: 'string', notNull: true, description: 'Zone id' },
    { name: 'zone_name', type: 'string', description: 'Zone name in Chinese' },
    { name: 'province', type: 'string', description: 'Province code of the zone' },
    {
      name: 'standing',
      type: 'string',
      values: STANDINGS,
      description: 'RANKED, or why the zone was excluded: ZONE_UNAVAILABLE, HOSTED_RECENTLY, BELOW_MINIMUM, MISSING_VALUE',
    },
    { name: 'exclusion', type: 'string', description: 'Why the zone was excluded, in words' },
    { name: 'rank', type: 'integer', description: 'Competition rank (1, 2, 2, 4); empty when excluded' },
    { name: 'score', type: 'number', description: 'Score: the sum of the contributions' },
    { name: 'selected', type: 'boolean', description: 'Ranked within `top`: a benchmark site' },
    { name: 'probability_first', type: 'number', description: 'Monte Carlo: share of weight draws in which the zone took rank 1' },
    { name: 'mean_rank', type: 'number', description: 'Monte Carlo: mean rank over the weight draws' },
    { name: 'imputed_indicators', type: 'string', description: 'Criteria whose value was imputed for this zone (`; `-separated)' },
    CRITERION_GROUP,
    ACCEPTABILITY_GROUP,
    ...STATUS_COLUMNS,
  ],
  *rows({ data }) {
    const run = data.selectionRun;
    const { result } = run;
    const titles = new Map(data.sourceDocuments.map((document) => [document.fileName, document.title]));
    const criteria = result.settings.criteria.map((criterion) => criterion.indicator);
    const ranks = Math.max(0, ...result.ranked.map((site) => site.rankAcceptability?.length ?? 0));
    const about = {
      run_id: run.id,
      run_title: run.title,
      run_created_at: run.createdAt,
      data_taken_at: result.dataTakenAt,
      method: result.settings.method,
      replay_matches_saved: run.replayMatchesSaved,
      stable: result.robustness.stable,
    };
    const empty = (): Record<string, CellValue> => ({
      ...Object.fromEntries(criteria.flatMap((code) => CRITERION_GROUP.columns.map((column) => [groupColumnName(column.name, code), null]))),
      ...Object.fromEntries(Array.from({ length: ranks }, (_, i) => [`rank_acceptability.${i + 1}`, null])),
    });
    for (const site of result.ranked) {
      const groups = empty();
      for (const part of site.breakdown) {
        const document = part.figure.provenance?.document ?? null;
        Object.assign(groups, {
          [`${part.indicator}.contribution`]: part.contribution,
          [`${part.indicator}.weight`]: part.weight,
          [`${part.indicator}.normalized`]: part.normalized,
          [`${part.indicator}.raw`]: part.raw,
          [`${part.indicator}.imputed`]: part.imputed,
          [`${part.indicator}.value`]: part.figure.value,
          [`${part.indicator}.precision`]: part.figure.qualifier,
          [`${part.indicator}.period`]: part.figure.period,
          [`${part.indicator}.kind`]: cell(part.figure.provenance?.kind),
          [`${part.indicator}.source`]: document ?? cell(part.figure.provenance?.computation),
          [`${part.indicator}.source_title`]: document === null ? null : (titles.get(document) ?? null),
        });
      }
      for (const [i, share] of (site.rankAcceptability ?? []).entries()) groups[`rank_acceptability.${i + 1}`] = share;
      yield {
        ...about,
        zone_id: site.zone.id,
        zone_name: site.zone.nameZh,
        province: site.zone.province.code,
        standing: 'RANKED',
        exclusion: null,
        rank: site.rank,
        score: site.score,
        selected: site.selected,
        probability_first: site.probabilityFirst,
        mean_rank: site.meanRank,
        imputed_indicators: joined(site.imputedIndicators),
        ...groups,
        ...rowStatus(undefined),
      };
    }
    const failures = new Map(result.failedZones.map((failure) => [failure.zoneId, failure.message]));
    const excluded = [
      ...result.excluded.map(({ zone, reason, message }) => ({ id: zone.id, zone: zone as ZoneRef | null, reason, message })),
      ...result.failedZones
        .filter((failure) => !result.excluded.some(({ zone }) => zone.id === failure.zoneId))
        .map((failure) => ({ id: failure.zoneId, zone: null, reason: 'ZONE_UNAVAILABLE', message: failure.message })),
    ];
    for (const { id, zone, reason, message } of excluded) {
      const unavailable = reason === 'ZONE_UNAVAILABLE';
      yield {
        ...about,
        zone_id: id,
        zone_name: cell(zone?.nameZh),
        province: cell(zone?.province.code),
        standing: reason,
        exclusion: message,
        rank: null,
        score: null,
        selected: false,
        probability_first: null,
        mean_rank: null,
        imputed_indicators: null,
        ...empty(),
        ...rowStatus(unavailable ? (failures.get(id) ?? message) : undefined),
      };
    }
  },
});
