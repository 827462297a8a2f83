/** Scenario 3: hundreds of bookings of the same and of overlapping slots at once, and the overlap check after them. */
import type { IsoDate } from '@distans/scheduling';
import { addDays, contains, datesBetween, normalizeSpans, wallClockToInstant } from '@distans/scheduling';
import { DataSource } from 'typeorm';
import { SeededRandom } from '../../apps/api/src/seed/prng';
import { CaseTypeRow, OfficeRow, Window, World } from './dataset';
import { call } from './http-client';
import { ms, out, percentile } from './report';
import { BURST_MARKER, MINUTE, OVERLAP_REQUESTS, OVERLAP_STARTS, SAME_SLOT_REQUESTS } from './settings';

export interface StartCapacity {
  start: number;
  holdEnd: number;
  freeRooms: string[];
  freeHandlers: number;
}

/**
 * For each start at one office: which rooms are free for the whole hold, and how many qualified
 * handlers (agency, case type, Swedish, working the whole hold, not absent, nothing held) are free.
 */
export async function capacityAt(
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
export function overlapBounds(capacity: StartCapacity[]): { min: number; max: number } {
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

export interface BurstTally {
  created: number;
  conflict: number;
  otherClient: number;
  server: number;
  failed: number;
  latencies: number[];
  sql: number[];
  samples: string[];
}

export const tally = (): BurstTally => ({
  created: 0,
  conflict: 0,
  otherClient: 0,
  server: 0,
  failed: 0,
  latencies: [],
  sql: [],
  samples: [],
});

export async function overlapCheck(db: DataSource): Promise<{ total: number; lines: string[] }> {
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

/**
 * SAME_SLOT_REQUESTS bookings of one slot and OVERLAP_REQUESTS of partly overlapping starts, all
 * at once, against the capacity computed from the database beforehand; answers the groups whose
 * outcome did not match.
 */
export async function concurrentBookings(
  db: DataSource,
  base: string,
  world: World,
  window: Window,
  caseType: CaseTypeRow,
  roomsPer: Map<string, number>,
  poolSize: number,
): Promise<{ problems: string[] }> {
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
  const t0 = performance.now();
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
  out(`burst of ${specs.length} requests took ${ms(burstMs)} ms (pool ${poolSize})`);
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
  return { problems };
}
