import { TokenBuckets } from '../../http/tokenBucket';

describe('TokenBuckets', () => {
  it('allows a burst, then refuses with the seconds until the next token, and refills over time', () => {
    let now = 0;
    const buckets = new TokenBuckets({ ratePerSecond: 0.5, burst: 2, now: () => now });

    expect(buckets.take('a')).toEqual({ allowed: true });
    expect(buckets.take('a')).toEqual({ allowed: true });
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(buckets.take('b')).toEqual({ allowed: true });
    now = 2000;
    expect(buckets.take('a')).toEqual({ allowed: true });
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('forgets clients whose bucket has refilled rather than grow without bound', () => {
    let now = 0;
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 1, maxClients: 3, now: () => now });
    for (const key of ['a', 'b', 'c']) buckets.take(key);
    now = 5000;
    buckets.take('d');

    expect(buckets.clients).toBe(1);
  });
});
