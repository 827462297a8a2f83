import type { DataSource } from 'typeorm';
import { randomReference } from '../../apps/api/src/bookings/booking-reference';
import { Factory } from './factories';

/** One booking of the seeded world, with what happened to it; the test computes its expectations from these. */
export interface VisitSpec {
  office: 'A' | 'B';
  agency: 'X' | 'Y';
  /** Local date and time of the start, Stockholm (2026, before or after the spring change). */
  start: string;
  via: 'PUBLIC' | 'OFFICE_STAFF';
  status: 'BOOKED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW' | 'HANDLER_MISSED';
  cancelledBy?: 'CITIZEN' | 'OFFICE_STAFF' | 'HANDLER' | 'SYSTEM';
  /** Minutes from the start to the check-in (negative: early). */
  checkIn?: number;
  /** Minutes from the start to the handler's first join. */
  handlerJoin?: number;
  /** Minutes the meeting lasted, from the session's start (when both were in) to its completion. */
  length?: number;
  /** Extra connections of the room screen after the first (reconnects). */
  rejoins?: number;
  /** How the last connection ended. */
  lastLeave?: 'ENDED' | 'DROPPED' | 'WORKER_LOST';
  interpreter?: string;
  name: string;
  phone: string;
  email: string;
}

export interface StatisticsWorld {
  offices: Record<'A' | 'B', { id: string; regionId: string }>;
  agencies: Record<
    'X' | 'Y',
    { id: string; caseTypeId: string; handler: { id: string; email: string; password: string } }
  >;
  staffA: { id: string; email: string; password: string };
  admin: { id: string; email: string; password: string };
  visits: (VisitSpec & { id: string })[];
}

const OFFSET: Record<string, string> = { '03': '+01:00', '04': '+02:00' };

function at(local: string, plusMinutes = 0): Date {
  const month = local.slice(5, 7);
  return new Date(new Date(`${local}:00${OFFSET[month]}`).getTime() + plusMinutes * 60_000);
}

/**
 * A small country in March and April 2026: two offices in two regions, two agencies, and visits
 * that were booked online or at the desk, completed, cancelled by various people, missed, with
 * waits, late handlers, reconnects, interpreters and a meeting that ended on an error. Office B
 * with agency Y has fewer visits than the smallest cell shown.
 */
