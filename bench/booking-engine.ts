/**
 * Booking engine benchmark (issue 3). Not a test: it prints figures and fails only on a crash or
 * on a double booking. This file runs the steps; booking-engine/ has the dataset, the two
 * scenarios and the report's helpers.
 *
 *   bash bench/run-booking-engine.sh            (DATABASE_URL's server, or an embedded PostgreSQL)
 *
 * 1. A fresh database with the real migrations and the demo seed (offices, rooms, agencies, case
 *    types), plus a national dataset generated set-based: extra handlers and interpreters, and
 *    about 40 % of the room time of the next 14 days booked (bookings, their resource holds and
 *    events, bulk-inserted; the exclusion constraint checks the plan).
 * 2. The real app on 127.0.0.1: sequential GET /availability for one office, a municipality and a
 *    region (p50/p95/p99 and SQL statements per request), GET /health as the HTTP baseline, and an
 *    in-process breakdown of where the time goes.
 * 3. 400 concurrent POST /bookings: 200 for one slot, 200 for partly overlapping starts, against the
 *    capacity computed from the database beforehand; then an overlap self-join that must be empty.
 *
 * Settings (environment): DATABASE_URL, BENCH_HANDLERS (extra handlers, default 600),
 * BENCH_INTERPRETERS (40), BENCH_SAMPLES (200), BENCH_WARMUP (20), BENCH_TARGET_FRACTION (0.4),
 * BENCH_POOL_SIZE (app pool, default the app's 10), BENCH_TIMEOUT_SECONDS (900), BENCH_APP_LOG_LEVEL (silent),
 * BENCH_KEEP_DB (keep the database on DATABASE_URL's server for inspection).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/bootstrap';
import { createRootLogger } from '../apps/api/src/common/logger';
import { loadConfig } from '../apps/api/src/config/app-config';
import { seedDemoData } from '../apps/api/src/seed/seeder';
import { createDatabase, dropDatabase, withDatabase } from '../test/support/database';
import { startThrowawayPostgres } from '../test/support/throwaway-postgres';
import { availabilityLatency } from './booking-engine/availability-latency';
import { concurrentBookings, overlapCheck } from './booking-engine/concurrent-bookings';
import { buildDataset } from './booking-engine/dataset';
import { agent } from './booking-engine/http-client';
import { elapsed, out, section } from './booking-engine/report';
import { env, TIMEOUT_SECONDS } from './booking-engine/settings';

// ---------------------------------------------------------------------------------------------
// Clean-up, in reverse order of set-up, also on a timeout or a signal

const cleanups: { label: string; run: () => Promise<unknown> }[] = [];
let cleaning: Promise<void> | null = null;

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const step = cleanups.pop()!;
      try {
        await withTimeout(step.run(), 30_000, step.label);
      } catch (error) {
        process.stderr.write(`clean-up: ${step.label} failed: ${String(error)}\n`);
      }
    }
  })();
  return cleaning;
}

function withTimeout<T>(promise: Promise<T>, limitMs: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} took longer than ${limitMs / 1000} s`)), limitMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

interface Server {
  url: string;
  description: string;
  stop(): Promise<void>;
}

/** DATABASE_URL's server, or the app's embedded PostgreSQL in a temporary directory on a free port. */
async function openServer(): Promise<Server> {
  const given = env.DATABASE_URL;
  if (given) {
    const u = new URL(given);
    return { url: given, description: `DATABASE_URL (${u.hostname}:${u.port || 5432})`, stop: async () => undefined };
  }
  const pg = await startThrowawayPostgres('distans-bench-pg-', (line) => process.stderr.write(`${line}\n`));
  return {
    url: pg.url,
    description: `embedded PostgreSQL ${new URL(pg.url).host} (temporary, ${pg.dir})`,
    stop: pg.stop,
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  out(`Distans booking-engine benchmark — ${new Date().toISOString()}, node ${process.version}`);
  section('1. Dataset');
  const server = await openServer();
  cleanups.push({ label: 'stop PostgreSQL', run: () => server.stop() });
  out(`server: ${server.description}`);
  const name = `distans_bench_${Date.now()}_${process.pid}`;
  await createDatabase(server.url, name);
  const keep = Boolean(env.BENCH_KEEP_DB) && Boolean(env.DATABASE_URL);
  if (!keep) cleanups.push({ label: `drop database ${name}`, run: () => dropDatabase(server.url, name) });
  const [{ version }]: { version: string }[] = await (async () => {
    const probe = new DataSource({ type: 'postgres', url: server.url });
    await probe.initialize();
    try {
      return await probe.query(`SELECT current_setting('server_version') AS version`);
    } finally {
      await probe.destroy();
    }
  })();
  out(
    `database: ${name} (PostgreSQL ${version}), ${keep ? 'KEPT (BENCH_KEEP_DB): drop it yourself' : 'dropped at the end'}`,
  );

  const dataDir = await mkdtemp(join(tmpdir(), 'distans-bench-data-'));
  cleanups.push({ label: 'remove temp data dir', run: () => rm(dataDir, { recursive: true, force: true }) });
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_ACCESS_SECRET: randomBytes(32).toString('base64url'),
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'silent',
    DB_MIGRATE_ON_START: 'true',
    JOB_INTERVAL_SECONDS: '0',
    // The booking engine needs no video: no mediasoup worker binary and no media ports, so the
    // benchmark runs on a machine that has not built the worker, and beside a running Distans.
    MEDIA_ENABLED: 'false',
    // The SQL statements per request (X-SQL-Statements) are one of the figures this prints.
    SQL_STATEMENTS_HEADER: 'true',
    DATA_DIR: dataDir,
    ...(env.BENCH_POOL_SIZE ? { DB_POOL_SIZE: env.BENCH_POOL_SIZE } : {}),
  });
  const t0 = performance.now();
  // BENCH_APP_LOG_LEVEL=error shows the app's own error log (JSON lines on stdout) when chasing a 5xx.
  const app = await createApp(
    config,
    withDatabase(server.url, name),
    createRootLogger(env.BENCH_APP_LOG_LEVEL ?? 'silent'),
  );
  cleanups.push({ label: 'close app', run: () => app.close() });
  const db = app.get(DataSource);
  out(`app created, migrations run: ${((performance.now() - t0) / 1000).toFixed(1)} s (pool ${config.DB_POOL_SIZE})`);

  // The seed refuses NODE_ENV=production (it prints a shared password); the app itself runs as production.
  await seedDemoData(db, { ...config, NODE_ENV: 'test' }, (line) => out(`seed: ${line}`));
  const { world, window } = await buildDataset(db);
  out(`dataset ready after ${elapsed()}`);

  // -------------------------------------------------------------------------------------------
  section('2. Availability latency (sequential, one client, loopback)');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const { misses, caseType, roomsPer } = await availabilityLatency(app, db, base, world, window);

  // -------------------------------------------------------------------------------------------
  section('3. Concurrent bookings (400 at once)');
  const { problems } = await concurrentBookings(db, base, world, window, caseType, roomsPer, config.DB_POOL_SIZE);

  section('4. Overlap self-join');
  const overlap = await overlapCheck(db);
  for (const line of overlap.lines) out(line);

  section('Summary');
  out(
    misses.length === 0 ? 'latency: all targets met' : `latency: MISSED (reported, not failed): ${misses.join('; ')}`,
  );
  out(
    problems.length === 0
      ? 'bookings: successes match capacity, zero 5xx'
      : `bookings: MISMATCH in ${problems.join(', ')}`,
  );
  out(`overlap count: ${overlap.total}`);
  out(`finished in ${elapsed()}; cleaning up`);
  return overlap.total === 0 ? 0 : 1;
}

const watchdog = setTimeout(() => {
  process.stderr.write(`benchmark exceeded BENCH_TIMEOUT_SECONDS=${TIMEOUT_SECONDS}: aborting\n`);
  void cleanUp().finally(() => process.exit(3));
}, TIMEOUT_SECONDS * 1000);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`${signal}: cleaning up\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanUp();
    agent.destroy();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    process.stderr.write(
      `benchmark crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await cleanUp();
    process.exit(2);
  });
