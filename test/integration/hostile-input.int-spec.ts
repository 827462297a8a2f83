import { at, bookingBody, bookingWorld, BookingWorld, futureDate } from '../support/booking-fixture';
import { countRows } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** Input that once answered 500: each must be an ordinary 400 that names the field and writes nothing. */
describe('Hostile input', () => {
  let t: TestApp;
  let world: BookingWorld;

  beforeAll(async () => {
    t = await createTestApp();
    world = await bookingWorld(t);
  });
  afterAll(() => t.close());

  const expectRefused = (res: { status: number; body: any }, field: string) => {
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', correlationId: expect.any(String) });
    expect(Object.keys(res.body.details)).toContain(field);
  };

  it('should refuse an e-mail address holding half a surrogate pair', async () => {
    const before = await countRows(t.db, 'booking');
    const body = bookingBody(world, at(futureDate(5), '10:00'), {
      citizen: { name: 'A. Andersson', email: '\ud800@example.se' },
    });
    const res = await t.request('POST', '/bookings', { body });
    expectRefused(res, 'citizen.email');
    expect(res.body.details['citizen.email'].join(' ')).toMatch(/surrogate/);
    expect(await countRows(t.db, 'booking')).toBe(before);
  });

  it('should refuse JSON nested 5,000 levels deep before validating it', async () => {
    const before = await countRows(t.db, 'booking');
    const deep = `${'{"name":'.repeat(5000)}"A"${'}'.repeat(5000)}`;
    const payload = JSON.stringify(bookingBody(world, at(futureDate(5), '10:30'))).replace(
      /"citizen":\{[^}]*\}/,
      `"citizen":${deep}`,
    );
    const res = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'POST', url: '/bookings', headers: { 'content-type': 'application/json' }, payload });
    const parsed = { status: res.statusCode, body: JSON.parse(res.body) };
    expectRefused(parsed, 'citizen');
    expect(parsed.body.details.citizen.join(' ')).toMatch(/nested too deeply/);
    expect(await countRows(t.db, 'booking')).toBe(before);
  });

  it('should refuse a NUL byte in a query string instead of passing it to PostgreSQL', async () => {
    const res = await t.request(
      'GET',
      `/availability?caseType=${world.caseTypeId}&municipality=%00&from=${futureDate(5)}&to=${futureDate(5)}`,
    );
    expectRefused(res, 'municipality');
    expect(res.body.details.municipality.join(' ')).toMatch(/NUL/);
  });

  it('should refuse a NUL byte in a path parameter and in a nested body field alike', async () => {
    const param = await t.request('GET', '/offices/%00/opening-hours?from=2026-12-01&to=2026-12-02');
    expectRefused(param, 'id');
    const nested = await t.request('POST', '/bookings', {
      body: bookingBody(world, at(futureDate(5), '11:00'), { citizen: { name: 'A\u0000' } }),
    });
    expectRefused(nested, 'citizen.name');
  });
});