export async function seedStatisticsWorld(db: DataSource, tag: string): Promise<StatisticsWorld> {
  const f = new Factory(db);
  const regionA = await f.region();
  const regionB = await f.region();
  const officeA = await f.office({ regionId: regionA.id });
  const officeB = await f.office({ regionId: regionB.id });
  const roomA = await f.room(officeA.id);
  const roomB = await f.room(officeB.id);
  const agencyX = await f.agency();
  const agencyY = await f.agency();
  const ctX = await f.caseType(agencyX.id);
  const ctY = await f.caseType(agencyY.id);
  const hx = await f.user('HANDLER', { agencyId: agencyX.id, caseTypeIds: [ctX.id] });
  const hy = await f.user('HANDLER', { agencyId: agencyY.id, caseTypeIds: [ctY.id] });
  const staffA = await f.user('OFFICE_STAFF', { officeIds: [officeA.id] });
  const admin = await f.user('ADMIN');
  const interpreter = await f.user('INTERPRETER', { languages: ['ar', 'so'] });
  const device = { A: await f.roomDevice(roomA.id, admin.id), B: await f.roomDevice(roomB.id, admin.id) };

  const specs: Omit<VisitSpec, 'name' | 'phone' | 'email'>[] = [
    // Office A, agency X, March: seven visits.
    {
      office: 'A',
      agency: 'X',
      start: '2026-03-02T09:00',
      via: 'PUBLIC',
      status: 'COMPLETED',
      checkIn: -10,
      handlerJoin: 0,
      length: 25,
    },
    {
      office: 'A',
      agency: 'X',
      start: '2026-03-03T09:00',
      via: 'PUBLIC',
      status: 'COMPLETED',
      checkIn: -3,
      handlerJoin: 4,
      length: 30,
      rejoins: 2,
    },
    {
      office: 'A',
      agency: 'X',
      start: '2026-03-04T10:00',
      via: 'OFFICE_STAFF',
      status: 'COMPLETED',
      checkIn: 0,
      handlerJoin: 12,
      length: 18,
      interpreter: 'ar',
    },
    {
      office: 'A',
      agency: 'X',
      start: '2026-03-05T11:00',
      via: 'PUBLIC',
      status: 'COMPLETED',
      checkIn: -1,
      handlerJoin: 1,
      length: 40,
      lastLeave: 'WORKER_LOST',
      interpreter: 'ar',
    },
    { office: 'A', agency: 'X', start: '2026-03-06T09:30', via: 'PUBLIC', status: 'CANCELLED', cancelledBy: 'CITIZEN' },
    { office: 'A', agency: 'X', start: '2026-03-09T09:30', via: 'OFFICE_STAFF', status: 'NO_SHOW' },
    { office: 'A', agency: 'X', start: '2026-03-10T13:00', via: 'PUBLIC', status: 'HANDLER_MISSED', checkIn: -5 },
    // Office A, agency Y, April (after the change to summer time): six visits.
    {
      office: 'A',
      agency: 'Y',
      start: '2026-04-01T09:00',
      via: 'PUBLIC',
      status: 'COMPLETED',
      checkIn: -2,
      handlerJoin: 3,
      length: 20,
      interpreter: 'so',
    },
    {
      office: 'A',
      agency: 'Y',
      start: '2026-04-02T09:00',
      via: 'OFFICE_STAFF',
      status: 'COMPLETED',
      checkIn: -6,
      handlerJoin: -1,
      length: 22,
    },
    {
      office: 'A',
      agency: 'Y',
      start: '2026-04-03T09:00',
      via: 'PUBLIC',
      status: 'COMPLETED',
      checkIn: -4,
      handlerJoin: 8,
      length: 35,
      lastLeave: 'DROPPED',
    },
    {
      office: 'A',
      agency: 'Y',
      start: '2026-04-06T09:00',
      via: 'PUBLIC',
      status: 'CANCELLED',
      cancelledBy: 'OFFICE_STAFF',
    },
    { office: 'A', agency: 'Y', start: '2026-04-07T09:00', via: 'PUBLIC', status: 'CANCELLED', cancelledBy: 'HANDLER' },
    { office: 'A', agency: 'Y', start: '2026-04-08T09:00', via: 'OFFICE_STAFF', status: 'BOOKED' },
    // Office B, agency Y, March: three visits, a cell too small to show.
    {
      office: 'B',
      agency: 'Y',
      start: '2026-03-02T09:00',
      via: 'PUBLIC',
      status: 'COMPLETED',
      checkIn: -2,
      handlerJoin: 2,
      length: 15,
    },
    { office: 'B', agency: 'Y', start: '2026-03-03T09:00', via: 'PUBLIC', status: 'CANCELLED', cancelledBy: 'SYSTEM' },
    { office: 'B', agency: 'Y', start: '2026-03-04T09:00', via: 'PUBLIC', status: 'NO_SHOW' },
  ];

  const offices = {
    A: { id: officeA.id, regionId: regionA.id, roomId: roomA.id },
    B: { id: officeB.id, regionId: regionB.id, roomId: roomB.id },
  };
  const agencies = {
    X: { id: agencyX.id, caseTypeId: ctX.id, handler: hx },
    Y: { id: agencyY.id, caseTypeId: ctY.id, handler: hy },
  };
  const visits: StatisticsWorld['visits'] = [];
  for (const [i, spec] of specs.entries()) {
    const person = {
      name: `Visitor ${tag} ${i} Qzxwv`,
      phone: `+46 70 ${String(1000000 + i).slice(1)} ${tag.length}`,
      email: `visitor.${tag}.${i}@example.org`.toLowerCase(),
    };
    const office = offices[spec.office];
    const agency = agencies[spec.agency];
    const start = at(spec.start);
    const checkedIn = spec.checkIn !== undefined ? at(spec.start, spec.checkIn) : null;
    const [{ id }]: { id: string }[] = await db.query(
      `INSERT INTO booking (reference, manage_token_hash, agency_id, case_type_id, office_id, room_id, handler_id,
                            interpreter_id, interpreter_language, language, starts_at, ends_at, hold_until, status,
                            citizen_name, citizen_phone, citizen_email, accessibility_note, booked_via, booked_by,
                            checked_in_at, checked_in_by, id_check_method)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
       RETURNING id`,
      [
        randomReference(),
        `hash-${tag}-${i}`,
        agency.id,
        agency.caseTypeId,
        office.id,
        office.roomId,
        agency.handler.id,
        spec.interpreter ? interpreter.id : null,
        spec.interpreter ?? null,
        spec.interpreter ?? 'sv',
        start,
        at(spec.start, 30),
        spec.status,
        person.name,
        person.phone,
        person.email,
        `Wheelchair; ask for ${person.name}`,
        spec.via,
        spec.via === 'OFFICE_STAFF' ? staffA.id : null,
        checkedIn,
        checkedIn ? staffA.id : null,
        checkedIn ? 'ID_CARD' : null,
      ],
    );
    const event = (kind: string, to: string, when: Date, role: string, actorId: string | null) =>
      db.query(
        `INSERT INTO booking_event (booking_id, at, kind, to_status, actor_id, actor_role, details) VALUES ($1, $2, $3, $4, $5, $6, '{}')`,
        [id, when, kind, to, actorId, role],
      );
    await event(
      'CREATED',
      'BOOKED',
      at(spec.start, -7 * 24 * 60),
      spec.via === 'PUBLIC' ? 'CITIZEN' : 'OFFICE_STAFF',
      null,
    );
    if (spec.cancelledBy) await event('CANCELLED', 'CANCELLED', at(spec.start, -24 * 60), spec.cancelledBy, null);
    if (spec.handlerJoin !== undefined) {
      const handlerIn = at(spec.start, spec.handlerJoin);
      const roomIn = checkedIn!;
      const startedAt = new Date(Math.max(handlerIn.getTime(), roomIn.getTime()));
      const endedAt = new Date(startedAt.getTime() + spec.length! * 60_000);
      await event('SESSION_STARTED', 'IN_SESSION', startedAt, 'HANDLER', agency.handler.id);
      await event('COMPLETED', 'COMPLETED', endedAt, 'HANDLER', agency.handler.id);
      const participation = (role: string, actorId: string, joined: Date, left: Date, reason: string) =>
        db.query(
          `INSERT INTO session_participation (booking_id, peer_role, actor_id, joined_at, left_at, leave_reason, seen_at)
           VALUES ($1, $2, $3, $4, $5, $6, $5)`,
          [id, role, actorId, joined, left, reason],
        );
      // The handler's connection ends a second before the last, so that the last to go is the room's.
      await participation('HANDLER', agency.handler.id, handlerIn, new Date(endedAt.getTime() - 1000), 'ENDED');
      let joined = roomIn;
      for (let r = 0; r < (spec.rejoins ?? 0); r++) {
        const next = new Date(joined.getTime() + 60_000);
        await participation('ROOM_DEVICE', device[spec.office].id, joined, next, 'REPLACED');
        joined = next;
      }
      await participation('ROOM_DEVICE', device[spec.office].id, joined, endedAt, spec.lastLeave ?? 'ENDED');
    }
    visits.push({ ...spec, ...person, id });
  }
  return {
    offices: { A: offices.A, B: offices.B },
    agencies,
    staffA,
    admin,
    visits,
  };
}

/** percentile_cont: linear interpolation between the closest ranks, as PostgreSQL computes it. */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const value = sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
  return Math.round(value * 10) / 10;
}
