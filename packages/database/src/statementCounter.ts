import { AbstractLogger, type LogLevel, type LogMessage, type QueryRunner } from 'typeorm';

/**
 * Counts every SQL statement a DataSource sends. Benchmarks and tests read it
 * to show that statements per request do not grow with the rows returned.
 */
export class StatementCounter extends AbstractLogger {
  private count = 0;
  readonly recent: string[] = [];

  constructor(private readonly keepRecent = 0) {
    super(['query']);
  }

  get statements(): number {
    return this.count;
  }

  override logQuery(query: string): void {
    this.count += 1;
    if (this.keepRecent > 0) {
      this.recent.push(query);
      if (this.recent.length > this.keepRecent) this.recent.shift();
    }
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[] | string | number, _runner?: QueryRunner): void {
    // Counting only: statements are not printed.
  }
}
