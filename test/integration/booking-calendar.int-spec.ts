import { bookingWorld, futureDate } from '../support/booking-fixture';
import { bookPublicly } from '../support/operations-fixture';
import { createTestApp, TestApp } from '../support/test-app';

describe('GET /bookings/ref/:reference/calendar.ics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: 'https://boka.example.se' });
  });
  afterAll(() => t.close());

  it('should give the holder of the code (however typed) an invitation, then its cancellation', async () => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 1 });
    const booking = await bookPublicly(t, world, futureDate(5), '10:00', { locale: 'so' });
    expect(booking.manageUrl).toBe(`https://boka.example.se/manage/${booking.reference}#${booking.manageToken}`);
    const typed = booking.manageToken.toLowerCase().replace(/-/g, ' ');
    const url = `/bookings/ref/${booking.reference}/calendar.ics`;

    const invitation = await t.request('GET', url, { headers: { 'x-manage-token': typed } });
    expect(invitation.status).toBe(200);
    expect(invitation.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = String(invitation.body);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Stockholm:\d{8}T100000/);
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain('SUMMARY:Kulan fog:');

    const cancel = await t.request('POST', `/bookings/ref/${booking.reference}/cancel`, {
      headers: { 'x-manage-token': booking.manageToken },
    });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ status: 'CANCELLED', changesOpen: false, locale: 'so' });
    const cancelled = String((await t.request('GET', url, { headers: { 'x-manage-token': typed } })).body);
    expect(cancelled).toContain('METHOD:CANCEL');
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:1');
    expect(cancelled.match(/UID:.*/)?.[0]).toBe(ics.match(/UID:.*/)?.[0]);
  });

  it('should answer a wrong code exactly like a wrong reference, as JSON', async () => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 1 });
    const booking = await bookPublicly(t, world, futureDate(5), '10:00');
    for (const [reference, code] of [
      [booking.reference, 'K7QM-4XRT-9P'],
      ['ZZZ-ZZZ', booking.manageToken],
      [booking.reference, 'not a code'],
    ]) {
      const res = await t.request('GET', `/bookings/ref/${reference}/calendar.ics`, {
        headers: { 'x-manage-token': code },
      });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: 'Booking not found' });
    }
  });
});
