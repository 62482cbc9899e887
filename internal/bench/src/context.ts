import type { BenchPostgres } from './benchPostgres';
import type { BenchStack } from './benchStack';
import type { BenchSizes } from './options';
import type { StackCache } from './stackCache';
import type { SyntheticStackOptions } from './syntheticStack';

/** What every suite gets: sizes, the shared PostgreSQL, the one-stack cache and a printer for tables. */
export interface BenchContext {
  sizes: BenchSizes;
  pg: BenchPostgres;
  tempDir: string;
  cache: StackCache;
  /** A synthetic stack from the cache (started and seeded when not the running one). */
  synthetic(options: SyntheticStackOptions): Promise<BenchStack>;
  /** Key the cache uses for a synthetic stack of these options. */
  syntheticKey(options: SyntheticStackOptions): string;
  /** Writes a finished table to stdout. */
  print(text: string): void;
}

export interface Suite {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<void>;
}
