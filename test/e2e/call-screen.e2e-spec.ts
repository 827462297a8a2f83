/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { bookingBody, bookingWorld } from '../support/booking-fixture';
import { Factory, login } from '../support/factories';
import { createTestApp, listenOnLoopback, TestApp } from '../support/test-app';
import { accessibilityProblems, launchChromium, newPage, screenshot, waitFor } from './support/browser';
import {
  decodingVideo,
  joinFromBooking,
  logInToHandlerApp,
  pairingCode,
  pairRoomScreen,
} from './support/meeting-steps';

jest.setTimeout(240_000);

/** Phone, large phone, tablet, small laptop, desk: the call must work at every one. */
const SIZES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/**
 * Everything a person might press or read that is out of reach: the page scrolling sideways, a
 * meeting control that is not on screen without scrolling, and any control, the chat or the self
 * view that, once scrolled to, is off-screen or covered by something else at its centre (what a
 * tap there would hit instead).
 */
async function outOfReach(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const height = window.innerHeight;
    const name = (el: Element): string =>
      el.getAttribute('data-testid') ??
      el.getAttribute('aria-label') ??
      ((el as HTMLElement).innerText || el.id || el.className).trim().replace(/\s+/g, ' ').slice(0, 40);
    const onScreen = (rect: DOMRect): boolean =>
      rect.left >= 0 && rect.top >= 0 && rect.right <= width + 0.5 && rect.bottom <= height + 0.5;
    const hitsItself = (el: Element): string | null => {
      const rect = el.getBoundingClientRect();
      if (!onScreen(rect))
        return `off-screen (${Math.round(rect.left)},${Math.round(rect.top)} ${Math.round(rect.width)}x${Math.round(rect.height)})`;
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      return hit && (hit === el || el.contains(hit)) ? null : `covered by ${hit ? name(hit) : 'nothing'}`;
    };

    if (document.documentElement.scrollWidth > width) {
      problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in ${width} px`);
    }
    // The meeting's own controls stay in view, wherever the page or the stage is scrolled.
    window.scrollTo(0, 0);
    for (const el of Array.from(document.querySelectorAll('.call-controls button'))) {
      const problem = hitsItself(el);
      if (problem) problems.push(`${name(el)} (meeting control, unscrolled): ${problem}`);
    }
    const reachable = [
      ...Array.from(
        document.querySelectorAll('.app-header button, .app-header a, .call-screen button, .call-screen input'),
      ),
      ...Array.from(document.querySelectorAll('.chat-log, .tile-self')),
    ].filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest('.skip-link'));
    for (const el of reachable) {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const problem = hitsItself(el);
      if (problem) problems.push(`${name(el)}: ${problem}`);
    }
    window.scrollTo(0, 0);
    document.querySelector('.call-layout')?.scrollTo(0, 0);
    return problems;
  });
}

describe('The handler’s call screen from a phone to a desk', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp({ SESSION_JOIN_BEFORE_MINUTES: '60', LOG_LEVEL: 'warn' });
    base = await listenOnLoopback(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should keep every control, the chat and the self view reachable and uncovered at 360 to 1920 px', async () => {
    const world = await bookingWorld(t, { minNoticeMin: 0, aroundTheClock: true });
    const staff = await login(t, await new Factory(t.db).user('OFFICE_STAFF', { officeIds: [world.officeId] }));
    const start = new Date(Math.ceil((Date.now() + 60_000) / 900_000) * 900_000).toISOString();
    const booked = await t.request('POST', '/bookings', { body: bookingBody(world, start) });
    expect(booked.status).toBe(201);
    const room = await newPage(browser, { width: 1280, height: 800 });
    await pairRoomScreen(room.page, base, await pairingCode(t, world.roomIds[0], staff));
    const checkedIn = await t.request('POST', `/bookings/${booked.body.id}/check-in`, {
      token: staff,
      body: { idCheckMethod: 'PASSPORT' },
    });
    expect(checkedIn.status).toBe(200);

    // On a phone from the start: log in, open the booking, join.
    const handler = await newPage(browser, SIZES[1]);
    const page = handler.page;
    await logInToHandlerApp(page, base, world.handlers[0]);
    await page.goto(`${base}/handler/#/booking/${booked.body.id}`);
    await joinFromBooking(page);
    await waitFor('the room’s video on the phone', decodingVideo(page), 45_000);
    for (const text of ['Hej! Jag ser dig nu.', 'Vi börjar med din ansökan om bostadsbidrag.']) {
      await page.getByTestId('chat-input').fill(text);
      await page.getByTestId('chat-input').press('Enter');
    }
    await page.getByText('Vi börjar med din ansökan').waitFor();

    const problems: Record<number, string[]> = {};
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      problems[size.width] = await outOfReach(page);
      await screenshot(page, `call-${size.width}`);
    }
    expect(problems).toEqual(Object.fromEntries(SIZES.map((size) => [size.width, []])));
    expect(await accessibilityProblems(page)).toEqual([]);

    // On the phone, the confirmation to end is in reach too, and a real tap ends the meeting.
    await page.setViewportSize(SIZES[0]);
    await page.getByTestId('end-button').click({ trial: false });
    await page.getByTestId('end-confirm').waitFor();
    expect(await outOfReach(page)).toEqual([]);
    await screenshot(page, 'call-360-end-confirm');
    await page.getByTestId('end-confirm').click();
    await room.page.getByTestId('thanks').waitFor({ timeout: 20_000 });
    const [{ status }] = await t.db.query(`SELECT status FROM booking WHERE id = $1`, [booked.body.id]);
    expect(status).toBe('COMPLETED');
    await room.context.close();
    await handler.context.close();
  });

  it('should name the role of whoever is signed in, handler or interpreter, in the header', async () => {
    const world = await bookingWorld(t);
    const interpreter = await new Factory(t.db).user('INTERPRETER', { languages: ['sv', 'ar'] });
    const seen: string[] = [];
    for (const person of [world.handlers[0], interpreter]) {
      const { context, page } = await newPage(browser, SIZES[1]);
      await logInToHandlerApp(page, base, person);
      seen.push(await page.locator('.app-header .brand-sub').innerText());
      if (person === interpreter) await screenshot(page, 'interpreter-header-390');
      await context.close();
    }
    expect(seen).toEqual(['Handläggare', 'Tolk']);
  });
});
