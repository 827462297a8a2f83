import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bookingBody, bookingWorld, BookingWorld } from '../support/booking-fixture';
import { Factory, login } from '../support/factories';
import { shiftBookingTo } from '../support/operations-fixture';
import { createTestApp, listenOnLoopback, TestApp } from '../support/test-app';
import { accessibilityProblems, ARTIFACTS, launchChromium, newPage, screenshot, waitFor } from './support/browser';

jest.setTimeout(180_000);

const ROUND_THE_CLOCK = JSON.stringify(
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '23:59' })),
);
const OFFICE_PHONE = '0771-778 778';
const FALLBACK_SECONDS = 5;

/**
 * The office console in a real browser, next to the handler app and the room screen: arriving a
 * visitor, a call for staff taken (and one nobody takes), a handler who does not come, and a
 * walk-in booked and printed at the desk. Short configured times stand in for minutes.
 */
describe('The office console, end to end', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let desk: BookingWorld;
  let second: BookingWorld;
  let staff: { email: string; password: string };
  let staffToken: string;
  let consolePage: Page;
  let roomPage: Page;
  let handlerPage: Page;
  const a11y: Record<string, string[]> = {};

  /** Every violation axe-core finds, minor ones too: the console must have none. */
  const audit = async (page: Page, screen: string) => {
    a11y[screen] = await accessibilityProblems(page, { allImpacts: true });
  };

  /** An office open round the clock with one room and a handler who works round the clock. */
  const worldNow = async (): Promise<BookingWorld> => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 1, minNoticeMin: 0 });
    await t.db.query(
      `UPDATE office SET weekly_hours = $2, closed_on_public_holidays = false, phone = $3 WHERE id = $1`,
      [world.officeId, ROUND_THE_CLOCK, OFFICE_PHONE],
    );
    await t.db.query(`UPDATE app_user SET weekly_hours = $2 WHERE id = $1`, [world.handlerIds[0], ROUND_THE_CLOCK]);
    return world;
  };

  const bookSoon = async (world: BookingWorld, name: string) => {
    const start = new Date(Math.ceil((Date.now() + 60_000) / 900_000) * 900_000).toISOString();
    const res = await t.request('POST', '/bookings', {
      body: bookingBody(world, start, { citizen: { name, phone: '+46 70 555 12 34' } }),
    });
    expect([res.status, res.body.message]).toEqual([201, undefined]);
    return { id: res.body.id as string, reference: res.body.reference as string };
  };

  const logIn = async (page: Page, app: 'office' | 'handler', user: { email: string; password: string }) => {
    await page.goto(`${base}/${app}/`);
    const form = page.getByTestId('login-form');
    await form.waitFor();
    await form.locator('input[type=email]').fill(user.email);
    await form.locator('input[type=password]').fill(user.password);
    await form.locator('button[type=submit]').click();
  };

  const pairKiosk = async (page: Page, world: BookingWorld) => {
    const code = await t.request('POST', `/rooms/${world.roomIds[0]}/pairing-codes`, { token: staffToken });
    await page.goto(`${base}/room/`);
    const form = page.getByTestId('pairing-form');
    await form.locator('input').first().fill(code.body.code);
    await form.locator('button[type=submit]').click();
    await page.getByTestId('door-display').waitFor();
  };

  /** Arrives a visitor from the console: a few characters of `query`, the match, how ID was checked. */
  const arrive = async (query: string, bookingId: string, method: string) => {
    await consolePage.getByTestId('arrive-query').fill(query);
    await consolePage.locator(`[data-testid=arrive-match][data-booking-id="${bookingId}"]`).click();
    const panel = consolePage.getByTestId('visit-panel');
    await panel.waitFor();
    await panel.locator(`input[value=${method}]`).check();
    await panel.getByTestId('check-in-submit').click();
    await waitFor(
      'the console to show the visitor checked in',
      async () => (await panel.getByTestId('booking-status').first().getAttribute('data-status')) === 'CHECKED_IN',
    );
  };

  beforeAll(async () => {
    t = await createTestApp({
      LOG_LEVEL: 'warn',
      JOB_INTERVAL_SECONDS: '1',
      HANDLER_REMINDER_AFTER_MINUTES: '0',
      HANDLER_MISSED_OFFER_AFTER_MINUTES: '0',
      STAFF_CALL_FALLBACK_SECONDS: String(FALLBACK_SECONDS),
    });
    base = await listenOnLoopback(t);
    browser = await launchChromium();
    desk = await worldNow();
    second = await worldNow();
    const factory = new Factory(t.db);
    // A flex-office officer who serves both offices.
    staff = await factory.user('OFFICE_STAFF', { officeIds: [desk.officeId, second.officeId] });
    staffToken = await login(t, staff);
    consolePage = (await newPage(browser, { width: 1366, height: 768 })).page;
    roomPage = (await newPage(browser, { width: 1280, height: 800 })).page;
    handlerPage = (await newPage(browser, { width: 1280, height: 800 })).page;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should let staff arrive a visitor, and the handler app show "checked in" at once', async () => {
    const booking = await bookSoon(desk, 'Astrid Testsson');
    await logIn(handlerPage, 'handler', desk.handlers[0]);
    const agendaItem = handlerPage.locator(`[data-testid=agenda-item][data-booking-id="${booking.id}"]`);
    await agendaItem.waitFor();
    expect(await agendaItem.getAttribute('data-status')).toBe('BOOKED');

    await consolePage.goto(`${base}/office/`);
    await consolePage.getByTestId('login-form').waitFor();
    await screenshot(consolePage, 'console-01-login');
    await audit(consolePage, 'console login');
    await logIn(consolePage, 'office', staff);
    const lane = consolePage.locator(`[data-testid=lane-booking][data-booking-id="${booking.id}"]`);
    await lane.waitFor();
    expect(consolePage.url()).toBe(`${base}/office/offices/${desk.officeId}`);
    expect(await lane.innerText()).toContain('Astrid Testsson');
    expect(await lane.innerText()).not.toMatch(/Bostadsbidrag|Housing allowance/);
    await consolePage.getByTestId('live-status').getByText('Live').waitFor();
    await screenshot(consolePage, 'console-02-day');
    await audit(consolePage, 'console day');

    // Three characters of the phone number find the visitor; the number itself is never shown.
    await consolePage.getByTestId('arrive-query').fill('555');
    await consolePage.locator(`[data-testid=arrive-match][data-booking-id="${booking.id}"]`).waitFor();
    expect(await consolePage.locator('body').innerText()).not.toContain('555 12 34');
    await arrive(booking.reference.slice(0, 3).toLowerCase(), booking.id, 'PASSPORT');
    const checkedInAt = Date.now();
    await waitFor(
      'the handler agenda to show the visitor checked in',
      async () => (await agendaItem.getAttribute('data-status')) === 'CHECKED_IN',
      10_000,
      50,
    );
    process.stdout.write(`\n[e2e] console check-in to the handler's agenda: ${Date.now() - checkedInAt} ms\n`);
    await screenshot(consolePage, 'console-03-arrived');
    await audit(consolePage, 'console visit panel');
    const [row] = await t.db.query(`SELECT status, id_check_method FROM booking WHERE id = $1`, [booking.id]);
    expect(row).toEqual({ status: 'CHECKED_IN', id_check_method: 'PASSPORT' });
  });

  it('should pair a room screen from the console and show it online', async () => {
    await consolePage.getByTestId('nav-screens').click();
    await consolePage.getByTestId('create-pairing-code').click();
    const code = await consolePage.getByTestId('pairing-code').innerText();
    await screenshot(consolePage, 'console-04-pairing-code');
    await audit(consolePage, 'console room screens');
    await roomPage.goto(`${base}/room/`);
    const form = roomPage.getByTestId('pairing-form');
    await form.locator('input').first().fill(code);
    await form.locator('button[type=submit]').click();
    // The visit is checked in, so the paired screen goes straight to the welcome.
    await roomPage.getByTestId('welcome').waitFor({ timeout: 20_000 });
    await consolePage.reload();
    await consolePage.locator('[data-testid=device][data-online=true]').waitFor();
  });

  it('should bring a kiosk call to the console at once, and tell the visitor staff are coming once taken', async () => {
    await consolePage.getByTestId('nav-day').click();
    const pressedAt = Date.now();
    await roomPage.getByTestId('call-staff-button').click();
    const alert = consolePage.getByTestId('staff-alert');
    // The alert is pushed over /live (no polling), so it comes in well under a second on an idle
    // machine; the figure is printed for the note. The bound only catches a push that broke into
    // a poll: a fixed sub-second bound failed on a loaded 2-core CI machine (1,552 ms once).
    await alert.waitFor({ timeout: 5_000 });
    const reachedMs = Date.now() - pressedAt;
    process.stdout.write(`\n[e2e] call for staff from the kiosk to the console: ${reachedMs} ms\n`);
    await roomPage.getByTestId('call-staff-sent').waitFor();
    expect(await roomPage.getByTestId('call-staff-confirmation').count()).toBe(0);
    await screenshot(roomPage, 'room-call-sent');
    await screenshot(consolePage, 'console-05-staff-alert');
    await audit(consolePage, 'console staff alert');

    await alert.getByTestId('acknowledge-call').click();
    await roomPage.getByTestId('call-staff-confirmation').waitFor({ timeout: 5_000 });
    await screenshot(roomPage, 'room-staff-coming');
    await consolePage.getByTestId('alert-taken').waitFor();
    const [call] = await t.db.query(
      `SELECT created_at, acknowledged_at, acknowledged_by FROM staff_call WHERE room_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [desk.roomIds[0]],
    );
    const [{ id: staffId }] = await t.db.query(`SELECT id FROM app_user WHERE email = $1`, [staff.email]);
    expect(call.acknowledged_by).toBe(staffId);
    expect(call.acknowledged_at.getTime()).toBeGreaterThanOrEqual(call.created_at.getTime());
  });

  it('should tell the visitor what else to do when nobody takes the call', async () => {
    await roomPage.getByTestId('call-staff-button').click();
    await roomPage.getByTestId('call-staff-sent').waitFor();
    const fallback = roomPage.getByTestId('call-staff-fallback');
    await fallback.waitFor({ timeout: (FALLBACK_SECONDS + 5) * 1000 });
    expect(await fallback.innerText()).toContain(OFFICE_PHONE);
    expect(await roomPage.getByTestId('call-staff-confirmation').count()).toBe(0);
    await screenshot(roomPage, 'room-call-fallback');
    // The entry stays on the console until someone takes it.
    expect(await consolePage.getByTestId('staff-alert').count()).toBe(1);
    await consolePage.getByTestId('acknowledge-call').click();
    await consolePage.getByTestId('staff-alert').waitFor({ state: 'detached' });
  });

  it('should remind a handler who does not join, mark the visit waiting, and let staff give a new time', async () => {
    const booking = await bookSoon(second, 'Bertil Väntesson');
    // The meeting began two minutes ago; the visitor is only now at the desk.
    await shiftBookingTo(t, booking.id, -2);
    // The other office's room screen, and its handler, each in a browser of their own.
    const room = (await newPage(browser, { width: 1280, height: 800 })).page;
    const handler = (await newPage(browser, { width: 1280, height: 800 })).page;
    await pairKiosk(room, second);
    await logIn(handler, 'handler', second.handlers[0]);
    await handler.locator(`[data-testid=agenda-item][data-booking-id="${booking.id}"]`).waitFor();

    // The staff member switches to the other office they serve.
    await consolePage.getByTestId('office-select').selectOption(second.officeId);
    await consolePage.waitForURL(`${base}/office/offices/${second.officeId}`);
    await arrive('bert', booking.id, 'KNOWN_TO_STAFF');

    const lane = consolePage.locator(`[data-testid=lane-booking][data-booking-id="${booking.id}"]`);
    await lane.getByTestId('waiting-for-handler').waitFor({ timeout: 15_000 });
    await handler
      .locator(`[data-testid=handler-reminder][data-booking-id="${booking.id}"]`)
      .waitFor({ timeout: 10_000 });
    await room.getByTestId('handler-reminded').waitFor({ timeout: 10_000 });
    await screenshot(consolePage, 'console-06-waiting-for-handler');
    await screenshot(handler, 'handler-reminder');
    await screenshot(room, 'room-handler-reminded');
    await audit(consolePage, 'console waiting for the handler');

    const panel = consolePage.getByTestId('visit-panel');
    await panel.getByTestId('offer-new-time').click();
    await panel.getByTestId('new-time-slot').first().click();
    await consolePage.getByTestId('slip').waitFor();
    await room.getByTestId('handler-missed').waitFor({ timeout: 10_000 });
    await screenshot(room, 'room-handler-missed');
    const [missed] = await t.db.query(`SELECT status FROM booking WHERE id = $1`, [booking.id]);
    expect(missed.status).toBe('HANDLER_MISSED');
    const [event] = await t.db.query(
      `SELECT details FROM booking_event WHERE booking_id = $1 AND kind = 'HANDLER_MISSED'`,
      [booking.id],
    );
    expect(event.details).toMatchObject({ recordedAgainst: 'AGENCY' });
    expect(await t.db.query(`SELECT 1 FROM resource_hold WHERE booking_id = $1`, [booking.id])).toHaveLength(0);
    await consolePage.getByRole('button', { name: 'Klar' }).click();
  });

  it('should book a walk-in at the desk with the next free time first, and print the slip', async () => {
    await consolePage.getByTestId('office-select').selectOption(desk.officeId);
    await consolePage.getByTestId('nav-book').click();
    await consolePage.getByTestId('book-case-type').selectOption(desk.caseTypeId);
    await consolePage.getByTestId('next-free-time').click();
    await consolePage.getByTestId('book-name').fill('Cecilia Gåendesson');
    await screenshot(consolePage, 'console-07-book');
    await audit(consolePage, 'console book at the desk');
    await consolePage.getByTestId('book-submit').click();
    const slip = consolePage.getByTestId('slip');
    await slip.waitFor();
    const reference = await consolePage.getByTestId('slip-reference').innerText();
    expect(reference).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/);
    const [made] = await t.db.query(`SELECT booked_via, citizen_name FROM booking WHERE reference = $1`, [reference]);
    expect(made).toEqual({ booked_via: 'OFFICE_STAFF', citizen_name: 'Cecilia Gåendesson' });
    await audit(consolePage, 'console slip');

    // On paper: the slip alone, with its reference, time, room and what to bring.
    await consolePage.emulateMedia({ media: 'print' });
    expect(await consolePage.locator('.app-header').isVisible()).toBe(false);
    expect(await consolePage.getByTestId('print-slip').isVisible()).toBe(false);
    expect(await slip.isVisible()).toBe(true);
    const printed = await slip.innerText();
    for (const part of [reference, 'Rum', 'Ta med', 'id-handling']) expect(printed).toContain(part);
    await screenshot(consolePage, 'console-08-slip-print');
    writeFileSync(join(ARTIFACTS, 'console-08-slip.pdf'), await consolePage.pdf({ format: 'A5' }));
    await consolePage.emulateMedia({ media: 'screen' });
    await screenshot(consolePage, 'console-08-slip-screen');
  });

  it('should list the bookings a room block runs into, then block a free time and remove it', async () => {
    await consolePage.getByTestId('nav-blocks').click();
    const form = consolePage.getByTestId('block-form');
    await form.waitFor();
    // The whole of today runs into the walk-in booked above.
    await form.locator('#block-from').fill('00:00');
    await form.locator('#block-to').fill('23:45');
    await form.getByTestId('block-submit').click();
    await consolePage.getByTestId('block-conflict').first().waitFor();
    await screenshot(consolePage, 'console-09-block-conflicts');
    await audit(consolePage, 'console room blocks');

    const endDate = await form.locator('#block-end-date').inputValue();
    const later = new Date(Date.parse(`${endDate}T12:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10);
    await form.locator('#block-date').fill(later);
    await form.locator('#block-end-date').fill(later);
    await form.locator('#block-from').fill('09:00');
    await form.locator('#block-to').fill('11:00');
    await form.getByTestId('block-submit').click();
    await consolePage.getByTestId('block-item').first().waitFor();
    expect(await consolePage.getByTestId('block-item').count()).toBe(1);
    await consolePage.getByTestId('block-delete').click();
    await consolePage.getByTestId('block-item').waitFor({ state: 'detached' });
  });

  it('should work on a front-desk tablet and in English', async () => {
    await consolePage.getByTestId('nav-day').click();
    await consolePage.getByRole('button', { name: 'English' }).click();
    await consolePage.getByRole('heading', { name: /The day/ }).waitFor();
    await screenshot(consolePage, 'console-10-day-english');
    await consolePage.setViewportSize({ width: 768, height: 1024 });
    await screenshot(consolePage, 'console-11-day-tablet');
    await audit(consolePage, 'console day on a tablet');
    await consolePage.setViewportSize({ width: 390, height: 844 });
    await screenshot(consolePage, 'console-12-day-phone');
    await audit(consolePage, 'console day on a phone');
    await consolePage.setViewportSize({ width: 1366, height: 768 });
    // Everything on the day screen is reachable with the keyboard alone.
    await consolePage.keyboard.press('Tab');
    const focused = await consolePage.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused.length).toBeGreaterThan(0);
    await consolePage.getByRole('button', { name: 'Svenska' }).click();
  });

  it('should send office staff who log in to the handler app on to the console, still logged in', async () => {
    const { page, context } = await newPage(browser, { width: 1366, height: 768 });
    await logIn(page, 'handler', staff);
    await page.getByTestId('wrong-role').waitFor();
    await screenshot(page, 'handler-wrong-role');
    await page.getByTestId('wrong-role-link').click();
    await page.getByTestId('arrive-query').waitFor();
    expect(page.url()).toBe(`${base}/office/offices/${desk.officeId}`);
    await context.close();

    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((screen) => [screen, []])));
  });
});
