/**
 * Statistics benchmark (issue 12). Not a test: it prints figures. A fresh database with the real
 * migrations and the demo seed (the national office network), then a year of remote meetings
 * generated set-based (BENCH_STATS_BOOKINGS, default 100,000: about 3.6 % of the 2.76 million
 * visits of 2024, inside DOMAIN.md's 1-5 % assumption), with their events, session
 * participations, survey answers and security events. Then each statistics figure is computed
 * for the whole year, as the API's StatisticsService does it, by month alone and by office,
 * agency and case type, and for one office as its staff sees it; p50 and p95 are printed against
 * two baselines from the same run: a trivial query and a plain count over the year's bookings.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node node_modules/ts-node/dist/bin.js --transpile-only -r tsconfig-paths/register bench/statistics.ts
 *
 * Without DATABASE_URL an embedded PostgreSQL is started in a temporary directory.
 * Settings: BENCH_STATS_BOOKINGS (100000), BENCH_STATS_SAMPLES (10), BENCH_STATS_WARMUP (2), BENCH_KEEP_DB
 * (keep the database on DATABASE_URL's server, to EXPLAIN the queries).
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StatisticsDimension, StatisticsFigure } from '@distans/contracts';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/bootstrap';
import { createRootLogger } from '../apps/api/src/common/logger';
import type { Actor } from '../apps/api/src/common/request-context';
import { loadConfig } from '../apps/api/src/config/app-config';
import { seedDemoData } from '../apps/api/src/seed/seeder';
import { StatisticsService } from '../apps/api/src/statistics/statistics.service';
import { createDatabase, dropDatabase, withDatabase } from '../test/support/database';
import { startThrowawayPostgres } from '../test/support/throwaway-postgres';
import { elapsed, ms, out, percentile, section } from './booking-engine/report';
import { env, num } from './booking-engine/settings';

const BOOKINGS = num('BENCH_STATS_BOOKINGS', 100_000);
const SAMPLES = num('BENCH_STATS_SAMPLES', 10);
const WARMUP = num('BENCH_STATS_WARMUP', 2);
const YEAR = { from: '2026-01', to: '2026-12' };

/** A year of meetings: statuses, check-ins, handler joins, lengths, reconnects, errors, interpreters. */
async function generateYear(db: DataSource): Promise<void> {
  await db.query(`SELECT setseed(0.42)`);
  await db.query(`
    CREATE TEMP TABLE plan AS
    WITH rooms AS (
      SELECT r.id, r.office_id, row_number() OVER (ORDER BY r.id) AS n
        FROM room r JOIN office o ON o.id = r.office_id WHERE r.active AND o.active),
    cts AS (
      SELECT ct.id, ct.agency_id, ct.duration_min, h.handlers, row_number() OVER (ORDER BY ct.id) AS n
        FROM case_type ct
        JOIN (SELECT case_type_id, array_agg(user_id ORDER BY user_id) AS handlers FROM handler_case_type GROUP BY 1) h
          ON h.case_type_id = ct.id),
    g AS (
      SELECT i,
             1 + floor(random() * (SELECT count(*) FROM rooms))::int AS rn,
             1 + floor(random() * (SELECT count(*) FROM cts))::int AS cn,
             floor(random() * 365)::int AS day, floor(random() * 32)::int AS slot,
             random() AS s, random() AS v, random() AS w, random() AS x, random() AS y, random() AS z
        FROM generate_series(1, ${BOOKINGS}) i)
    SELECT g.*, r.id AS room_id, r.office_id, c.id AS case_type_id, c.agency_id, c.duration_min,
           c.handlers[1 + floor(g.x * array_length(c.handlers, 1))::int] AS handler_id,
           timestamptz '2026-01-01 08:00:00+01' + make_interval(days => g.day, mins => g.slot * 15) AS starts_at,
           CASE WHEN g.s < 0.12 THEN 'CANCELLED' WHEN g.s < 0.18 THEN 'NO_SHOW' WHEN g.s < 0.19 THEN 'HANDLER_MISSED'
                ELSE 'COMPLETED' END AS status,
           CASE WHEN g.w < 0.05 THEN (ARRAY['ar', 'so', 'ti', 'fa', 'uk'])[1 + floor(g.z * 5)::int] END AS interpreter_language
      FROM g JOIN rooms r ON r.n = g.rn JOIN cts c ON c.n = g.cn`);
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const char = (shift: number) => `substr('${alphabet}', ((p.i + 300000000) >> ${shift} & 31) + 1, 1)`;
  await db.query(`
    WITH staff AS (SELECT id FROM app_user WHERE role = 'OFFICE_STAFF' ORDER BY id LIMIT 1),
         interpreter AS (SELECT id FROM app_user WHERE role = 'INTERPRETER' ORDER BY id LIMIT 1)
    INSERT INTO booking (id, reference, manage_token_hash, agency_id, case_type_id, office_id, room_id, handler_id,
                         interpreter_id, interpreter_language, language, starts_at, ends_at, hold_until, status,
                         citizen_name, citizen_phone, citizen_email, booked_via, checked_in_at, checked_in_by, id_check_method,
                         created_at)
    SELECT md5('bench-booking-' || p.i)::uuid,
           ${char(25)} || ${char(20)} || ${char(15)} || '-' || ${char(10)} || ${char(5)} || ${char(0)},
           md5(p.i::text), p.agency_id, p.case_type_id, p.office_id, p.room_id, p.handler_id,
           CASE WHEN p.interpreter_language IS NOT NULL THEN (SELECT id FROM interpreter) END, p.interpreter_language,
           coalesce(p.interpreter_language, 'sv'), p.starts_at, p.starts_at + make_interval(mins => p.duration_min),
           p.starts_at + make_interval(mins => p.duration_min), p.status,
           'Bench Visitor ' || p.i, '+46 70 ' || (1000000 + p.i), 'visitor' || p.i || '@bench.distans.example',
           CASE WHEN p.v < 0.7 THEN 'PUBLIC' ELSE 'OFFICE_STAFF' END,
           CASE WHEN p.status IN ('COMPLETED', 'HANDLER_MISSED') THEN p.starts_at - make_interval(secs => p.y * 900) END,
           CASE WHEN p.status IN ('COMPLETED', 'HANDLER_MISSED') THEN (SELECT id FROM staff) END,
           CASE WHEN p.status IN ('COMPLETED', 'HANDLER_MISSED') THEN 'ID_CARD' END,
           p.starts_at - interval '7 days'
      FROM plan p`);
  await db.query(`
    INSERT INTO booking_event (booking_id, at, from_status, to_status, kind, actor_id, actor_role)
    SELECT md5('bench-booking-' || p.i)::uuid, p.starts_at - interval '7 days', NULL, 'BOOKED', 'CREATED', NULL::uuid,
           CASE WHEN p.v < 0.7 THEN 'CITIZEN' ELSE 'OFFICE_STAFF' END FROM plan p
    UNION ALL
    SELECT md5('bench-booking-' || p.i)::uuid, p.starts_at - interval '1 day', 'BOOKED', 'CANCELLED', 'CANCELLED', NULL,
           CASE WHEN p.x < 0.6 THEN 'CITIZEN' WHEN p.x < 0.85 THEN 'OFFICE_STAFF' WHEN p.x < 0.95 THEN 'HANDLER' ELSE 'SYSTEM' END
      FROM plan p WHERE p.status = 'CANCELLED'
    UNION ALL
    SELECT md5('bench-booking-' || p.i)::uuid, p.starts_at + interval '15 minutes', 'BOOKED', p.status, p.status, NULL, 'SYSTEM'
      FROM plan p WHERE p.status IN ('NO_SHOW', 'HANDLER_MISSED')
    UNION ALL
    SELECT md5('bench-booking-' || p.i)::uuid, p.starts_at + make_interval(secs => greatest(0, p.y * 720 - 120)),
           'CHECKED_IN', 'IN_SESSION', 'SESSION_STARTED', p.handler_id, 'HANDLER' FROM plan p WHERE p.status = 'COMPLETED'
    UNION ALL
    SELECT md5('bench-booking-' || p.i)::uuid,
           p.starts_at + make_interval(secs => greatest(0, p.y * 720 - 120) + p.duration_min * 60 * (0.6 + p.z * 0.6)),
           'IN_SESSION', 'COMPLETED', 'COMPLETED', p.handler_id, 'HANDLER' FROM plan p WHERE p.status = 'COMPLETED'`);
  await db.query(`
    WITH device AS (SELECT r.id AS room_id, gen_random_uuid() AS device_id FROM room r),
    m AS (
      SELECT md5('bench-booking-' || p.i)::uuid AS booking_id, p.handler_id, d.device_id, p.w, p.z,
             p.starts_at + make_interval(secs => p.y * 720 - 120) AS handler_in,
             p.starts_at - make_interval(secs => p.y * 900) + interval '30 seconds' AS room_in,
             p.starts_at + make_interval(secs => greatest(0, p.y * 720 - 120) + p.duration_min * 60 * (0.6 + p.z * 0.6)) AS ended
        FROM plan p JOIN device d ON d.room_id = p.room_id WHERE p.status = 'COMPLETED')
    INSERT INTO session_participation (booking_id, peer_role, actor_id, joined_at, left_at, leave_reason, seen_at)
    SELECT booking_id, 'HANDLER', handler_id, handler_in, ended, 'ENDED', ended FROM m
    UNION ALL
    SELECT booking_id, 'ROOM_DEVICE', device_id, room_in, room_in + interval '3 minutes', 'REPLACED', room_in + interval '3 minutes'
      FROM m WHERE m.z < 0.06
    UNION ALL
    SELECT booking_id, 'ROOM_DEVICE', device_id, CASE WHEN m.z < 0.06 THEN room_in + interval '3 minutes' ELSE room_in END,
           ended + interval '1 second', CASE WHEN m.w > 0.99 THEN 'WORKER_LOST' WHEN m.w > 0.97 THEN 'DROPPED' ELSE 'ENDED' END,
           ended + interval '1 second'
      FROM m`);
  await db.query(`
    INSERT INTO survey_answer (office_id, agency_id, case_type_id, month, satisfaction, got_help, treated_well)
    SELECT p.office_id, p.agency_id, p.case_type_id, date_trunc('month', p.starts_at AT TIME ZONE 'Europe/Stockholm')::date,
           least(5, 2 + floor(p.z * 4.4)::int), p.x < 0.93, p.y < 0.96
      FROM plan p WHERE p.status = 'COMPLETED' AND p.v < 0.35`);
  await db.query(`
    INSERT INTO security_event (at, kind, actor_id, actor_role, office_id)
    SELECT timestamptz '2026-01-01 00:00:00+01' + make_interval(secs => random() * 365 * 86400),
           (ARRAY['ACCOUNT_LOCKED', 'OUT_OF_SCOPE', 'TOKEN_FORGED', 'TOKEN_REPLAYED', 'DEVICE_REVOKED'])[1 + floor(random() * 5)::int],
           gen_random_uuid(), 'OFFICE_STAFF', NULL
      FROM generate_series(1, 3000)`);
  await db.query(`VACUUM ANALYZE`);
}

