import { blendWeights } from './blend';

describe('blended weights w = alpha * subjective + (1 - alpha) * entropy', () => {
  const s = { a: 3, b: 1 }; // -> 0.75, 0.25
  const o = { a: 0.2, b: 0.8 };
  it('combines normalised inputs linearly (by hand: 0.5*0.75 + 0.5*0.2 = 0.475)', () => {
    const w = blendWeights(s, o, 0.5, ['a', 'b']);
    expect(w.a).toBeCloseTo(0.475, 12);
    expect(w.b).toBeCloseTo(0.525, 12);
    expect(w.a + w.b).toBeCloseTo(1, 12);
  });
  it('alpha = 1 gives the subjective weights, alpha = 0 the entropy weights', () => {
    expect(blendWeights(s, o, 1, ['a', 'b'])).toEqual({ a: 0.75, b: 0.25 });
    expect(blendWeights(s, o, 0, ['a', 'b'])).toEqual({ a: 0.2, b: 0.8 });
  });
  it('rejects alpha outside [0, 1] or NaN', () => {
    expect(() => blendWeights(s, o, 1.5, ['a', 'b'])).toThrow(/weights\.alpha/);
    expect(() => blendWeights(s, o, -0.1, ['a', 'b'])).toThrow(/alpha/);
    expect(() => blendWeights(s, o, Number.NaN, ['a', 'b'])).toThrow(/alpha/);
  });
});
