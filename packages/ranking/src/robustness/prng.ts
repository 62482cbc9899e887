/**
 * Small deterministic pseudo-random generators (no Math.random anywhere).
 * The same seed always yields the same sequence on every platform, because
 * mulberry32 only uses 32-bit integer arithmetic (Math.imul, >>>).
 */

/** A generator of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32 (Tommy Ettinger, 2017, public domain): 32-bit state, period 2^32.
 * The seed is reduced to an unsigned 32-bit integer.
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normal deviate by the Box-Muller transform (cosine branch):
 * z = sqrt(-2 ln u1) cos(2 pi u2), u1 in (0, 1].
 * Reference: Box, G. E. P. & Muller, M. E. (1958) Annals of Mathematical Statistics 29(2), 610-611.
 */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng();
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Gamma(shape, 1) deviate by Marsaglia & Tsang's squeeze method; for shape < 1,
 * Gamma(a) = Gamma(a + 1) * U^(1/a).
 * Reference: Marsaglia, G. & Tsang, W. W. (2000) "A simple method for generating
 * gamma variables", ACM Transactions on Mathematical Software 26(3), 363-372.
 */
export function gammaSample(rng: Rng, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0 (got ${shape})`);
  if (shape < 1) return gammaSample(rng, shape + 1) * Math.pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
