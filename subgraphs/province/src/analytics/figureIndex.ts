import type { ZoneFigure } from '../zoneReader/zoneReader';

/** One zone's figures for one code, in the order the read gave them. */
export type FiguresOf = (zoneId: string, code: string) => readonly ZoneFigure[];

const NONE: readonly ZoneFigure[] = [];

/**
 * Groups a read's figures by zone and code once, so that picking a cell looks
 * its figures up instead of scanning every figure of every zone (which made a
 * province-wide table cost zones × cells × figures).
 */
export function indexFigures(figures: readonly ZoneFigure[]): FiguresOf {
  const byZone = new Map<string, Map<string, ZoneFigure[]>>();
  for (const figure of figures) {
    let byCode = byZone.get(figure.zoneId);
    if (!byCode) byZone.set(figure.zoneId, (byCode = new Map()));
    const list = byCode.get(figure.code);
    if (list) list.push(figure);
    else byCode.set(figure.code, [figure]);
  }
  return (zoneId, code) => byZone.get(zoneId)?.get(code) ?? NONE;
}