async function timed(samples: number, warmup: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  out(`Distans statistics benchmark — ${new Date().toISOString()}, node ${process.version}`);
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    let serverUrl = env.DATABASE_URL;
    if (!serverUrl) {
      const pg = await startThrowawayPostgres('distans-bench-stats-pg-', (line) => process.stderr.write(`${line}\n`));
      cleanups.push(pg.stop);
      serverUrl = pg.url;
    }
    const name = `distans_bench_stats_${Date.now()}_${process.pid}`;
    await createDatabase(serverUrl, name);
    if (env.BENCH_KEEP_DB && env.DATABASE_URL) out(`database ${name} KEPT (BENCH_KEEP_DB): drop it yourself`);
    else cleanups.push(() => dropDatabase(serverUrl, name));
    const dataDir = await mkdtemp(join(tmpdir(), 'distans-bench-stats-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_ACCESS_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'silent',
      DB_MIGRATE_ON_START: 'true',
      JOB_INTERVAL_SECONDS: '0',
      MEDIA_ENABLED: 'false',
      DATA_DIR: dataDir,
    });
    const app = await createApp(config, withDatabase(serverUrl, name), createRootLogger('silent'));
    cleanups.push(() => app.close());
    const db = app.get(DataSource);
    await seedDemoData(db, { ...config, NODE_ENV: 'test' }, () => undefined);

    section('1. Dataset');
    const t0 = performance.now();
    await generateYear(db);
    const [counts] = await db.query(`
      SELECT (SELECT count(*) FROM booking)::int AS bookings, (SELECT count(*) FROM booking_event)::int AS events,
             (SELECT count(*) FROM session_participation)::int AS participations,
             (SELECT count(*) FROM survey_answer)::int AS answers, (SELECT count(*) FROM security_event)::int AS security,
             (SELECT count(*) FROM office WHERE active)::int AS offices`);
    out(
      `${counts.bookings} bookings in 2026 at ${counts.offices} offices, ${counts.events} events, ` +
        `${counts.participations} participations, ${counts.answers} survey answers, ${counts.security} security events ` +
        `(generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );

    section(`2. Query times over the year (${SAMPLES} samples after ${WARMUP} warm-up, in-process)`);
    const statistics = app.get(StatisticsService);
    const admin: Actor = {
      id: randomUUID(),
      role: 'ADMIN',
      agencyId: null,
      officeIds: [],
      roomId: null,
      sessionId: null,
    };
    const [{ id: busiest }] = await db.query(
      `SELECT office_id AS id FROM booking GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const staff: Actor = { ...admin, role: 'OFFICE_STAFF', officeIds: [busiest] };
    const rows: string[][] = [];
    const measure = async (label: string, run: () => Promise<{ rows?: unknown[] } | unknown>) => {
      let n = 0;
      const times = await timed(SAMPLES, WARMUP, async () => {
        const result = (await run()) as { rows?: unknown[] } | unknown[];
        n = Array.isArray(result) ? result.length : (result.rows?.length ?? 0);
      });
      rows.push([label, String(n), ms(percentile(times, 50)), ms(percentile(times, 95)), ms(times[times.length - 1])]);
    };
    await measure('baseline: SELECT 1', () => db.query(`SELECT 1`));
    await measure('baseline: count(*) of the year', () =>
      db.query(`SELECT count(*) FROM booking WHERE starts_at >= '2026-01-01' AND starts_at < '2027-01-01'`),
    );
    const figures: StatisticsFigure[] = ['bookings', 'interpreters', 'waiting', 'sessions', 'satisfaction'];
    const dimensions: StatisticsDimension[] = ['all', 'office', 'agency', 'caseType'];
    for (const figure of figures)
      for (const by of dimensions)
        await measure(`${figure} by ${by}`, () => statistics.figure(admin, figure, { ...YEAR, by }));
    await measure('security by month', () => statistics.figure(admin, 'security', YEAR));
    for (const figure of ['bookings', 'waiting'] as const)
      await measure(`${figure}, one office (staff)`, () => statistics.figure(staff, figure, { ...YEAR, by: 'agency' }));
    await measure('bookings by office as CSV', () =>
      statistics.csv(admin, 'bookings', { ...YEAR, by: 'office' }).then((csv) => csv.split('\n')),
    );

    const header = ['query', 'rows', 'p50 ms', 'p95 ms', 'max ms'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    out(line(header));
    out(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) out(line(r));
    out(`\nfinished in ${elapsed()}`);
  } finally {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error) => process.stderr.write(`clean-up: ${String(error)}\n`));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
