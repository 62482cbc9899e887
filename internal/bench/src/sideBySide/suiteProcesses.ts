import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceProcess } from '@devzone/testkit/dist/processes';
import { closeSideBySideSockets } from './httpClient';
import { startDatabaseProcess, startProcessSystem, type ProcessSystem, type ZoneServicesSpec } from './processSystem';

/** What a process suite runs: its temporary directory, one PostgreSQL process, and at most one system at a time. */
export interface SuiteProcesses {
  readonly tempDir: string;
  startDatabase(databases: readonly string[]): Promise<ServiceProcess>;
  /** Starts a system on the suite's database (stopping the one running, if any). */
  startSystem(prefix: string, spec: ZoneServicesSpec): Promise<ProcessSystem>;
  stopSystem(): Promise<void>;
}

/**
 * Runs `body` with a suite's processes and stops them all, and removes the temporary directory,
 * when it ends, throws, or when the stop `onStarted` receives is called (Ctrl-C).
 */
export async function withSuiteProcesses<T>(
  tempPrefix: string,
  onStarted: (stop: () => Promise<void>) => void,
  body: (suite: SuiteProcesses) => Promise<T>,
): Promise<T> {
  const tempDir = mkdtempSync(join(tmpdir(), tempPrefix));
  let database: ServiceProcess | undefined;
  let system: ProcessSystem | undefined;
  const stopSystem = async () => {
    const running = system;
    system = undefined;
    await running?.stop();
  };
  const stopAll = async () => {
    await stopSystem().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    database = undefined;
    closeSideBySideSockets();
    rmSync(tempDir, { recursive: true, force: true });
  };
  onStarted(stopAll);
  const suite: SuiteProcesses = {
    tempDir,
    startDatabase: async (databases) => {
      database = await startDatabaseProcess(tempDir, databases);
      return database;
    },
    startSystem: async (prefix, spec) => {
      if (!database) throw new Error('startSystem: start the database first');
      await stopSystem();
      system = await startProcessSystem(database, prefix, spec);
      return system;
    },
    stopSystem,
  };
  try {
    return await body(suite);
  } finally {
    await stopAll();
  }
}
