import { unitLabel } from '@devzone/catalogue';
import { Qualifier, RecordCompleteness } from '@devzone/subgraph-kit';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Cell } from '../../analytics/cell';

export enum ValueSource {
  REPORTED = 'REPORTED',
  COMPUTED = 'COMPUTED',
  PREFER_REPORTED = 'PREFER_REPORTED',
}
registerEnumType(ValueSource, {
  name: 'ValueSource',
  description:
    "Which figures an analysis uses. REPORTED: quoted from source documents only. COMPUTED: aggregated from the zone's records only. PREFER_REPORTED: reported where a zone has one, else computed (the cell's note says so). " +
    'Computed figures count only when computed over COMPLETE records, unless the analysis sets `computedOverNamedOnly: true`.',
});

export enum CellStatus {
  PRESENT = 'PRESENT',
  MISSING = 'MISSING',
  ZONE_UNAVAILABLE = 'ZONE_UNAVAILABLE',
}
registerEnumType(CellStatus, {
  name: 'CellStatus',
  description: 'PRESENT: a value. MISSING: the zone has no such figure (note says why). ZONE_UNAVAILABLE: its service failed.',
});

export enum FigureKind {
  REPORTED = 'REPORTED',
  COMPUTED = 'COMPUTED',
  SYNTHETIC = 'SYNTHETIC',
  ZONE_SYSTEM = 'ZONE_SYSTEM',
  DERIVED = 'DERIVED',
}
registerEnumType(FigureKind, {
  name: 'FigureKind',
  description:
    "REPORTED: quoted from a source. COMPUTED: aggregated from records. SYNTHETIC: generated test data. ZONE_SYSTEM: entered by the zone's own system (counts as reported). DERIVED: computed by the province from other figures (see `inputs`).",
});

@ObjectType({ description: 'Where a figure comes from: a document and passage, or a computation.' })
export class CellProvenance {
  @Field(() => FigureKind) kind!: FigureKind;
  @Field(() => String, { nullable: true }) document!: string | null;
  @Field(() => String, { nullable: true }) passage!: string | null;
  @Field(() => String, { nullable: true }) computation!: string | null;
  @Field(() => RecordCompleteness, {
    nullable: true,
    description:
      'COMPUTED figures: completeness of the records it was computed over (NAMED_ONLY: only what the sources name, used only with `computedOverNamedOnly`). Null for other kinds, and for cells saved before it was read.',
  })
  recordCompleteness!: RecordCompleteness | null;
  @Field(() => Int, { nullable: true, description: 'COMPUTED figures: how many records it was computed over.' }) recordCount!: number | null;
}

@ObjectType({ description: 'One zone × indicator figure as an analysis used it: value with unit, precision, period and provenance, or why there is none.' })
export class FigureCell {
  @Field(() => ID) zoneId!: string;
  @Field(() => String, { description: 'Indicator code.' }) code!: string;
  @Field(() => CellStatus) status!: CellStatus;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { description: 'Unit code (count, person, percent ...).' }) unit!: string;
  @Field(() => String, { description: 'Unit as written in Chinese.' }) unitLabel!: string;
  @Field(() => Qualifier, { nullable: true }) qualifier!: Qualifier | null;
  @Field(() => String, { nullable: true }) period!: string | null;
  @Field(() => String, { nullable: true }) periodBasis!: string | null;
  @Field(() => CellProvenance, { nullable: true }) provenance!: CellProvenance | null;
  @Field(() => [FigureCell], { description: 'For derived indicators: the figures it was computed from.' }) inputs!: FigureCell[];
  @Field(() => String, { nullable: true, description: 'Which figure was chosen over which, or why the cell is missing.' }) note!: string | null;
}

export function toFigureCell(cell: Cell): FigureCell {
  return Object.assign(new FigureCell(), {
    zoneId: cell.zoneId,
    code: cell.code,
    status: cell.status as CellStatus,
    value: cell.value,
    unit: cell.unit,
    unitLabel: unitLabel(cell.unit),
    qualifier: cell.qualifier as Qualifier | null,
    period: cell.period,
    periodBasis: cell.periodBasis,
    provenance: cell.provenance
      ? Object.assign(new CellProvenance(), {
          kind: cell.provenance.kind as FigureKind,
          document: cell.provenance.document,
          passage: cell.provenance.passage,
          computation: cell.provenance.computation,
          recordCompleteness: (cell.provenance.recordCompleteness ?? null) as RecordCompleteness | null,
          recordCount: cell.provenance.recordCount ?? null,
        })
      : null,
    inputs: cell.inputs.map(toFigureCell),
    note: cell.note,
  });
}
