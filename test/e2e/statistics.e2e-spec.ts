import type { Browser, Page } from 'playwright-core';
import { seedStatisticsWorld, type StatisticsWorld } from '../support/statistics-world';
import { createTestApp, listenOnLoopback, TestApp, unique } from '../support/test-app';
import { accessibilityProblems, launchChromium, newPage, screenshot } from './support/browser';

jest.setTimeout(240_000);

const DESK = { width: 1366, height: 768 };

/**
 * An administrator reads the country's statistics and an office's staff member their office's,
 * each as a chart per figure with its table, switches the breakdown with the keyboard, and
 * downloads a figure as CSV. Checked with axe-core, in Swedish and English, and photographed.
 */
describe('The statistics in the office console, end to end', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let world: StatisticsWorld;

  const signIn = async (page: Page, user: { email: string; password: string }) => {
    await page.goto(`${base}/office/`);
    const form = page.getByTestId('login-form');
    await form.locator('input[type=email]').fill(user.email);
    await form.locator('input[type=password]').fill(user.password);
    await form.locator('button[type=submit]').click();
    await page.getByTestId('live-status').waitFor();
  };

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'warn', MEDIA_ENABLED: 'false', STATS_MIN_CELL: '5' });
    base = await listenOnLoopback(t);
    browser = await launchChromium();
    world = await seedStatisticsWorld(t.db, unique('e2e'));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("should show an office's figures to its staff as charts with tables, and blank the small cells", async () => {
    const { page } = await newPage(browser, DESK);
    await signIn(page, world.staffA);
    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('stats-from').fill('2026-03');
    await page.getByTestId('stats-to').fill('2026-04');
    await page.getByTestId('stats-apply').click();
    const bookings = page.getByTestId('stats-table-bookings');
    await bookings.locator('tbody tr').first().waitFor();
    // Office A: seven bookings in March, six in April.
    expect(await bookings.locator('tbody tr td:first-of-type').allTextContents()).toEqual(['7', '6']);
    await expect(page.getByTestId('stats-bookings').locator('svg[role=img] title').textContent()).resolves.toMatch(
      /Bokningar/,
    );
    // The four measured waits of March are fewer than five: blank, and said so.
    await expect(page.getByTestId('stats-suppressed-waiting').textContent()).resolves.toMatch(/färre än 5/);
    // No security figure for office staff.
    expect(await page.getByTestId('stats-security').count()).toBe(0);
    expect(await accessibilityProblems(page, { allImpacts: true })).toEqual([]);
    await screenshot(page, 'statistics-office-sv-1366');
    await page.getByTestId('stats-sessions').scrollIntoViewIfNeeded();
    await screenshot(page, 'statistics-office-sv-sessions-1366');

    // By agency, chosen with the keyboard.
    await page.getByTestId('stats-by').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('stats-apply').focus();
    await page.keyboard.press('Enter');
    // The table gains the agency column when the new figures have come.
    // Exactly the column's name: a text match is a case-blind substring, and the totals' own
    // "Avbokade av myndigheten" column matched it before the new figures had come.
    await bookings.locator('thead th', { hasText: /^Myndighet$/ }).waitFor();
    expect(await bookings.locator('thead th').nth(1).textContent()).toBe('Myndighet');
    expect(await bookings.locator('tbody tr td:nth-of-type(2)').allTextContents()).toEqual(['7', '6']);

    const download = page.waitForEvent('download');
    await page.getByTestId('stats-export-bookings').click();
    const csv = await (await download).createReadStream();
    let text = '';
    for await (const chunk of csv) text += String(chunk);
    expect(text.replace(/^\uFEFF/, '').split('\n')[0]).toMatch(
      /^month,groupId,groupNameSv,groupNameEn,category,n,suppressed,online/,
    );
    await page.close();
  });

  it('should show the whole country to an administrator, with the security events, in English', async () => {
    const { page } = await newPage(browser, DESK);
    await signIn(page, world.admin);
    await page.goto(`${base}/office/admin/statistics`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('stats-security').waitFor();
    await page.getByTestId('stats-from').fill('2026-03');
    await page.getByTestId('stats-to').fill('2026-04');
    await page.getByTestId('stats-by').selectOption('office');
    await page.getByTestId('stats-apply').click();
    const suppressed = page.getByTestId('stats-table-bookings').locator('tbody tr[data-suppressed]');
    await suppressed.first().waitFor();
    expect(await suppressed.count()).toBeGreaterThanOrEqual(1);
    expect(await suppressed.first().textContent()).toMatch(/fewer than 5/);
    expect(await accessibilityProblems(page, { allImpacts: true })).toEqual([]);
    await screenshot(page, 'statistics-country-en-1366');
    await page.close();
  });
});
