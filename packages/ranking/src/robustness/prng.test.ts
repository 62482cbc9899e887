import { gammaSample, mulberry32, standardNormal } from './prng';

describe('deterministic PRNG', () => {
  it('mulberry32 matches an independent implementation of the reference algorithm', () => {
    // Computed with a separate Python transcription of Ettinger's mulberry32 (uint32 arithmetic).
    const r1 = mulberry32(1);
    expect([r1(), r1(), r1()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const r42 = mulberry32(42);
    expect([r42(), r42(), r42()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('same seed gives the same sequence; values lie in [0, 1)', () => {
    const a = mulberry32(2024);
    const b = mulberry32(2024);
    const xs = Array.from({ length: 1000 }, () => a());
    const ys = Array.from({ length: 1000 }, () => b());
    expect(ys).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('uniform mean and normal moments are sane (20000 draws)', () => {
    const rng = mulberry32(7);
    const n = 20000;
    let su = 0;
    for (let k = 0; k < n; k++) su += rng();
    expect(Math.abs(su / n - 0.5)).toBeLessThan(3 * Math.sqrt(1 / 12 / n));
    let s = 0;
    let s2 = 0;
    for (let k = 0; k < n; k++) {
      const z = standardNormal(rng);
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(3 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
  });

  it.each([0.3, 1, 2.5, 10])('gamma(%d) has mean = shape and variance = shape', (shape) => {
    const rng = mulberry32(99);
    const n = 20000;
    let s = 0;
    let s2 = 0;
    let min = Infinity;
    for (let k = 0; k < n; k++) {
      const g = gammaSample(rng, shape);
      min = Math.min(min, g);
      s += g;
      s2 += g * g;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    const mean = s / n;
    const variance = s2 / n - mean * mean;
    expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / n));
    expect(Math.abs(variance / shape - 1)).toBeLessThan(0.1);
  });
});
