import { JobScheduler } from '../../apps/api/src/jobs/job-scheduler';
import { RetentionPurgeJob } from '../../apps/api/src/retention/retention-purge.job';
import { at, bookingBody, bookingWorld, futureDate } from '../support/booking-fixture';
import { Factory, login } from '../support/factories';
import { seedStatisticsWorld, type StatisticsWorld } from '../support/statistics-world';
import { createTestApp, TestApp, unique } from '../support/test-app';

const RANGE = 'from=2026-03&to=2026-04';

describe('Retention purge', () => {
  let t: TestApp;
  let world: StatisticsWorld;
  let adminToken: string;
  let job: RetentionPurgeJob;
  /** The visitors whose data must be gone: the seeded ones and one who booked online. */
  let people: { name: string; phone: string; email: string }[];
  let bookingIds: string[];

  const statistics = async () => {
    const figures: unknown[] = [];
    for (const figure of ['bookings', 'interpreters', 'waiting', 'sessions']) {
      const res = await t.request('GET', `/statistics/${figure}?${RANGE}&by=office&officeId=${world.offices.A.id}`, {
        token: adminToken,
      });
      expect(res.status).toBe(200);
      figures.push(res.body);
    }
    return figures;
  };

  const bookingRows = () =>
    t.db.query<unknown[]>(`SELECT * FROM booking WHERE id = ANY($1::uuid[]) ORDER BY id`, [bookingIds]);

  beforeAll(async () => {
    t = await createTestApp({ STATS_MIN_CELL: '1', MEDIA_ENABLED: 'false', JOB_INTERVAL_SECONDS: '0' });
    job = t.app.get(RetentionPurgeJob);
    world = await seedStatisticsWorld(t.db, unique('purge'));
    adminToken = await login(t, world.admin);

    // A visitor who booked through the public site: a confirmation in the outbox, audit rows, a
    // manage link. Their meeting is then moved back to last spring, long past the retention.
    const online = await bookingWorld(t);
    const person = {
      name: `Ottilia ${unique('Purge')}`,
      phone: '+46 70 555 12 34',
      email: `${unique('ottilia')}@example.org`.toLowerCase(),
    };
    const res = await t.request('POST', '/bookings', {
      body: bookingBody(online, at(futureDate(5), '10:00'), {
        citizen: person,
        accessibilityNote: `Hearing loop, says ${person.name}`,
      }),
    });
    expect(res.status).toBe(201);
    await t.db.query(
      `UPDATE booking SET starts_at = '2026-03-20T09:00:00Z', ends_at = '2026-03-20T09:30:00Z', hold_until = '2026-03-20T09:40:00Z'
        WHERE id = $1`,
      [res.body.id],
    );
    expect(await t.db.query(`SELECT 1 FROM notification_outbox WHERE booking_id = $1`, [res.body.id])).not.toHaveLength(
      0,
    );
    people = [...world.visits.map(({ name, phone, email }) => ({ name, phone, email })), person];
    bookingIds = [...world.visits.map((v) => v.id), res.body.id];
  });
  afterAll(() => t.close());

  /** A meeting that ended at `end`, by default yesterday (well inside the retention). */
  async function recentBooking(end = new Date(Date.now() - 24 * 3600_000)): Promise<{ id: string }> {
    const f = new Factory(t.db);
    const agency = world.agencies.X;
    const [room] = await t.db.query(`SELECT id FROM room WHERE office_id = $1 LIMIT 1`, [world.offices.A.id]);
    return f.booking({
      agencyId: agency.id,
      caseTypeId: agency.caseTypeId,
      officeId: world.offices.A.id,
      roomId: room.id,
      handlerId: agency.handler.id,
      start: new Date(end.getTime() - 30 * 60_000),
      end,
    });
  }

  it('should leave no purged personal field in any table, keep the statistics, and change nothing the second time', async () => {
    const before = await statistics();
    const audits = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'retention.purge'`))[0].n as number;
    const auditsBefore = await audits();

    const first = await job.run();
    expect(first!.bookings).toBeGreaterThanOrEqual(bookingIds.length);
    expect(first!.messages).toBeGreaterThanOrEqual(1);
    expect(await audits()).toBe(auditsBefore + 1);

    // Every text column of every table the API can read, for every visitor's name, phone and e-mail.
    const columns: { table: string; column: string }[] = await t.db.query(
      `SELECT c.table_name AS table, c.column_name AS column
         FROM information_schema.columns c
        WHERE c.table_schema = 'public'
          AND (c.data_type IN ('text', 'character varying', 'jsonb', 'json') OR c.udt_name IN ('_text', '_varchar'))
          AND has_table_privilege(current_user, format('%I.%I', c.table_schema, c.table_name), 'SELECT')`,
    );
    expect(columns.map((c) => `${c.table}.${c.column}`)).toEqual(
      expect.arrayContaining(['booking.citizen_name', 'notification_outbox.body', 'audit_log.details']),
    );
    const leftovers: string[] = [];
    for (const { table, column } of columns) {
      for (const person of people) {
        // The phone also as the abuse limits keep it (E.164, "+46705551234"), not only as typed.
        for (const value of [person.name, person.phone, person.phone.replace(/[\s-]/g, ''), person.email]) {
          const [{ n }] = await t.db.query(
            `SELECT count(*)::int AS n FROM "${table}" WHERE position(lower($1) IN lower("${column}"::text)) > 0`,
            [value],
          );
          if (n > 0) leftovers.push(`${table}.${column}: ${value}`);
        }
      }
    }
    expect(leftovers).toEqual([]);

    const purged = await t.db.query(
      `SELECT citizen_name, citizen_phone, citizen_phone_key, citizen_email, accessibility_note, manage_token_hash,
              manage_code_sealed, personal_data_purged_at
         FROM booking WHERE id = ANY($1::uuid[])`,
      [bookingIds],
    );
    for (const row of purged) {
      expect(row).toMatchObject({
        citizen_name: '',
        citizen_phone: null,
        citizen_phone_key: null,
        citizen_email: null,
        accessibility_note: '',
        manage_token_hash: '',
        manage_code_sealed: null,
      });
      expect(row.personal_data_purged_at).toBeInstanceOf(Date);
    }
    expect(await statistics()).toEqual(before);

    const rowsAfterFirst = await bookingRows();
    const second = await job.run();
    expect(second).toMatchObject({ bookings: 0, messages: 0 });
    expect(await bookingRows()).toEqual(rowsAfterFirst);
    expect(await statistics()).toEqual(before);
  });

  it('should not purge a booking that ended recently', async () => {
    const recent = await recentBooking();
    await job.run();
    const [row] = await t.db.query(`SELECT citizen_name, personal_data_purged_at FROM booking WHERE id = $1`, [
      recent.id,
    ]);
    expect(row).toMatchObject({ citizen_name: 'A. Andersson', personal_data_purged_at: null });
  });

  it('should run with the background jobs every PURGE_INTERVAL_MINUTES', async () => {
    const scheduler = t.app.get(JobScheduler);
    const runs = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'retention.purge'`))[0].n as number;
    const old = await recentBooking(new Date(Date.now() - 200 * 24 * 3600_000));
    const before = await runs();
    const now = Date.now();
    await scheduler.runOnce(new Date(now));
    expect(await runs()).toBe(before + 1);
    const [row] = await t.db.query(`SELECT citizen_name FROM booking WHERE id = $1`, [old.id]);
    expect(row.citizen_name).toBe('');
    await scheduler.runOnce(new Date(now + 5 * 60_000));
    expect(await runs()).toBe(before + 1);
    await scheduler.runOnce(new Date(now + 61 * 60_000));
    expect(await runs()).toBe(before + 2);
  });

  it('should keep audit rows for at least a year, and let nobody delete them otherwise', async () => {
    await expect(t.db.query(`SELECT purge_expired_audit(30)`)).rejects.toThrow(/at least 365 days/);
    await expect(t.db.query(`DELETE FROM audit_log WHERE action = 'retention.purge'`)).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(t.db.query(`DELETE FROM security_event`)).rejects.toThrow(/permission denied|append-only/);
  });

  it('should refuse to mark a booking purged while it still holds personal data', async () => {
    const row = await recentBooking();
    await expect(
      t.db.query(`UPDATE booking SET personal_data_purged_at = now() WHERE id = $1`, [row.id]),
    ).rejects.toThrow(/booking_purged_is_empty/);
  });
});
