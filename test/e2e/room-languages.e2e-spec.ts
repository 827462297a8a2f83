/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { bookingBody, bookingWorld } from '../support/booking-fixture';
import { Factory, login } from '../support/factories';
import { createTestApp, listenOnLoopback, TestApp } from '../support/test-app';
import { accessibilityProblems, launchChromium, newPage, screenshot } from './support/browser';
import { pairingCode, pairRoomScreen } from './support/meeting-steps';

jest.setTimeout(180_000);

describe('The room screen in the visitor’s language', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp({ SESSION_JOIN_BEFORE_MINUTES: '60', LOG_LEVEL: 'warn', MEDIA_ENABLED: 'false' });
    base = await listenOnLoopback(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should welcome an Arabic booking right to left, let the visitor switch, and keep the door neutral', async () => {
    const world = await bookingWorld(t, { minNoticeMin: 0, aroundTheClock: true });
    const staff = await login(t, await new Factory(t.db).user('OFFICE_STAFF', { officeIds: [world.officeId] }));
    const start = new Date(Math.ceil((Date.now() + 60_000) / 900_000) * 900_000).toISOString();
    const booked = await t.request('POST', '/bookings', { body: bookingBody(world, start, { locale: 'ar' }) });
    expect(booked.status).toBe(201);
    const { page, context } = await newPage(browser, { width: 1280, height: 800 });
    await pairRoomScreen(page, base, await pairingCode(t, world.roomIds[0], staff));

    // Outside, before the visit: Swedish and English only, whatever the booking's language.
    await page.getByTestId('door-display').waitFor();
    const doorLanguages = await page.locator('.language-switch button').allInnerTexts();
    expect(doorLanguages).toEqual(['Svenska', 'English']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(await page.getByTestId('door-display').innerText()).not.toContain('العربية');

    const checkedIn = await t.request('POST', `/bookings/${booked.body.id}/check-in`, {
      token: staff,
      body: { idCheckMethod: 'PASSPORT' },
    });
    expect(checkedIn.status).toBe(200);

    // Inside: the visit starts in Arabic, right to left, with every language to switch to.
    await page.getByTestId('welcome').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('#welcome-title').innerText()).toBe('أهلًا وسهلًا!');
    expect(await page.locator('.language-switch button').allInnerTexts()).toEqual([
      'Svenska',
      'English',
      'العربية',
      'Soomaali',
      'ትግርኛ',
    ]);
    await screenshot(page, 'room-welcome-ar');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'ትግርኛ' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ti');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.locator('#welcome-title').innerText()).toBe('እንቋዕ ብደሓን መጻእኩም!');
    await screenshot(page, 'room-welcome-ti');
    // The visitor's choice is not kept as the kiosk's language for the next person.
    expect(await page.evaluate(() => localStorage.getItem('distans.room.locale'))).not.toBe('ti');

    // The visit is called off: back at the door, in Swedish again.
    const cancelled = await t.request('POST', `/bookings/${booked.body.id}/cancel`, { token: staff });
    expect(cancelled.status).toBe(200);
    await page.getByTestId('door-display').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    await context.close();
  });
});
