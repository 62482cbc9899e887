import { cpuWindow, sumOfReadings } from './cpuWindow';

describe('cpuWindow', () => {
  it('gives each process its CPU between opening and closing, per completed request', () => {
    const readings = [
      { gateway: 100, zones: 40 },
      { gateway: 160, zones: 70 },
    ];
    const window = cpuWindow(() => readings.shift()!);
    window.opened();
    window.closed();
    expect(window.perRequest(30)).toEqual({ gateway: 2, zones: 1 });
  });

  it('leaves out a process it could not read at both ends, and gives nothing before the window closed or for no request', () => {
    const readings = [
      { gateway: 100, zones: undefined },
      { gateway: 130, zones: 70 },
    ];
    const window = cpuWindow<'gateway' | 'zones'>(() => readings.shift()!);
    window.opened();
    expect(window.perRequest(10)).toEqual({});
    window.closed();
    expect(window.perRequest(10)).toEqual({ gateway: 3 });
    expect(window.perRequest(0)).toEqual({});
  });
});

describe('sumOfReadings', () => {
  it('adds readings, and is undefined when one is missing', () => {
    expect(sumOfReadings([1.5, 2.5])).toBe(4);
    expect(sumOfReadings([])).toBe(0);
    expect(sumOfReadings([1, undefined])).toBeUndefined();
  });
});
