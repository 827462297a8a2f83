/**
 * The benchmark's dataset: the demo seed's offices, rooms, agencies and case types, plus a national
 * set of people and bookings generated set-based and bulk-inserted.
 */
import { randomUUID } from 'node:crypto';
import type { WeeklyIntervalDto } from '@distans/contracts';
import type { DatedException, IsoDate, Span } from '@distans/scheduling';
import {
  addDays,
  contains,
  localDateOf,
  openSpansBetween,
  wallClockToInstant,
  workingSpansBetween,
} from '@distans/scheduling';
import { DataSource } from 'typeorm';
import { HUMAN_ALPHABET } from '../../apps/api/src/auth/secrets';
import { REFERENCE_LENGTH, formatReference } from '../../apps/api/src/bookings/booking-reference';
import { DEMO_OFFICE } from '../../apps/api/src/seed/data/demo-office';
import { SeededRandom } from '../../apps/api/src/seed/prng';
import { out, pct } from './report';
import {
  AGENCY_WEIGHTS,
  BENCH_DOMAIN,
  DAYS,
  EXTRA_HANDLERS,
  GRID_MS,
  INTERPRETERS,
  MINUTE,
  MON_FRI_0800_1630,
  OTHER_LANGUAGES,
  TARGET_FRACTION,
  ZONE,
} from './settings';

export interface OfficeRow {
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
export interface CaseTypeRow {
  id: string;
  code: string;
  agency: string;
  agency_id: string;
  duration_min: number;
  buffer_after_min: number;
  interpreter_allowed: boolean;
}
export interface PersonRow {
  id: string;
  role: 'HANDLER' | 'INTERPRETER';
  agency_id: string | null;
  languages: string[];
  weekly_hours: WeeklyIntervalDto[];
  time_zone: string;
  case_types: string[];
  absences: [number, number][];
}
export interface Person {
  row: PersonRow;
  working: Span[];
  busy: Span[];
}
export interface Planned {
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

export interface Window {
  today: IsoDate;
  first: IsoDate;
  last: IsoDate;
}

export const isFree = (busy: Span[], span: Span): boolean =>
  !busy.some((b) => b.start < span.end && span.start < b.end);
export const sumMinutes = (spans: Span[]): number => spans.reduce((sum, s) => sum + (s.end - s.start), 0) / MINUTE;

/** Seeded pseudo-random 0..99 from a SQL text expression: deterministic, so every run gets the same people. */
export const dice = (expr: string): string => `(abs(hashtext(${expr})::bigint) % 100)`;

export function shares(total: number): [string, number][] {
  const counts = AGENCY_WEIGHTS.map(([code, w]): [string, number] => [code, Math.floor(total * w)]);
  counts[0][1] += total - counts.reduce((sum, [, n]) => sum + n, 0);
  return counts;
}

export async function generatePeople(db: DataSource): Promise<void> {
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

export interface World {
  offices: OfficeRow[];
  rooms: { id: string; office_id: string }[];
  caseTypes: CaseTypeRow[];
  people: Person[];
  openSpans: Map<string, Span[]>;
  roomBusy: Map<string, Span[]>;
}

export async function loadWorld(db: DataSource, window: Window): Promise<World> {
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
export function planBookings(world: World): Planned[] {
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

export function reference(n: number): string {
  let code = '';
  for (let i = 0; i < REFERENCE_LENGTH; i += 1) {
    code = HUMAN_ALPHABET[n % HUMAN_ALPHABET.length] + code;
    n = Math.floor(n / HUMAN_ALPHABET.length);
  }
  return formatReference(code);
}

export async function insertPlan(db: DataSource, plan: Planned[]): Promise<void> {
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

/**
 * The national dataset on top of the demo seed: extra handlers and interpreters, then about
 * TARGET_FRACTION of the room time of the next DAYS days booked, bulk-inserted with holds and
 * events. Prints what it made.
 */
export async function buildDataset(db: DataSource): Promise<{ world: World; window: Window }> {
  const today = localDateOf(Date.now(), ZONE);
  const window: Window = { today, first: addDays(today, 1), last: addDays(today, DAYS) };
  // The seed's around-the-clock demo office is for trying a meeting at night, not part of the
  // national picture: its 24-hour room would skew the booked share and the latency figures.
  await db.query(`UPDATE office SET active = false WHERE name = $1`, [DEMO_OFFICE.name]);
  let t0 = performance.now();
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

  // -------------------------------------------------------------------------------------------
  return { world, window };
}
