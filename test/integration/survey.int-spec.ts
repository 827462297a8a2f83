import { Factory } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('Visitor survey', () => {
  let t: TestApp;
  let f: Factory;
  let world: {
    officeId: string;
    agencyId: string;
    caseTypeId: string;
    roomId: string;
    handlerId: string;
    device: { id: string; token: string };
    otherDevice: { id: string; token: string };
  };

  /** A meeting in the room that ended a few minutes ago, in `language`. */
  async function finishedMeeting(language = 'so', status = 'COMPLETED'): Promise<string> {
    const end = new Date(Date.now() - 5 * 60_000);
    const booking = await f.booking({ ...world, start: new Date(end.getTime() - 30 * 60_000), end });
    await t.db.query(`UPDATE booking SET status = $2, language = $3 WHERE id = $1`, [booking.id, status, language]);
    return booking.id;
  }

  beforeAll(async () => {
    t = await createTestApp({ MEDIA_ENABLED: 'false', JOB_INTERVAL_SECONDS: '0' });
    f = new Factory(t.db);
    const office = await f.office();
    const otherOffice = await f.office();
    const agency = await f.agency();
    const caseType = await f.caseType(agency.id);
    const handler = await f.user('HANDLER', { agencyId: agency.id, caseTypeIds: [caseType.id] });
    const admin = await f.user('ADMIN');
    const room = await f.room(office.id);
    const otherRoom = await f.room(otherOffice.id);
    world = {
      officeId: office.id,
      agencyId: agency.id,
      caseTypeId: caseType.id,
      roomId: room.id,
      handlerId: handler.id,
      device: await f.roomDevice(room.id, admin.id),
      otherDevice: await f.roomDevice(otherRoom.id, admin.id),
    };
  });
  afterAll(() => t.close());

  it('should have no column that could link an answer to a booking, a visitor, a device or a moment', async () => {
    const columns: { column_name: string; data_type: string }[] = await t.db.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'survey_answer' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'id',
      'office_id',
      'agency_id',
      'case_type_id',
      'month',
      'satisfaction',
      'got_help',
      'treated_well',
    ]);
    expect(columns.filter((c) => c.data_type.startsWith('timestamp'))).toEqual([]);
    const references: { target: string }[] = await t.db.query(
      `SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE conrelid = 'survey_answer'::regclass AND contype = 'f'`,
    );
    expect(references.map((r) => r.target).sort()).toEqual(['agency', 'case_type', 'office']);
    // The key is random, not a sequence whose order would follow the meetings.
    const [key] = await t.db.query(
      `SELECT column_default FROM information_schema.columns WHERE table_name = 'survey_answer' AND column_name = 'id'`,
    );
    expect(key.column_default).toBe('gen_random_uuid()');
  });

  it("should offer the survey in the booking's language and store an answer with office, agency, case type and month only", async () => {
    const bookingId = await finishedMeeting('so');
    const offer = await t.request('GET', `/room-screen/survey/${bookingId}`, { token: world.device.token });
    expect(offer.status).toBe(200);
    expect(offer.body).toEqual({ bookingId, language: 'so' });

    const before = await t.db.query(`SELECT id FROM survey_answer`);
    const res = await t.request('POST', '/room-screen/survey', {
      token: world.device.token,
      body: { bookingId, satisfaction: 4, gotHelp: true, treatedWell: true },
    });
    expect(res.status).toBe(204);
    const rows = await t.db.query(`SELECT * FROM survey_answer WHERE id <> ALL($1::uuid[])`, [
      before.map((r: { id: string }) => r.id),
    ]);
    expect(rows).toHaveLength(1);
    const month = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Stockholm' }));
    expect(rows[0]).toMatchObject({
      office_id: world.officeId,
      agency_id: world.agencyId,
      case_type_id: world.caseTypeId,
      satisfaction: 4,
      got_help: true,
      treated_well: true,
    });
    expect(JSON.stringify(rows[0])).not.toContain(bookingId);
    expect(new Date(rows[0].month).getDate()).toBe(1);
    expect(rows[0].month.getMonth()).toBe(month.getMonth());
  });

  it('should take one answer per finished meeting, only from its own room, and only after a meeting that took place', async () => {
    const bookingId = await finishedMeeting('ar');
    const answer = (token: string, body: Record<string, unknown>) =>
      t.request('POST', '/room-screen/survey', { token, body: { bookingId, ...body } });
    expect((await answer(world.otherDevice.token, { satisfaction: 1 })).status).toBe(404);
    expect(
      (await t.request('GET', `/room-screen/survey/${bookingId}`, { token: world.otherDevice.token })).status,
    ).toBe(404);
    expect((await answer(world.device.token, {})).status).toBe(400);
    expect((await answer(world.device.token, { satisfaction: 6 })).status).toBe(400);
    expect((await answer(world.device.token, { satisfaction: 2 })).status).toBe(204);
    const again = await answer(world.device.token, { satisfaction: 5 });
    expect(again.status).toBe(409);
    expect((await t.request('GET', `/room-screen/survey/${bookingId}`, { token: world.device.token })).status).toBe(
      409,
    );

    const missed = await finishedMeeting('sv', 'NO_SHOW');
    expect((await t.request('GET', `/room-screen/survey/${missed}`, { token: world.device.token })).status).toBe(404);
  });

  it("should ask in Swedish or English, as the booking's messages, when the visitor's language has no survey", async () => {
    const bookingId = await finishedMeeting('fa');
    await t.db.query(`UPDATE booking SET locale = 'en' WHERE id = $1`, [bookingId]);
    const offer = await t.request('GET', `/room-screen/survey/${bookingId}`, { token: world.device.token });
    expect(offer.body.language).toBe('en');
  });
});
