import { at, bookingWorld, futureDate, offsetAt } from '../support/booking-fixture';
import { Factory } from '../support/factories';
import { bookPublicly, loginAs, shiftBookingTo } from '../support/operations-fixture';
import { createTestApp, TestApp } from '../support/test-app';

describe('Handler agenda and booking detail', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    t = await createTestApp({ JOB_INTERVAL_SECONDS: '0' });
    f = new Factory(t.db);
  });
  afterAll(() => t.close());

  const agenda = async (token: string, date: string) => {
    const res = await t.request('GET', `/me/agenda?date=${date}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  };

  const contactReads = async (bookingId: string) =>
    t.db.query(
      `SELECT actor_id, actor_role FROM audit_log WHERE action = 'booking.contact.read' AND resource_id = $1`,
      [bookingId],
    );

  it('should show a booking made through the public API in its handler’s agenda, without the citizen’s contact', async () => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 1 });
    const date = futureDate(5);
    await t.db.query(`UPDATE room SET equipment = '{hearing-loop}' WHERE id = $1`, [world.roomIds[0]]);
    const later = await bookPublicly(t, world, date, '14:00');
    const booking = await bookPublicly(t, world, date, '10:00', { accessibilityNeeds: ['HEARING_LOOP'] });

    const body = await agenda(await loginAs(t, world.handlerIds[0]), date);
    expect(body).toMatchObject({ date, timeZone: 'Europe/Stockholm' });
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([booking.id, later.id]);
    const [room] = await t.db.query(`SELECT name FROM room WHERE id = $1`, [world.roomIds[0]]);
    expect(body.items[0]).toEqual({
      id: booking.id,
      reference: booking.reference,
      status: 'BOOKED',
      start: at(date, '10:00'),
      end: at(date, '10:30'),
      local: {
        date,
        start: '10:00',
        startOffset: offsetAt(date, '10:00'),
        end: '10:30',
        endOffset: offsetAt(date, '10:30'),
        zone: 'Europe/Stockholm',
      },
      agency: { code: expect.any(String), nameSv: expect.any(String), nameEn: expect.any(String) },
      caseType: { nameSv: 'Bostadsbidrag', nameEn: 'Housing allowance' },
      office: { id: world.officeId, name: world.officeName },
      room: { id: world.roomIds[0], name: room.name },
      language: 'sv',
      interpreter: { needed: false, language: null },
      accessibilityNeeds: ['HEARING_LOOP'],
      idVerified: false,
      idCheck: null,
    });
    const text = JSON.stringify(body);
    for (const contact of ['Andersson', 'anna@example.se', '123 45 67']) expect(text).not.toContain(contact);
    expect(await agenda(await loginAs(t, world.handlerIds[0]), futureDate(6))).toMatchObject({ items: [] });
  });

  it('should show "ID verified" with method and time once the visitor is checked in', async () => {
    const world = await bookingWorld(t);
    const staff = await f.user('OFFICE_STAFF', { officeIds: [world.officeId] });
    const booking = await bookPublicly(t, world, futureDate(5), '10:00');
    await shiftBookingTo(t, booking.id, 30);
    const checkIn = await t.request('POST', `/bookings/${booking.id}/check-in`, {
      token: await loginAs(t, staff.id),
      body: { idCheckMethod: 'DRIVING_LICENCE' },
    });
    expect(checkIn.status).toBe(200);
    const [row] = await t.db.query(`SELECT starts_at, checked_in_at FROM booking WHERE id = $1`, [booking.id]);
    const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(row.starts_at);

    const body = await agenda(await loginAs(t, world.handlerIds[0]), date);
    expect(body.items).toEqual([
      expect.objectContaining({
        id: booking.id,
        status: 'CHECKED_IN',
        idVerified: true,
        idCheck: { method: 'DRIVING_LICENCE', at: row.checked_in_at.toISOString() },
      }),
    ]);
  });

  it('should keep agencies apart: another agency’s handler never sees the booking, in lists or by id', async () => {
    const world = await bookingWorld(t);
    const otherAgency = await bookingWorld(t);
    const date = futureDate(5);
    const booking = await bookPublicly(t, world, date, '10:00');
    const outsider = await loginAs(t, otherAgency.handlerIds[0]);

    expect((await agenda(outsider, date)).items.map((i: { id: string }) => i.id)).not.toContain(booking.id);
    const res = await t.request('GET', `/bookings/${booking.id}`, { token: outsider });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Booking not found');
    expect(await contactReads(booking.id)).toEqual([]);
  });

  it('should give the agency’s handlers the full booking with contact and history, and log the read', async () => {
    const world = await bookingWorld(t, { handlers: 2 });
    const booking = await bookPublicly(t, world, futureDate(5), '10:00', { accessibilityNote: 'Needs a quiet room' });
    const [assigned] = await t.db.query(`SELECT handler_id FROM booking WHERE id = $1`, [booking.id]);
    const colleague = world.handlerIds.find((id) => id !== assigned.handler_id)!;

    const res = await t.request('GET', `/bookings/${booking.id}`, { token: await loginAs(t, colleague) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: booking.id,
      reference: booking.reference,
      status: 'BOOKED',
      agency: { id: world.agencyId },
      caseType: { nameEn: 'Housing allowance', idCheckRequired: true },
      office: { id: world.officeId },
      handler: { id: assigned.handler_id, name: 'Test HANDLER' },
      interpreter: null,
      accessibilityNote: 'Needs a quiet room',
      citizen: { name: 'A. Andersson', email: 'anna@example.se', phone: '+46 70 123 45 67', locale: 'sv' },
      bookedVia: 'PUBLIC',
      idVerified: false,
      idCheck: null,
      events: [
        { kind: 'CREATED', from: null, to: 'BOOKED', actor: { id: null, role: 'CITIZEN' }, details: { via: 'PUBLIC' } },
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain('manage');
    expect(await contactReads(booking.id)).toEqual([{ actor_id: colleague, actor_role: 'HANDLER' }]);
  });

  it('should answer 404 to office staff, even of the booking’s own office, and 200 to an admin', async () => {
    const world = await bookingWorld(t);
    const booking = await bookPublicly(t, world, futureDate(5), '10:00');
    const staff = await f.user('OFFICE_STAFF', { officeIds: [world.officeId] });
    expect((await t.request('GET', `/bookings/${booking.id}`, { token: await loginAs(t, staff.id) })).status).toBe(404);
    const admin = await f.user('ADMIN');
    const res = await t.request('GET', `/bookings/${booking.id}`, { token: await loginAs(t, admin.id) });
    expect(res.status).toBe(200);
    expect(await contactReads(booking.id)).toEqual([{ actor_id: admin.id, actor_role: 'ADMIN' }]);
    expect(
      (await t.request('GET', `/bookings/00000000-0000-4000-8000-000000000000`, { token: await loginAs(t, admin.id) }))
        .status,
    ).toBe(404);
  });

  it('should give the booked interpreter their agenda and the booking, and nobody else’s', async () => {
    const world = await bookingWorld(t);
    const date = futureDate(5);
    const interpreter = await f.user('INTERPRETER', { languages: ['ti', 'sv'] });
    await t.db.query(`UPDATE app_user SET weekly_hours = $2 WHERE id = $1`, [
      interpreter.id,
      JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '17:00' }))),
    ]);
    const booking = await bookPublicly(t, world, date, '11:00', { language: 'ti', interpreter: true });
    // Other test files may have left Tigrinya interpreters too: make sure it is this one.
    await t.db.query(`UPDATE booking SET interpreter_id = $2 WHERE id = $1`, [booking.id, interpreter.id]);
    await t.db.query(
      `UPDATE resource_hold SET resource_id = $2 WHERE booking_id = $1 AND resource_kind = 'interpreter'`,
      [booking.id, interpreter.id],
    );

    const token = await loginAs(t, interpreter.id);
    const body = await agenda(token, date);
    expect(body.items).toEqual([
      expect.objectContaining({ id: booking.id, language: 'ti', interpreter: { needed: true, language: 'ti' } }),
    ]);
    expect((await t.request('GET', `/bookings/${booking.id}`, { token })).status).toBe(200);

    const otherInterpreter = await f.user('INTERPRETER', { languages: ['ti'] });
    const other = await loginAs(t, otherInterpreter.id);
    expect((await agenda(other, date)).items).toEqual([]);
    expect((await t.request('GET', `/bookings/${booking.id}`, { token: other })).status).toBe(404);
  });

  it('should keep the agenda for handlers and interpreters', async () => {
    const world = await bookingWorld(t);
    const staff = await f.user('OFFICE_STAFF', { officeIds: [world.officeId] });
    const res = await t.request('GET', `/me/agenda?date=${futureDate(5)}`, { token: await loginAs(t, staff.id) });
    expect(res.status).toBe(403);
    expect((await t.request('GET', `/me/agenda?date=${futureDate(5)}`)).status).toBe(401);
  });

  it.each([
    ['a missing date', '', 'date'],
    ['an impossible date', '?date=2026-02-29', 'date'],
    ['a week number', '?date=2026-W49', 'date'],
    ['an unknown parameter', `?date=2026-12-01&handler=someone`, 'handler'],
  ])('should refuse an agenda with %s', async (_label, query, field) => {
    const world = await bookingWorld(t);
    const res = await t.request('GET', `/me/agenda${query}`, { token: await loginAs(t, world.handlerIds[0]) });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details)).toContain(field);
  });

  it('should refuse a booking id that is not a UUID', async () => {
    const world = await bookingWorld(t);
    const res = await t.request('GET', `/bookings/not-a-uuid`, { token: await loginAs(t, world.handlerIds[0]) });
    expect(res.status).toBe(400);
  });
});
