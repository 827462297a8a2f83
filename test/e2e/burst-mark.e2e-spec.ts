/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { at, bookingBody, bookingWorld, futureDate } from '../support/booking-fixture';
import { Factory } from '../support/factories';
import { createTestApp, listenOnLoopback, TestApp } from '../support/test-app';
import { accessibilityProblems, launchChromium, newPage, screenshot } from './support/browser';

jest.setTimeout(120_000);

describe('The burst mark in the office console', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'warn', MEDIA_ENABLED: 'false', BURST_BOOKINGS: '2' });
    base = await listenOnLoopback(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should show staff, with a text and no address, which bookings came in as a burst', async () => {
    const world = await bookingWorld(t, { rooms: 2, handlers: 2 });
    const date = futureDate(4);
    const made: { id: string }[] = [];
    for (const [time, phone] of [
      ['10:00', '+46 70 500 00 01'],
      ['10:00', '+46 70 500 00 02'],
    ]) {
      const res = await t.request('POST', '/bookings', {
        body: bookingBody(world, at(date, time), { citizen: { name: 'B. Burst', phone } }),
      });
      expect(res.status).toBe(201);
      made.push(res.body);
    }
    const staff = await new Factory(t.db).user('OFFICE_STAFF', { officeIds: [world.officeId] });
    const { page } = await newPage(browser, { width: 1366, height: 768 });
    await page.goto(`${base}/office/`);
    const form = page.getByTestId('login-form');
    await form.locator('input[type=email]').fill(staff.email);
    await form.locator('input[type=password]').fill(staff.password);
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/\/office\/offices\//);
    await page.goto(`${base}/office/offices/${world.officeId}/day/${date}`);

    const lane = page.locator(`[data-testid=lane-booking][data-booking-id="${made[0].id}"]`);
    await lane.waitFor();
    expect(await lane.getByTestId('burst-mark').innerText()).toContain('Många bokningar');
    await lane.click();
    const panel = page.getByTestId('visit-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('burst-mark').innerText()).toContain('samma nätverksadress');
    expect(await page.locator('body').innerText()).not.toMatch(/127\.0\.0\.1|address_hash/);
    await screenshot(page, 'console-burst-mark');
    expect(await accessibilityProblems(page, { allImpacts: true })).toEqual([]);
  });
});
