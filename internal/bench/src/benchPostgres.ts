import { join } from 'node:path';
import { dropDatabase, EmbeddedPostgresServer } from '@devzone/database';
import { freePort } from '@devzone/testkit/dist/processes';

/**
 * One embedded PostgreSQL server for the whole bench run, in a temp folder, on
 * a free loopback port. Each stack gets its own databases (`b<n>_<service>`),
 * dropped when the stack stops so that large synthetic zones do not pile up.
 */
export class BenchPostgres {
  private stacks = 0;

  private constructor(private readonly server: EmbeddedPostgresServer) {}

  static async start(tempDir: string): Promise<BenchPostgres> {
    const server = new EmbeddedPostgresServer({ dataDir: join(tempDir, 'pg'), port: await freePort() });
    await server.start();
    return new BenchPostgres(server);
  }

  /** A database namer for one stack, and a function that drops every database it named. */
  forStack(): { databaseFor(service: string): Promise<string>; dropAll(): Promise<void> } {
    this.stacks += 1;
    const prefix = `b${this.stacks}_`;
    const created = new Set<string>();
    return {
      databaseFor: async (service) => {
        const name = `${prefix}${service.replace(/[^a-z0-9]/g, '_')}`.slice(0, 63);
        created.add(name);
        return this.server.ensureDatabase(name);
      },
      dropAll: async () => {
        for (const name of created) await dropDatabase(this.server.urlFor('postgres'), name);
        created.clear();
      },
    };
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
