import { ERROR_CODES, UNAVAILABLE_REASONS, type ErrorCode } from '@distans/contracts';
import { addDays } from '@distans/scheduling';
import {
  at,
  bookingBody,
  bookingWorld,
  BookingWorld,
  futureDate,
  nextDstSunday,
  ZONE,
} from '../support/booking-fixture';
import { fixClock, realClock } from '../support/clock';
import { countRows, Factory } from '../support/factories';
import { loginAs, shiftBookingTo } from '../support/operations-fixture';
import { createTestApp, TestApp, TestResponse } from '../support/test-app';

/** Codes that are a kind's default rather than a rule of their own; other tests cover them. */
const DEFAULT_CODES: ErrorCode[] = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
  // The public site's abuse limits need limits of their own: public-booking-limits.int-spec.ts.
  'TOO_MANY_ACTIVE_BOOKINGS',
  'TOO_MANY_BOOKINGS_FROM_ADDRESS',
];

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Every booking rule a visitor or the desk can run into, each with its stable code and a message
 * that is true and says what to do (the list is in docs/booking.md). The last test checks that
 * every code in ERROR_CODES beyond the defaults was seen here.
 */
describe('Booking rules and their messages', () => {
  let t: TestApp;
  let f: Factory;
  const seen = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp({ JOB_INTERVAL_SECONDS: '0' });
    f = new Factory(t.db);
  });
  afterAll(() => t.close());

  /** Notes the code of every refusal, for the completeness check at the end. */
  const note = (res: TestResponse): TestResponse => {
    if (res.status >= 400 && res.body?.code) seen.add(res.body.code);
    if (res.body?.unavailableReason) seen.add(res.body.unavailableReason);
    for (const office of res.body?.offices ?? []) if (office.unavailableReason) seen.add(office.unavailableReason);
    return res;
  };
  const book = async (world: BookingWorld, start: string, overrides: Record<string, unknown> = {}) =>
    note(await t.request('POST', '/bookings', { body: bookingBody(world, start, overrides) }));
  const search = async (query: string) => note(await t.request('GET', `/availability?${query}`));
  const searchOffice = (world: BookingWorld, date: string, extra = '') =>
    search(`caseType=${world.caseTypeId}&office=${world.officeId}&from=${date}&to=${date}${extra}`);
  const call = async (method: string, url: string, options: Parameters<TestApp['request']>[2] = {}) =>
    note(await t.request(method, url, options));

  const refusal = (res: TestResponse) => ({ status: res.status, code: res.body.code, message: res.body.message });
  const slotCount = (res: TestResponse): number =>
    res.body.offices.reduce(
      (sum: number, office: { days: { slots: unknown[] }[] }) =>
        sum + office.days.reduce((n, day) => n + day.slots.length, 0),
      0,
    );
  const interpreterFor = (languages: string[], opens = '08:00', closes = '17:00') =>
    f.user('INTERPRETER', {
      languages: ['sv', ...languages],
      weeklyHours: EVERY_DAY.map((weekday) => ({ weekday, opens, closes })),
    });
  const staffOf = async (world: BookingWorld) =>
    loginAs(t, (await f.user('OFFICE_STAFF', { officeIds: [world.officeId] })).id);
  /** The next quarter hour at least `minutes` from now, as the API expects it. */
  const quarterFromNow = (minutes: number) =>
    new Date(Math.ceil((Date.now() + minutes * 60_000) / 900_000) * 900_000).toISOString();

  describe('interpreters', () => {
    it('should refuse an interpreter for a visitor in Swedish, saying why, in the search and the booking', async () => {
      const world = await bookingWorld(t);
      const interpreter = await interpreterFor(['sgn-se']);
      const date = futureDate(5);
      const searched = await searchOffice(world, date, '&language=sv&interpreter=true');
      expect(refusal(searched)).toMatchObject({ status: 400, code: 'INTERPRETER_NOT_NEEDED_FOR_SWEDISH' });
      expect(searched.body.message).toMatch(/interprets between the visitor’s language and Swedish/);
      expect(searched.body.details.interpreter).toEqual([searched.body.message]);

      const before = await countRows(t.db, 'booking');
      const booked = await book(world, at(date, '10:00'), { language: 'sv', interpreter: true });
      expect(refusal(booked)).toEqual(refusal(searched));
      expect(await countRows(t.db, 'booking')).toBe(before);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM resource_hold WHERE resource_id = $1`, [
        interpreter.id,
      ]);
      expect(n).toBe(0);
    });

    it('should take Swedish Sign Language as a language of its own, always with an interpreter', async () => {
      const world = await bookingWorld(t);
      await interpreterFor(['sgn-se']);
      const date = futureDate(6);
      const searched = await searchOffice(world, date, '&language=sgn-se');
      expect(searched.status).toBe(200);
      expect(searched.body).toMatchObject({ language: 'sgn-se', interpreter: true, unavailableReason: null });
      expect(slotCount(searched)).toBeGreaterThan(0);

      const booked = await book(world, at(date, '10:00'), { language: 'sgn-se' });
      expect(booked.status).toBe(201);
      expect(booked.body).toMatchObject({ language: 'sgn-se', interpreter: true });
      const [row] = await t.db.query(
        `SELECT b.interpreter_language, u.languages FROM booking b JOIN app_user u ON u.id = b.interpreter_id
          WHERE b.id = $1`,
        [booked.body.id],
      );
      expect(row.interpreter_language).toBe('sgn-se');
      expect(row.languages).toContain('sgn-se');

      const without = await book(world, at(date, '11:00'), { language: 'sgn-se', interpreter: false });
      expect(refusal(without)).toMatchObject({ status: 400, code: 'INTERPRETER_REQUIRED_FOR_SIGN_LANGUAGE' });

      await t.db.query(`UPDATE case_type SET interpreter_allowed = false WHERE id = $1`, [world.caseTypeId]);
      const notOffered = await searchOffice(world, date, '&language=sgn-se');
      expect(refusal(notOffered)).toMatchObject({ status: 400, code: 'INTERPRETER_NOT_OFFERED' });
      expect(notOffered.body.message).toMatch(/Swedish Sign Language needs one/);
      expect(notOffered.body.details.interpreter).toEqual(['is not offered for this case type']);
    });

    it('should say that no time will work when nobody interprets the language, instead of "choose another time"', async () => {
      // Polish: no test data and no demo data has an interpreter for it.
      const world = await bookingWorld(t);
      const date = futureDate(5);
      const searched = await searchOffice(world, date, '&language=pl&interpreter=true');
      expect(searched.status).toBe(200);
      expect(searched.body.unavailableReason).toBe('NO_INTERPRETER_FOR_LANGUAGE');
      expect(searched.body.offices[0].unavailableReason).toBeNull();
      expect(slotCount(searched)).toBe(0);

      const booked = await book(world, at(date, '10:00'), { language: 'pl', interpreter: true });
      expect(refusal(booked)).toEqual({
        status: 409,
        code: 'NO_INTERPRETER_FOR_LANGUAGE',
        message: 'No interpreter for Polish can be booked, so no time will work. Please contact the office.',
      });
    });

    it('should say which interpreter is busy when one exists but not at that time', async () => {
      // Spanish: only this test makes an interpreter for it.
      await interpreterFor(['es'], '09:00', '12:00');
      const first = await bookingWorld(t);
      const second = await bookingWorld(t);
      const start = at(futureDate(7), '09:00');
      expect((await book(first, start, { language: 'es', interpreter: true })).status).toBe(201);
      const busy = await book(second, start, { language: 'es', interpreter: true });
      expect(refusal(busy)).toEqual({
        status: 409,
        code: 'INTERPRETER_NOT_FREE',
        message:
          'No interpreter for Spanish is free at that time. Please choose another time from the list of free times.',
      });
    });
  });

  describe('what no date will change', () => {
    it('should tell a language no handler speaks from a case type nobody handles', async () => {
      const finnish = await bookingWorld(t, { handlerLanguages: ['sv', 'en'] });
      const date = futureDate(5);
      const searched = await searchOffice(finnish, date, '&language=fi');
      expect(searched.body.unavailableReason).toBe('NO_HANDLER_FOR_LANGUAGE');
      const booked = await book(finnish, at(date, '10:00'), { language: 'fi' });
      expect(refusal(booked)).toMatchObject({ status: 409, code: 'NO_HANDLER_FOR_LANGUAGE' });
      expect(booked.body.message).toMatch(/speaks Finnish.*Book with an interpreter instead/);

      const nobody = await bookingWorld(t, { handlers: 0 });
      expect((await searchOffice(nobody, date)).body.unavailableReason).toBe('NO_HANDLER_FOR_CASE_TYPE');
      expect(refusal(await book(nobody, at(date, '10:00')))).toMatchObject({
        status: 409,
        code: 'NO_HANDLER_FOR_CASE_TYPE',
      });
    });

    it('should name the hearing loop when no room at the office has one, for that office alone', async () => {
      const world = await bookingWorld(t);
      const date = futureDate(5);
      const searched = await searchOffice(world, date, '&accessibility=HEARING_LOOP');
      expect(searched.body.unavailableReason).toBe('NEED_NOT_AVAILABLE');
      expect(searched.body.offices[0].unavailableReason).toBe('NEED_NOT_AVAILABLE');
      const booked = await book(world, at(date, '10:00'), { accessibilityNeeds: ['HEARING_LOOP'] });
      expect(refusal(booked)).toEqual({
        status: 409,
        code: 'NEED_NOT_AVAILABLE',
        message: `No visiting room at ${world.officeName} has a hearing loop, so no time there will work. Please choose another office.`,
      });

      // Another office in the region has one: the region can still be booked, this office cannot.
      const other = await f.office({ regionId: world.regionId });
      const room = await f.room(other.id);
      await t.db.query(`UPDATE room SET equipment = '{video-screen,camera,hearing-loop}' WHERE id = $1`, [room.id]);
      const region = await search(
        `caseType=${world.caseTypeId}&region=${world.regionId}&from=${date}&to=${date}&accessibility=HEARING_LOOP`,
      );
      expect(region.body.unavailableReason).toBeNull();
      const reasons = Object.fromEntries(
        region.body.offices.map((o: { officeId: string; unavailableReason: string | null }) => [
          o.officeId,
          o.unavailableReason,
        ]),
      );
      expect(reasons).toEqual({ [world.officeId]: 'NEED_NOT_AVAILABLE', [other.id]: null });
    });

    it('should say so when an office has no room at all, or no office matches', async () => {
      const world = await bookingWorld(t, { rooms: 0 });
      const date = futureDate(5);
      expect((await searchOffice(world, date)).body.unavailableReason).toBe('NO_ROOM_AT_OFFICE');
      expect(refusal(await book(world, at(date, '10:00')))).toMatchObject({ status: 409, code: 'NO_ROOM_AT_OFFICE' });
      const nowhere = await search(`caseType=${world.caseTypeId}&municipality=Ingenstans&from=${date}&to=${date}`);
      expect(nowhere.body).toMatchObject({ offices: [], unavailableReason: 'NO_OFFICE_FOUND' });
    });
  });

  describe('a time that is not free', () => {
    it('should give everyone who lost the last slot, and anyone asking later, the same code and text', async () => {
      const world = await bookingWorld(t, { rooms: 1, handlers: 3 });
      const start = at(futureDate(6), '11:00');
      const results = await Promise.all(Array.from({ length: 12 }, () => book(world, start)));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      const later = await book(world, start);
      const refusals = [...results.filter((r) => r.status === 409), later].map(refusal);
      expect(refusals).toHaveLength(12);
      expect(new Set(refusals.map((r) => JSON.stringify(r)))).toEqual(
        new Set([
          JSON.stringify({
            status: 409,
            code: 'SLOT_TAKEN',
            message: 'That time is not free. Please choose another time from the list of free times.',
          }),
        ]),
      );
    });

    it('should name the hearing loop when the rooms that have one are taken, and book another room without it', async () => {
      const world = await bookingWorld(t, { rooms: 2, handlers: 3 });
      await t.db.query(`UPDATE room SET equipment = '{video-screen,camera,hearing-loop}' WHERE id = $1`, [
        world.roomIds[0],
      ]);
      const date = futureDate(8);
      const needs = { accessibilityNeeds: ['HEARING_LOOP'] };
      expect((await book(world, at(date, '10:00'), needs)).status).toBe(201);
      const taken = await book(world, at(date, '10:00'), needs);
      const expected = {
        status: 409,
        code: 'NEED_NOT_FREE',
        message:
          'No visiting room with a hearing loop is free at that time. Please choose another time from the list of free times.',
      };
      expect(refusal(taken)).toEqual(expected);
      expect((await book(world, at(date, '10:00'))).status).toBe(201);
      // The same text when the database, not the rules, catches the race.
      const raced = await Promise.all([book(world, at(date, '13:00'), needs), book(world, at(date, '13:00'), needs)]);
      expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(refusal(raced.find((r) => r.status === 409)!)).toEqual(expected);
    });
  });

  describe('the start asked for', () => {
    const startCases: [ErrorCode, string, () => Promise<{ world: BookingWorld; start: string }>, RegExp][] = [
      [
        'NOT_ON_GRID',
        'a start off the quarter hours',
        async () => ({ world: await bookingWorld(t), start: at(futureDate(5), '10:07') }),
        /^Meetings start on the quarter hour \(for example 10:00, 10:15, 10:30\); 10:07 is not one$/,
      ],
      [
        'TIME_PASSED',
        'a start in the past when no notice is needed',
        async () => ({
          world: await bookingWorld(t, { minNoticeMin: 0, aroundTheClock: true }),
          start: quarterFromNow(-60),
        }),
        /^That time has passed \(\d\d:\d\d on \d{4}-\d\d-\d\d\)\. Please choose a time from the list of free times\.$/,
      ],
      [
        'TIME_PASSED',
        'a start in the past when notice is needed',
        async () => ({ world: await bookingWorld(t, { aroundTheClock: true }), start: quarterFromNow(-60) }),
        /^That time has passed/,
      ],
      [
        'TOO_SHORT_NOTICE',
        'a start inside the notice',
        async () => ({
          world: await bookingWorld(t, { minNoticeMin: 120, aroundTheClock: true }),
          start: quarterFromNow(30),
        }),
        /^This meeting must be booked at least 2 hours ahead, so \d\d:\d\d on \d{4}-\d\d-\d\d is too soon$/,
      ],
      [
        'TOO_FAR_AHEAD',
        'a start beyond the horizon',
        async () => ({ world: await bookingWorld(t, { maxDaysAhead: 30 }), start: at(futureDate(40), '10:00') }),
        /^This meeting can be booked at most 30 days ahead, so \d{4}-\d\d-\d\d is too far ahead$/,
      ],
      [
        'OFFICE_CLOSED',
        'Christmas Day',
        async () => ({ world: await bookingWorld(t), start: at(nextChristmas(), '10:00') }),
        /^The office is closed on that day \(juldagen\)$/i,
      ],
      [
        'OUTSIDE_OPENING_HOURS',
        'a meeting that would end after closing',
        async () => ({ world: await bookingWorld(t), start: at(futureDate(5), '17:45') }),
        /^The meeting must start and end within the office’s opening hours; 17:45–18:15 does not$/,
      ],
    ];

    it.each(startCases)('should answer %s for %s, on start, storing nothing', async (code, _label, make, message) => {
      const { world, start } = await make();
      const before = await countRows(t.db, 'booking');
      const res = await book(world, start);
      expect([res.status, res.body.code]).toEqual([400, code]);
      expect(res.body.message).toMatch(message);
      expect(res.body.details).toEqual({ start: [res.body.message] });
      expect(await countRows(t.db, 'booking')).toBe(before);
    });
  });

  describe('the autumn daylight-saving night', () => {
    const sunday = nextDstSunday(10);
    const nightWorld = () => bookingWorld(t, { aroundTheClock: true, minNoticeMin: 0 });
    // A fixed clock three weeks before the change, so the night is within reach on any day of the year.
    beforeEach(() => fixClock(new Date(`${addDays(sunday, -21)}T12:00:00Z`).getTime()));
    afterEach(realClock);

    it('should offer each 02:xx once, with its offset, and name both 02:00s when the second is asked for', async () => {
      const world = await nightWorld();
      const res = await searchOffice(world, sunday);
      const slots: { start: string; local: string; offset: string }[] = res.body.offices[0].days[0].slots;
      expect(slots).toHaveLength(96);
      expect(slots.filter((s) => s.local.startsWith('02:')).map((s) => [s.local, s.offset])).toEqual([
        ['02:00', '+02:00'],
        ['02:15', '+02:00'],
        ['02:30', '+02:00'],
        ['02:45', '+02:00'],
      ]);
      expect(slots.find((s) => s.local === '03:00')?.offset).toBe('+01:00');

      const second = await book(world, `${sunday}T01:00:00Z`);
      expect(refusal(second)).toEqual({
        status: 400,
        code: 'REPEATED_LOCAL_TIME',
        message:
          `On ${sunday} the clocks go back, so 02:00 happens twice. Meetings start at the first one, ` +
          '02:00 (CEST, UTC+2), not at 02:00 (CET, UTC+1).',
      });
      expect(second.body.message).not.toMatch(/quarter hour/);
    });

    it('should show a 02:45 meeting as ending at 02:15 with the offsets, and name the zone in the confirmation', async () => {
      const world = await nightWorld();
      const res = await book(world, `${sunday}T00:45:00Z`, { locale: 'en' });
      expect(res.status).toBe(201);
      expect(res.body.local).toEqual({
        date: sunday,
        start: '02:45',
        startOffset: '+02:00',
        end: '02:15',
        endOffset: '+01:00',
        zone: ZONE,
      });
      const [mail] = await t.db.query(
        `SELECT body FROM notification_outbox WHERE booking_id = $1 AND kind = 'CONFIRMATION' AND channel = 'EMAIL'`,
        [res.body.id],
      );
      expect(mail.body).toContain('at 02:45 (CEST, UTC+2)');
      // Before the change the wall clock is read once: no zone needed.
      const early = await book(world, `${sunday}T00:00:00Z`);
      expect(early.body.local).toMatchObject({ start: '02:00', startOffset: '+02:00' });
      const staff = await staffOf(world);
      const schedule = await call('GET', `/offices/${world.officeId}/schedule?date=${sunday}`, { token: staff });
      const shown = schedule.body.rooms[0].bookings.find((b: { id: string }) => b.id === res.body.id);
      expect(shown.local).toMatchObject({ start: '02:45', startOffset: '+02:00', end: '02:15', endOffset: '+01:00' });
    });
  });

  describe('after the booking', () => {
    it('should answer a second cancel as the first, once, and refuse to move a cancelled booking', async () => {
      const world = await bookingWorld(t);
      const made = await book(world, at(futureDate(9), '10:00'));
      const headers = { 'x-manage-token': made.body.manageToken };
      const url = `/bookings/ref/${made.body.reference}`;
      const first = await call('POST', `${url}/cancel`, { headers });
      const second = await call('POST', `${url}/cancel`, { headers });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.body).toEqual(first.body);
      expect(second.body.status).toBe('CANCELLED');
      const [{ events, messages }] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM booking_event WHERE booking_id = $1 AND kind = 'CANCELLED') AS events,
                (SELECT count(*)::int FROM notification_outbox WHERE booking_id = $1 AND kind = 'CANCELLATION') AS messages`,
        [made.body.id],
      );
      expect(events).toBe(1);
      expect(messages).toBe(2); // one e-mail and one text message, once

      const moved = await call('POST', `${url}/reschedule`, { headers, body: { start: at(futureDate(9), '11:00') } });
      expect(refusal(moved)).toEqual({
        status: 409,
        code: 'ALREADY_CANCELLED',
        message: 'The booking is already cancelled and cannot be moved',
      });
    });

    it('should close online changes at the cut-off, saying until when', async () => {
      const world = await bookingWorld(t, { minNoticeMin: 0, aroundTheClock: true });
      const made = await book(world, quarterFromNow(60));
      expect(made.status).toBe(201);
      const res = await call('POST', `/bookings/ref/${made.body.reference}/cancel`, {
        headers: { 'x-manage-token': made.body.manageToken },
      });
      expect(refusal(res)).toMatchObject({ status: 409, code: 'CHANGES_CLOSED' });
      expect(res.body.message).toMatch(
        /^Bookings can be changed online until 2 hours before the start \(this one until \d\d:\d\d on \d{4}-\d\d-\d\d\)\. Please contact the office\.$/,
      );
    });

    it('should tell the desk when check-in opens, when it has closed, when a new time can be given, and that a booking is done', async () => {
      const world = await bookingWorld(t, { minNoticeMin: 0, aroundTheClock: true, rooms: 3, handlers: 3 });
      const token = await staffOf(world);
      const checkIn = (id: string) =>
        call('POST', `/bookings/${id}/check-in`, { token, body: { idCheckMethod: 'ID_CARD' } });

      const tomorrow = await book(world, quarterFromNow(26 * 60));
      expect(refusal(await checkIn(tomorrow.body.id))).toMatchObject({ status: 409, code: 'CHECK_IN_NOT_OPEN' });
      const noShow = await call('POST', `/bookings/${tomorrow.body.id}/no-show`, { token });
      expect(refusal(noShow)).toMatchObject({ status: 409, code: 'NO_SHOW_TOO_EARLY' });

      const soon = await book(world, quarterFromNow(15));
      expect((await checkIn(soon.body.id)).status).toBe(200);
      // The handler still has time to come: no new time for the waiting visitor yet.
      const early = await call('GET', `/bookings/${soon.body.id}/new-time-options`, { token });
      expect(refusal(early)).toMatchObject({ status: 409, code: 'NEW_TIME_TOO_EARLY' });
      expect(refusal(await checkIn(soon.body.id))).toEqual({
        status: 409,
        code: 'BOOKING_STATUS_CONFLICT',
        message: 'The booking is checked in and cannot be checked in',
      });

      const over = await book(world, quarterFromNow(30));
      await shiftBookingTo(t, over.body.id, -45);
      expect(refusal(await checkIn(over.body.id))).toMatchObject({ status: 409, code: 'CHECK_IN_CLOSED' });

      await call('POST', `/bookings/ref/${tomorrow.body.reference}/cancel`, {
        headers: { 'x-manage-token': tomorrow.body.manageToken },
      });
      expect(refusal(await checkIn(tomorrow.body.id))).toEqual({
        status: 409,
        code: 'ALREADY_CANCELLED',
        message: 'The booking is already cancelled and cannot be checked in',
      });
    });

    it('should tell the handler and the room when the session opens, closes, or waits for check-in', async () => {
      const world = await bookingWorld(t, { minNoticeMin: 0, aroundTheClock: true, handlers: 1 });
      const handler = await loginAs(t, world.handlerIds[0]);
      const staff = await f.user('OFFICE_STAFF', { officeIds: [world.officeId] });
      const device = await f.roomDevice(world.roomIds[0], staff.id);
      const ticket = (id: string, token: string) => call('POST', `/bookings/${id}/session-ticket`, { token });

      const later = await book(world, quarterFromNow(3 * 60));
      expect(refusal(await ticket(later.body.id, handler))).toMatchObject({ status: 409, code: 'SESSION_NOT_OPEN' });
      await shiftBookingTo(t, later.body.id, 5);
      expect(refusal(await ticket(later.body.id, device.token))).toMatchObject({
        status: 409,
        code: 'VISITOR_NOT_CHECKED_IN',
      });
      await shiftBookingTo(t, later.body.id, -120);
      expect(refusal(await ticket(later.body.id, handler))).toMatchObject({ status: 409, code: 'SESSION_CLOSED' });
    });

    it('should tell a room block that meets a booking from one that meets another block', async () => {
      const world = await bookingWorld(t);
      const token = await staffOf(world);
      const date = futureDate(12);
      await book(world, at(date, '10:00'));
      const block = (start: string, end: string) =>
        call('POST', `/offices/${world.officeId}/room-blocks`, {
          token,
          body: { roomId: world.roomIds[0], start: at(date, start), end: at(date, end), reason: 'MAINTENANCE' },
        });
      expect(refusal(await block('09:00', '11:00'))).toMatchObject({ status: 409, code: 'BLOCK_OVERLAPS_BOOKINGS' });
      expect((await block('13:00', '15:00')).status).toBe(201);
      expect(refusal(await block('14:00', '16:00'))).toMatchObject({ status: 409, code: 'ROOM_ALREADY_BLOCKED' });
    });
  });

  it('should refuse to close a day with bookings on it until the administrator decides what happens to them', async () => {
    const world = await bookingWorld(t);
    const admin = await loginAs(t, (await f.user('ADMIN')).id);
    const date = futureDate(13);
    const booked = await book(world, at(date, '10:00'));
    expect(booked.status).toBe(201);
    const closeDay = await call('PUT', `/offices/${world.officeId}/exceptions/${date}`, {
      token: admin,
      body: { closed: true, reason: 'Vattenskada' },
    });
    expect(refusal(closeDay)).toMatchObject({ status: 409, code: 'BOOKINGS_AFFECTED' });
    expect(closeDay.body.extra.affected.map((b: { id: string }) => b.id)).toEqual([booked.body.id]);
  });

  it('should have met every rule-specific error code and unavailable reason above', () => {
    const expected = ERROR_CODES.filter((code) => !DEFAULT_CODES.includes(code));
    expect(expected.filter((code) => !seen.has(code))).toEqual([]);
    expect(UNAVAILABLE_REASONS.filter((reason) => !seen.has(reason))).toEqual([]);
  });
});

function nextChristmas(): string {
  const year = new Date().getUTCFullYear();
  const thisYear = `${year}-12-25`;
  return thisYear > new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) ? thisYear : `${year + 1}-12-25`;
}
