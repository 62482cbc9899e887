import { indicatorByCode, unitLabel } from '@devzone/catalogue';
import type { IndicatorReportRow } from '../../db/entities';
import type { ComputedFigure } from '../../computed/assessZone';
import { ProvenanceKind, RecordCompleteness, type Qualifier } from '../types/enums';
import { IndicatorValue } from '../types/indicatorValue.type';
import { Provenance, provenanceOf } from '../types/provenance.type';

function describe(code: string, unit: string) {
  const definition = indicatorByCode(code);
  return { nameZh: definition?.nameZh ?? code, nameEn: definition?.nameEn ?? code, unit, unitLabel: unitLabel(unit) };
}

export function reportedValue(row: IndicatorReportRow): IndicatorValue {
  return Object.assign(new IndicatorValue(), {
    code: row.code,
    ...describe(row.code, row.unit),
    period: row.period,
    periodBasis: row.periodBasis,
    value: row.value,
    qualifier: row.qualifier.toUpperCase() as Qualifier,
    note: row.note,
    scope: row.scope === '' ? null : row.scope,
    provenance: provenanceOf(row),
  });
}

export function computedValue(figure: ComputedFigure): IndicatorValue {
  const unit = indicatorByCode(figure.code)?.unit ?? 'count';
  return Object.assign(new IndicatorValue(), {
    code: figure.code,
    ...describe(figure.code, unit),
    period: figure.period,
    periodBasis: figure.periodBasis,
    value: figure.value,
    qualifier: figure.qualifier.toUpperCase() as Qualifier,
    note: figure.note,
    scope: null,
    provenance: Object.assign(new Provenance(), {
      kind: ProvenanceKind.COMPUTED,
      document: null,
      passage: null,
      computation: figure.computation,
      recordCompleteness: figure.completeness.toUpperCase() as RecordCompleteness,
      recordCount: figure.recordCount,
      enteredBy: null,
      enteredAt: null,
      citation: null,
    }),
  });
}
