import { emptyCell, renderSideBySide, type CellRounds, type SideBySideRow } from './sideBySideTable';

function cell(rounds: Partial<CellRounds>): CellRounds {
  return { ...emptyCell(), ...rounds };
}

const rows: SideBySideRow[] = [
  {
    shape: "one zone's indicators",
    concurrency: 32,
    cells: {
      direct: cell({ throughput: [500, 520, 480], p50: [60, 62, 58], cpu: { front: [], province: [], zoneServices: [2.4, 2.2, 2.3] } }),
      ours: cell({
        throughput: [1000, 1100, 1050],
        p50: [30, 28, 29],
        cpu: { front: [0.9, 0.8, 0.85], province: [0.01, 0.02, 0.02], zoneServices: [0.1, 0.12, 0.11] },
      }),
      apollo: cell({ throughput: [200], p50: [150] }),
    },
  },
];

/** The lines of the table titled `title` in `text`, header and rule left out. */
function tableRows(text: string, title: string): string[] {
  const start = text.indexOf(title);
  expect(start).toBeGreaterThanOrEqual(0);
  const lines = text.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('| ---') || line.startsWith('| -'));
  const body: string[] = [];
  for (const line of lines.slice(first + 1)) {
    if (!line.startsWith('|')) break;
    body.push(line);
  }
  return body;
}

const cells = (line: string) =>
  line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());

describe('renderSideBySide', () => {
  const text = renderSideBySide('Side by side, test', rows, ['a note']);

  it('prints CPU per request by process: the gateway asked, the province, the zone services, medians of the rounds', () => {
    const [line] = tableRows(text, 'Side by side, test: CPU per request, ms (gateway / province / zone services)');
    const [shape, c, direct, ours, noDedup, cached, apollo] = cells(line!);
    expect([shape, c]).toEqual(["one zone's indicators", '32']);
    expect(direct).toBe('- / - / 2.30');
    expect(ours).toBe('0.85 / 0.02 / 0.11');
    expect([noDedup, cached]).toEqual(['not run', 'not run']);
    // A cell whose CPU could not be read (no /proc) says so rather than printing zeros.
    expect(apollo).toBe('-');
  });

  it("keeps the throughput table with every ratio to the zone service asked directly, the median of the rounds' ratios", () => {
    const [line] = tableRows(text, 'Side by side, test: requests per second');
    const [, , direct, ours, , , apollo] = cells(line!);
    expect(direct).toBe('500 ±4%');
    // Rounds' ratios 2.00, 2.12, 2.19: their median, not 1050 / 500.
    expect(ours).toBe('1050 ±5% (2.12×)');
    // One round measured: paired with the reference's first round.
    expect(apollo).toBe('200 (0.40×)');
  });

  it('gives a ratio of p50 latencies the same way', () => {
    const [line] = tableRows(text, 'Side by side, test: p50 latency, ms');
    const [, , , ours] = cells(line!);
    // 30/60, 28/62, 29/58: median 0.5.
    expect(ours).toMatch(/\(0\.50×\)$/);
  });
});
