import { parseBenchArgs } from '../options';

describe('--suite', () => {
  it('selects the side-by-side suite, with or without --quick', () => {
    expect(parseBenchArgs(['--', '--suite=side-by-side'])).toMatchObject({ suite: 'side-by-side', quick: false, only: undefined });
    expect(parseBenchArgs(['--suite', 'side-by-side', '--quick'])).toMatchObject({ suite: 'side-by-side', quick: true });
    expect(parseBenchArgs([]).suite).toBeUndefined();
  });

  it('refuses an unknown suite, naming the known ones, and --only next to it', () => {
    expect(() => parseBenchArgs(['--suite=sidebyside'])).toThrow('--suite=sidebyside: unknown suite (one of side-by-side, province, hop)');
    expect(() => parseBenchArgs(['--suite=side-by-side', '--only=overhead'])).toThrow('exclude each other');
  });
});
