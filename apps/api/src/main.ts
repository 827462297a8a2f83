import 'reflect-metadata';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { fillDemoSecrets } from './config/runtime-secrets';
import { createApp } from './bootstrap';
import { createRootLogger, resolveLogFormat } from './common/logger';
import { openDatabase } from './database/open-database';
import { seedDemoData } from './seed/seeder';
import { DataSource } from 'typeorm';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
      process.exit(78);
    }
    throw error;
  }
  const format = resolveLogFormat(config.LOG_FORMAT, process.stdout.isTTY === true, config.NODE_ENV);
  const logger = createRootLogger(config.LOG_LEVEL, undefined, format);
  const say = (line: string): void => logger.info(line);
  await fillDemoSecrets(config);

  const database = await openDatabase(config, say);
  // The embedded database's owner is known only now; createApp migrates through it.
  config.MIGRATION_DATABASE_URL = database.migrationUrl;
  const app = await createApp(config, database.url, logger);

  if (config.DEMO_MODE) {
    const credentials = await seedDemoData(app.get(DataSource), config, say);
    process.stdout.write(`\nDemo mode. Log in with any of these (demo data only):\n${credentials}\n`);
  }

  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    say(`${signal} received: shutting down`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const shown = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  const base = `http://${shown}:${config.PORT}`;
  const lines = [
    `Citizen site:   ${base}/          (book, change or cancel a meeting; no log-in)`,
    `Office console: ${base}/office/   (log in as the office staff member or the administrator above)`,
    `Handler app:    ${base}/handler/  (log in as a handler or the interpreter above)`,
    `Room screen:    ${base}/room/`,
    `API:            ${base}`,
    `API docs:       ${base}/api/docs`,
    `Health:         ${base}/health`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Distans failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
