import type { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

/**
 * DATABASE_URL's server (migrating through MIGRATION_DATABASE_URL when set), or the embedded
 * PostgreSQL under EMBEDDED_PG_DIR when DATABASE_URL is unset.
 */
export async function openDatabase(config: AppConfig, log: (line: string) => void): Promise<EmbeddedDatabase> {
  if (config.DATABASE_URL) {
    const migrationUrl = config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL;
    return { url: config.DATABASE_URL, migrationUrl, stop: async () => undefined };
  }
  log(`DATABASE_URL is not set: starting embedded PostgreSQL on 127.0.0.1:${config.EMBEDDED_PG_PORT}`);
  return startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, log });
}
