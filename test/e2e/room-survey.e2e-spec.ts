import type { Browser, Page } from 'playwright-core';
import { Factory } from '../support/factories';
import { createTestApp, listenOnLoopback, TestApp } from '../support/test-app';
import { accessibilityProblems, launchChromium, newPage, screenshot } from './support/browser';

jest.setTimeout(240_000);

const KIOSK = { width: 1280, height: 800 };

/**
 * After a meeting the room screen thanks the visitor and asks three questions in the booking's
 * language (Arabic here: right to left), takes the answers with large buttons and goes back to
 * the door display; the answer is stored without the booking. A second meeting's visitor skips.
 */
describe('The survey on the room screen, end to end', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let f: Factory;
  let deviceToken: string;
  let world: {
    agencyId: string;
    caseTypeId: string;
    officeId: string;
    roomId: string;
    handlerId: string;
    staffId: string;
  };

  /** A visitor checked in for a meeting that started a minute ago, in `language`. */
  const checkedIn = async (language: string): Promise<string> => {
    const start = new Date(Date.now() - 60_000);
    const booking = await f.booking({ ...world, start, end: new Date(start.getTime() + 30 * 60_000) });
    await t.db.query(
      `UPDATE booking SET status = 'CHECKED_IN', checked_in_at = now(), checked_in_by = $2, id_check_method = 'ID_CARD',
                          language = $3 WHERE id = $1`,
      [booking.id, world.staffId, language],
    );
    return booking.id;
  };
  const complete = (bookingId: string) =>
    t.db.query(`UPDATE booking SET status = 'COMPLETED', ends_at = now(), hold_until = now() WHERE id = $1`, [
      bookingId,
    ]);

  /** A paired room screen; `withoutLiveUpdates` cuts its socket off, as a proxy that drops it would. */
  const kiosk = async (withoutLiveUpdates = false): Promise<Page> => {
    const { page: kioskPage } = await newPage(browser, KIOSK);
    if (withoutLiveUpdates) {
      await kioskPage.route('**/socket.io/**', (route) => route.abort());
      await kioskPage.routeWebSocket(/socket\.io/, (socket) => socket.close());
    }
    await kioskPage.addInitScript((token) => localStorage.setItem('distans.room.deviceToken', token), deviceToken);
    await kioskPage.goto(`${base}/room/`);
    return kioskPage;
  };

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'warn', MEDIA_ENABLED: 'false' });
    base = await listenOnLoopback(t);
    browser = await launchChromium();
    f = new Factory(t.db);
    const office = await f.office({
      weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
    });
    const room = await f.room(office.id);
    const agency = await f.agency();
    const caseType = await f.caseType(agency.id);
    const handler = await f.user('HANDLER', { agencyId: agency.id, caseTypeIds: [caseType.id] });
    const staff = await f.user('OFFICE_STAFF', { officeIds: [office.id] });
    world = {
      agencyId: agency.id,
      caseTypeId: caseType.id,
      officeId: office.id,
      roomId: room.id,
      handlerId: handler.id,
      staffId: staff.id,
    };
    deviceToken = (await f.roomDevice(room.id, staff.id)).token;
    page = await kiosk();
    await page.getByTestId('door-display').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("should ask in the booking's language, store the answers without the booking, and go back to the door", async () => {
    const bookingId = await checkedIn('ar');
    await page.getByTestId('welcome').waitFor({ timeout: 20_000 });
    const answersBefore = (
      await t.db.query(`SELECT count(*)::int AS n FROM survey_answer WHERE office_id = $1`, [world.officeId])
    )[0].n;
    await complete(bookingId);

    const survey = page.getByTestId('survey');
    await survey.waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    expect(await survey.locator('h1').textContent()).toBe('ما مدى رضاك عن لقاء اليوم؟');
    expect(await accessibilityProblems(page, { allImpacts: true })).toEqual([]);
    await screenshot(page, 'room-survey-ar-1280');

    await page.getByTestId('survey-score-4').click();
    await page.locator('[data-question=gotHelp]').waitFor();
    // Large buttons work from a keyboard too (a kiosk may have one for accessibility).
    await page.getByTestId('survey-yes').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-question=treatedWell]').waitFor();
    await page.getByTestId('survey-yes').click();
    await page.getByTestId('survey-done').waitFor();

    await page.getByTestId('door-display').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'sv',
      'ltr',
    ]);
    const rows = await t.db.query(`SELECT * FROM survey_answer WHERE office_id = $1`, [world.officeId]);
    expect(rows).toHaveLength(answersBefore + 1);
    expect(rows[rows.length - 1]).toMatchObject({ satisfaction: 4, got_help: true, treated_well: true });
    expect(JSON.stringify(rows)).not.toContain(bookingId);
    const [booking] = await t.db.query(`SELECT survey_answered FROM booking WHERE id = $1`, [bookingId]);
    expect(booking.survey_answered).toBe(true);
  });

  it('should let the visitor skip every question, store nothing, and go back to the door', async () => {
    const bookingId = await checkedIn('so');
    await page.getByTestId('welcome').waitFor({ timeout: 20_000 });
    await complete(bookingId);
    await page.getByTestId('survey').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('survey-skip').textContent()).toBe('Ka bood');
    for (let i = 0; i < 3; i++) await page.getByTestId('survey-skip').click();
    await page.getByTestId('survey-done').waitFor();
    await page.getByTestId('door-display').waitFor({ timeout: 20_000 });
    const [booking] = await t.db.query(`SELECT survey_answered FROM booking WHERE id = $1`, [bookingId]);
    expect(booking.survey_answered).toBe(false);
  });

  it('should still thank the visitor and ask when no live update reaches the screen', async () => {
    await page.context().close();
    const bookingId = await checkedIn('sv');
    const cutOff = await kiosk(true);
    await cutOff.getByTestId('welcome').waitFor({ timeout: 20_000 });
    await complete(bookingId);
    // Only the status poll (every 30 s) is left, and it tells how the visit ended.
    await cutOff.getByTestId('survey').waitFor({ timeout: 45_000 });
    expect(await cutOff.getByTestId('survey-skip').textContent()).toBe('Hoppa över');
    await cutOff.context().close();
  });
});
