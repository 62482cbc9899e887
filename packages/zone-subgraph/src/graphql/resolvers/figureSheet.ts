import type { FigureSheet, SheetFigure } from '@devzone/subgraph-kit';
import type { IndicatorValue } from '../types/indicatorValue.type';
import type { UnassessedIndicator } from '../types/unassessedIndicator.type';

/** A figure as the sheet holds it: the fields of `IndicatorValue` the province reads, texts null unless asked. */
export function sheetFigureOf(value: IndicatorValue, withText: boolean): SheetFigure {
  const { provenance } = value;
  return {
    code: value.code,
    value: value.value,
    unit: value.unit,
    qualifier: value.qualifier,
    period: value.period,
    periodBasis: withText ? value.periodBasis : null,
    note: withText ? value.note : null,
    provenance: {
      kind: provenance.kind,
      document: provenance.document,
      passage: withText ? provenance.passage : null,
      computation: withText ? provenance.computation : null,
      recordCompleteness: provenance.recordCompleteness,
      recordCount: provenance.recordCount,
    },
  };
}

/** The sheet of figures and unassessed indicators `indicators(codes:)` and `unassessedIndicators(codes:)` answer, in their order. */
export function figureSheetOf(values: readonly IndicatorValue[], unassessed: readonly UnassessedIndicator[], withText: boolean): FigureSheet {
  return {
    indicators: values.map((value) => sheetFigureOf(value, withText)),
    unassessedIndicators: unassessed.map(({ code, reason }) => ({ code, reason })),
  };
}
