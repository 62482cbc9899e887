import { withEnvironment } from './environment';

describe('withEnvironment', () => {
  it('sets and unsets variables for the body, then puts them back, also when the body throws', async () => {
    process.env.DEVZONE_TEST_SET = 'before';
    delete process.env.DEVZONE_TEST_UNSET;
    const seen = await withEnvironment({ DEVZONE_TEST_SET: undefined, DEVZONE_TEST_UNSET: 'during' }, async () => [
      process.env.DEVZONE_TEST_SET,
      process.env.DEVZONE_TEST_UNSET,
    ]);
    expect(seen).toEqual([undefined, 'during']);
    expect([process.env.DEVZONE_TEST_SET, process.env.DEVZONE_TEST_UNSET]).toEqual(['before', undefined]);
    await expect(
      withEnvironment({ DEVZONE_TEST_SET: 'during' }, async () => {
        throw new Error('failed');
      }),
    ).rejects.toThrow('failed');
    expect(process.env.DEVZONE_TEST_SET).toBe('before');
    delete process.env.DEVZONE_TEST_SET;
  });
});
