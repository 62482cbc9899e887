import type { FigureReadOptions, ZoneReader } from '../zoneReader/zoneReader';
import type { ScopedZones } from './candidateZones';
import type { ValuePolicy } from './cell';
import { resolveCells, type CellTable } from './resolveCells';
import { missingCell } from './selectFigure';

/**
 * The cells of every scoped zone for `codes`: routable zones are read through
 * the reader (one round trip per zone service); zones no service hosts get
 * ZONE_UNAVAILABLE cells and a failure, so nothing is dropped silently.
 */
export async function readZoneCells(
  reader: ZoneReader,
  scoped: ScopedZones,
  codes: readonly string[],
  policy: ValuePolicy,
  options: FigureReadOptions = {},
): Promise<CellTable> {
  const unroutable = new Set(scoped.unroutable.map((z) => z.id));
  const routable = scoped.zones.filter((z) => !unroutable.has(z.id)).map((z) => z.id);
  const table = await resolveCells(reader, routable, codes, policy, options);
  for (const zone of scoped.unroutable) {
    const message = `no zone service is registered for zone "${zone.id}"`;
    table.failures.push({ zoneId: zone.id, service: null, message });
    table.cells[zone.id] = Object.fromEntries(codes.map((code) => [code, { ...missingCell(zone.id, code, message), status: 'ZONE_UNAVAILABLE' as const }]));
  }
  return table;
}
