/** CPU used so far by each of some processes, ms, by a name of the caller's (undefined where it cannot be read). */
export type CpuReading<K extends string> = () => Readonly<Record<K, number | undefined>>;

/** A load window's hooks (`runLoad`'s `window`) that read CPU as it opens and closes. */
export interface CpuWindow<K extends string> {
  opened(): void;
  closed(): void;
  /** Each name's CPU over the window per completed request, ms; a name left out could not be read at both ends. */
  perRequest(completed: number): Partial<Record<K, number>>;
}

/** Reads `read` as the window opens and as it closes. */
export function cpuWindow<K extends string>(read: CpuReading<K>): CpuWindow<K> {
  let before: Readonly<Record<K, number | undefined>> | undefined;
  let after: Readonly<Record<K, number | undefined>> | undefined;
  return {
    opened: () => void (before = read()),
    closed: () => void (after = read()),
    perRequest(completed) {
      const result: Partial<Record<K, number>> = {};
      if (!before || !after || completed <= 0) return result;
      for (const name of Object.keys(before) as K[]) {
        const [b, a] = [before[name], after[name]];
        if (b !== undefined && a !== undefined) result[name] = (a - b) / completed;
      }
      return result;
    },
  };
}

/** The sum of some readings; undefined when any is. */
export function sumOfReadings(values: readonly (number | undefined)[]): number | undefined {
  return values.some((v) => v === undefined) ? undefined : values.reduce<number>((sum, v) => sum + v!, 0);
}
