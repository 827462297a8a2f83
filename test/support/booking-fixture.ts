import { addDays, localDateOf, swedishPublicHoliday, utcOffsetAt, wallClockToInstant } from '@distans/scheduling';
import { Factory } from './factories';
import type { TestApp } from './test-app';

export const ZONE = 'Europe/Stockholm';
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;

export interface BookingWorld {
  agencyId: string;
  caseTypeId: string;
  officeId: string;
  officeName: string;
  roomIds: string[];
  handlerIds: string[];
  /** The same handlers with their log-in. */
  handlers: { id: string; email: string; password: string }[];
  municipality: string;
  regionId: string;
}

/**
 * An office open 08:00-18:00 every day, its rooms, and handlers working 08:00-17:00 every day,
 * so that tests pick dates freely. Case type: 30 minutes plus a 10-minute buffer. With
 * `aroundTheClock` the office (open on holidays too) and its handlers work 00:00-24:00, as the
 * demo office does, so that a test can book "now" or in the night of a daylight-saving change.
 */
export async function bookingWorld(
  t: TestApp,
  options: {
    rooms?: number;
    handlers?: number;
    durationMin?: number;
    bufferAfterMin?: number;
    minNoticeMin?: number;
    maxDaysAhead?: number;
    handlerLanguages?: string[];
    aroundTheClock?: boolean;
  } = {},
): Promise<BookingWorld> {
  const hours = (opens: string, closes: string) =>
    EVERY_DAY.map((weekday) =>
      options.aroundTheClock ? { weekday, opens: '00:00', closes: '24:00' } : { weekday, opens, closes },
    );
  const f = new Factory(t.db);
  const agency = await f.agency();
  const ct = await f.caseType(agency.id, {
    nameSv: 'Bostadsbidrag',
    nameEn: 'Housing allowance',
    durationMin: options.durationMin ?? 30,
    bufferAfterMin: options.bufferAfterMin ?? 10,
    minNoticeMin: options.minNoticeMin ?? 60,
    maxDaysAhead: options.maxDaysAhead ?? 365,
  });
  const county = await f.county();
  const municipality = `Kommun-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const office = await f.office({
    countyId: county.id,
    regionId: county.regionId,
    municipality,
    weeklyHours: hours('08:00', '18:00'),
  });
  if (options.aroundTheClock) {
    await t.db.query(`UPDATE office SET closed_on_public_holidays = false WHERE id = $1`, [office.id]);
  }
  const roomIds: string[] = [];
  for (let i = 0; i < (options.rooms ?? 1); i += 1) roomIds.push((await f.room(office.id)).id);
  const handlers: { id: string; email: string; password: string }[] = [];
  for (let i = 0; i < (options.handlers ?? 1); i += 1) {
    const handler = await f.user('HANDLER', {
      agencyId: agency.id,
      caseTypeIds: [ct.id],
      languages: options.handlerLanguages ?? ['sv', 'en'],
      weeklyHours: hours('08:00', '17:00'),
    });
    handlers.push(handler);
  }
  return {
    agencyId: agency.id,
    caseTypeId: ct.id,
    officeId: office.id,
    officeName: office.name,
    roomIds,
    handlerIds: handlers.map((h) => h.id),
    handlers,
    municipality,
    regionId: county.regionId,
  };
}

/** A working day some days ahead that is not a Swedish holiday. */
export function futureDate(daysAhead = 7): string {
  let date = addDays(localDateOf(Date.now(), ZONE), daysAhead);
  while (swedishPublicHoliday(date)) date = addDays(date, 1);
  return date;
}

/** The UTC instant of a local wall-clock time, as the API expects it. */
export function at(date: string, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(wallClockToInstant(date, h * 60 + m, ZONE)).toISOString();
}

/** The UTC offset a view shows with a local wall-clock time, e.g. '+01:00'. */
export function offsetAt(date: string, hhmm: string): string {
  return utcOffsetAt(Date.parse(at(date, hhmm)), ZONE);
}

/** Last Sunday of a month, the day European clocks change. */
export function lastSunday(year: number, month: 3 | 10): string {
  const d = new Date(Date.UTC(year, month, 0));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d.toISOString().slice(0, 10);
}

/** The next daylight-saving Sunday of the given month that lies ahead of today. */
export function nextDstSunday(month: 3 | 10): string {
  const today = localDateOf(Date.now(), ZONE);
  for (let year = Number(today.slice(0, 4)); ; year += 1) {
    const sunday = lastSunday(year, month);
    if (sunday > addDays(today, 2)) return sunday;
  }
}

export function bookingBody(world: BookingWorld, start: string, overrides: Record<string, unknown> = {}) {
  return {
    caseTypeId: world.caseTypeId,
    officeId: world.officeId,
    start,
    citizen: { name: 'A. Andersson', email: 'anna@example.se', phone: '+46 70 123 45 67' },
    ...overrides,
  };
}
