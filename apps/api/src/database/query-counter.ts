import type { Logger as TypeOrmLogger } from 'typeorm';
import { currentContext } from '../common/request-context';

/**
 * Counts the SQL statements each request sends, so the benchmark (and anyone curious) can see
 * that availability stays set-based: the count is returned in the X-SQL-Statements header.
 * It logs nothing itself; query failures surface as errors through the exception filter.
 */
export class QueryCountingLogger implements TypeOrmLogger {
  logQuery(): void {
    const ctx = currentContext();
    if (ctx) ctx.sqlStatements += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
