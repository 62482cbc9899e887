import { startStack } from '@devzone/stack';
import type { BenchPostgres } from './benchPostgres';
import { benchStackOf, type BenchStack } from './benchStack';
import { note } from './progress';

/** The four zone services of subgraphs/ with their article seeds, exactly as `npm start` runs them, on free ports. */
export async function startRealStack(pg: BenchPostgres): Promise<BenchStack> {
  const databases = pg.forStack();
  try {
    const stack = await startStack({ databaseFor: databases.databaseFor, ports: 'free', log: note });
    const about = { label: 'article seeds (4 zone services, 9 zones)', zoneIds: stack.zoneServices.flatMap((s) => s.hostedZoneIds), seedMs: 0 };
    return benchStackOf(stack, about, databases.dropAll);
  } catch (error) {
    await databases.dropAll().catch(() => undefined);
    throw error;
  }
}
