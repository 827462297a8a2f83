import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';
import { QueryCountingLogger } from './query-counter';

/**
 * The schema comes only from migrations: `synchronize` stays off everywhere, tests included.
 * Migrations run on a connection of their own, as the schema owner (`migrateDatabase`), never on
 * the API's. Services read and write with parameterised SQL (scope filters, exclusion constraints
 * and set-based loads are clearer there), so no entity classes are registered.
 */
export function typeormOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new QueryCountingLogger(),
    // A request waits at most this long for a connection, so an outage answers 503 instead of hanging.
    extra: { max: poolSize, options: '-c TimeZone=UTC', connectionTimeoutMillis: 5000 },
  };
}
