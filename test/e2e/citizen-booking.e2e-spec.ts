import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { bookingBody, bookingWorld, futureDate, type BookingWorld } from '../support/booking-fixture';
import { createTestApp, listenOnLoopback, type TestApp } from '../support/test-app';
import { accessibilityProblems, ARTIFACTS, launchChromium, newPage, screenshot, waitFor } from './support/browser';

jest.setTimeout(240_000);

const OFFICE_PHONE = '0771-778 778';

/**
 * The citizen site in a real browser through the real API and database: a Swedish visitor books
 * with the keyboard alone and saves the .ics; an Arabic visitor books right to left; the manage
 * link moves and then cancels a booking; a time taken between When and Confirm keeps the answers
 * and offers the nearest free ones; axe-core finds nothing at all on any page, in sv and ar.
 */
describe('The citizen booking site, end to end', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let world: BookingWorld;
  let agencyCode: string;
  const a11y: Record<string, string[]> = {};

  const audit = async (page: Page, name: string) => {
    await page.waitForSelector('h1');
    a11y[name] = await accessibilityProblems(page, { allImpacts: true });
  };

  /** Presses Tab until `selector` has focus: the visitor reaches everything with the keyboard. */
  const tabTo = async (page: Page, selector: string, max = 80) => {
    for (let i = 0; i < max; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  const heading = async (page: Page) => (await page.locator('h1').innerText()).trim();
  const waitForHeading = (page: Page, text: string | RegExp) =>
    waitFor(`the heading ${String(text)}`, async () => {
      const h = await heading(page);
      return typeof text === 'string' ? h === text : text.test(h);
    });
  const free = (date: string) =>
    t.request('GET', `/availability?caseType=${world.caseTypeId}&office=${world.officeId}&from=${date}&to=${date}`);

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'warn', MEDIA_ENABLED: 'false' });
    base = await listenOnLoopback(t);
    browser = await launchChromium();
    world = await bookingWorld(t, { rooms: 1, handlers: 1, minNoticeMin: 0, handlerLanguages: ['sv', 'en', 'ar'] });
    await t.db.query(
      `UPDATE office SET street_address = 'Storgatan 1', postal_code = '981 31', city = 'Kiruna', phone = $2 WHERE id = $1`,
      [world.officeId, OFFICE_PHONE],
    );
    const [agency] = await t.db.query(`SELECT code FROM agency WHERE id = $1`, [world.agencyId]);
    agencyCode = agency.code;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should let a visitor book in Swedish with the keyboard alone, and save an .ics in the office zone', async () => {
    const { context, page } = await newPage(browser, { width: 1280, height: 900 });
    await page.goto(`${base}/`);
    await waitForHeading(page, 'Boka ett personligt möte med en myndighet');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'sv',
      'ltr',
    ]);
    await audit(page, 'sv start');
    await screenshot(page, 'citizen-sv-desk-01-start');

    await tabTo(page, '[data-testid=start-booking]');
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Vilken myndighet vill du träffa?');
    await page.getByLabel(agencyCode, { exact: true }).waitFor();
    await audit(page, 'sv agency');
    // The question's heading has focus, as after a page load.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await tabTo(page, `input[name=agency]`);
    await page.keyboard.press('Space');
    // Arrow keys move through a radio group; stop at our agency.
    for (let i = 0; i < 200 && !(await page.getByLabel(agencyCode, { exact: true }).isChecked()); i += 1) {
      await page.keyboard.press('ArrowDown');
    }
    await tabTo(page, '[data-testid=continue]');
    await page.keyboard.press('Enter');

    await waitForHeading(page, 'Vad gäller mötet?');
    await audit(page, 'sv case type');
    await tabTo(page, 'input[name=case-type]');
    await page.keyboard.press('Space');
    await tabTo(page, '[data-testid=continue]');
    await page.keyboard.press('Enter');

    await waitForHeading(page, 'Vilket servicekontor vill du gå till?');
    await tabTo(page, '[data-testid=office-search]');
    await page.keyboard.type(world.municipality);
    await waitFor('one office to match', async () => (await page.getByTestId('office-option').count()) === 1);
    // Step-free access is told before the visitor picks the office (the world's room is step-free).
    expect(await page.getByTestId('office-access').textContent()).toContain('Det finns ett rum utan trappsteg.');
    await audit(page, 'sv office');
    await screenshot(page, 'citizen-sv-desk-02-office');
    await tabTo(page, 'input[name=office]');
    await page.keyboard.press('Space');
    await tabTo(page, '[data-testid=continue]');
    await page.keyboard.press('Enter');

    await waitForHeading(page, 'Vilket språk vill du tala på mötet?');
    await audit(page, 'sv language');
    await tabTo(page, 'input[name=language]');
    await page.keyboard.press('Space'); // Svenska, first on the list
    await tabTo(page, '[data-testid=continue]');
    await page.keyboard.press('Enter');

    await waitForHeading(page, 'Behöver du något särskilt i rummet?');
    await audit(page, 'sv access');
    await tabTo(page, '[data-testid=continue]');
    await page.keyboard.press('Enter');

    await waitForHeading(page, 'När vill du komma?');
    await page.getByTestId('day').first().waitFor();
    await audit(page, 'sv when');
    await screenshot(page, 'citizen-sv-desk-03-when');
    const target = futureDate(3);
    // One tab stop for the whole grid; arrow keys go from day to day.
    await tabTo(page, '[data-testid=day][tabindex="0"]');
    for (let i = 0; i < 40; i += 1) {
      const date = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.date ?? '');
      if (date === target) break;
      await page.keyboard.press(date < target ? 'ArrowRight' : 'ArrowLeft');
    }
    const dayLabel = await page.evaluate(
      () => document.activeElement?.querySelector('.visually-hidden')?.textContent ?? '',
    );
    expect(dayLabel).toMatch(/^[a-zåäö]+dag \d{1,2} [a-zé]+ \d{4}, \d+ lediga tider$/);
    await page.keyboard.press('Enter');
    await waitFor('the times of that day', async () =>
      (await page.locator('#times-title').innerText()).includes(String(Number(target.slice(8)))),
    );
    expect(await page.getByTestId('zone-note').innerText()).toBe(
      'Alla tider är kontorets lokala tid (Europe/Stockholm).',
    );
    const firstTime = page.getByTestId('times').getByTestId('time-option').first();
    const timeLabel = await firstTime.getAttribute('aria-label');
    expect(timeLabel).toMatch(/^\d{2}:\d{2}, [a-zåäö]+dag \d{1,2} /);
    const start = (await firstTime.getAttribute('data-start'))!;
    await tabTo(page, '[data-testid=times] [data-testid=time-option]');
    await page.keyboard.press('Enter');

    await waitForHeading(page, 'Vem kommer till mötet?');
    await tabTo(page, '[data-testid=continue]');
    await page.keyboard.press('Enter');
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').innerText()).toContain('Skriv ditt namn eller dina initialer');
    await audit(page, 'sv contact with errors');
    await tabTo(page, '[data-testid=contact-name]');
    await page.keyboard.type('Astrid Testsson');
    await tabTo(page, '[data-testid=contact-email]');
    await page.keyboard.type('astrid@example.se');
    await tabTo(page, '[data-testid=continue]');
    await page.keyboard.press('Enter');

    await waitForHeading(page, 'Kontrollera dina svar');
    expect(await page.getByTestId('summary-time').innerText()).toContain(timeLabel!);
    await audit(page, 'sv check');
    await screenshot(page, 'citizen-sv-desk-04-check');
    await tabTo(page, '[data-testid=confirm-booking]');
    await page.keyboard.press('Enter');

    await waitForHeading(page, 'Ditt möte är bokat');
    await page.getByTestId('reference').waitFor();
    const reference = (await page.getByTestId('reference').innerText()).trim();
    await audit(page, 'sv confirmation');
    await screenshot(page, 'citizen-sv-desk-05-confirmation');
    const [row] = await t.db.query(`SELECT starts_at, locale FROM booking WHERE reference = $1`, [reference]);
    expect(new Date(row.starts_at).toISOString()).toBe(new Date(start).toISOString());

    const download = page.waitForEvent('download');
    await tabTo(page, '[data-testid=add-to-calendar]');
    await page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe(`distans-${reference}.ics`);
    const saved = join(ARTIFACTS, `citizen-${reference}.ics`);
    await file.saveAs(saved);
    const ics = readFileSync(saved, 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    const startProperty = calendar.getFirstSubcomponent('vevent')!.getFirstProperty('dtstart')!;
    expect(startProperty.getParameter('tzid')).toBe('Europe/Stockholm');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Stockholm');
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    // The wall clock in the file is the office's, and with the zone it is the booked instant.
    const local = await free(target);
    expect(local.status).toBe(200);
    expect(`${event.startDate.toString().slice(11, 16)}`).toBe(timeLabel!.slice(0, 5));
    expect(event.duration.toSeconds()).toBe(30 * 60);
    await context.close();
  });

  it('should keep every answer and offer the nearest free times when the chosen time is taken before Confirm', async () => {
    const { context, page } = await newPage(browser, { width: 1280, height: 900 });
    const date = futureDate(5);
    await walkToWhen(page, 'sv');
    await chooseDay(page, date);
    const chosen = page.getByTestId('times').getByTestId('time-option').nth(2);
    const start = (await chosen.getAttribute('data-start'))!;
    await chosen.click();
    await page.getByTestId('contact-name').fill('Bo Bokare');
    await page.getByTestId('continue').click();
    await waitForHeading(page, 'Kontrollera dina svar');

    // Someone else books the same time (the office has one room) between When and Confirm.
    const other = await t.request('POST', '/bookings', { body: bookingBody(world, start) });
    expect(other.status).toBe(201);

    await page.getByTestId('confirm-booking').click();
    await waitForHeading(page, 'När vill du komma?');
    const refused = page.getByTestId('time-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('Någon annan hann boka den tiden precis innan dig.');
    expect(await refused.innerText()).toContain('Alla dina andra svar finns kvar.');
    const nearest = page.getByTestId('nearest-times').getByTestId('time-option');
    expect(await nearest.count()).toBeGreaterThan(0);
    const offered = await nearest.evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.start));
    expect(offered).not.toContain(start);
    await audit(page, 'sv time taken');
    await screenshot(page, 'citizen-sv-desk-06-time-taken');
    await nearest.first().click();
    await waitForHeading(page, 'Kontrollera dina svar');
    expect(await page.getByTestId('summary-name').innerText()).toContain('Bo Bokare');
    expect(await page.getByTestId('summary-agency').innerText()).toContain(agencyCode);
    await page.getByTestId('confirm-booking').click();
    await waitForHeading(page, 'Ditt möte är bokat');
    await context.close();
  });

  it('should book in Arabic right to left, with screenshots at desk, tablet and phone widths', async () => {
    for (const [width, name] of [
      [1280, 'desk'],
      [768, 'tablet'],
      [360, 'phone'],
    ] as const) {
      for (const locale of ['sv', 'ar'] as const) {
        const { context, page } = await newPage(browser, { width, height: 900 });
        await page.goto(`${base}/`);
        await page.locator('h1').waitFor();
        if (locale === 'ar') await page.getByRole('button', { name: 'العربية' }).click();
        await waitFor(
          'the language',
          async () => (await page.evaluate(() => document.documentElement.lang)) === locale,
        );
        await screenshot(page, `citizen-${locale}-${name}-start`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect([name, locale, overflow]).toEqual([name, locale, 0]);
        await context.close();
      }
    }

    const { context, page } = await newPage(browser, { width: 360, height: 800 });
    await walkToWhen(page, 'ar');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    await audit(page, 'ar when');
    await screenshot(page, 'citizen-ar-phone-when');
    await chooseDay(page, futureDate(4));
    await page.getByTestId('times').getByTestId('time-option').first().click();
    await waitForHeading(page, 'من سيحضر الموعد؟');
    await audit(page, 'ar contact');
    await page.getByTestId('contact-name').fill('ف. م.');
    await page.getByTestId('continue').click();
    await waitForHeading(page, 'راجع إجاباتك');
    await audit(page, 'ar check');
    await screenshot(page, 'citizen-ar-phone-check');
    await page.getByTestId('confirm-booking').click();
    await waitForHeading(page, 'تم حجز موعدك');
    await page.getByTestId('reference').waitFor();
    await audit(page, 'ar confirmation');
    await screenshot(page, 'citizen-ar-phone-confirmation');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'citizen-ar-desk-confirmation');
    const reference = (await page.getByTestId('reference').innerText()).trim();
    const [row] = await t.db.query(`SELECT language FROM booking WHERE reference = $1`, [reference]);
    expect(row.language).toBe('ar');
    await context.close();
  });

  it('should move and then cancel a booking through the manage link, after which the link cannot move it', async () => {
    const date = futureDate(6);
    const slots = (await free(date)).body.offices[0].days[0].slots as { start: string }[];
    const made = await t.request('POST', '/bookings', { body: bookingBody(world, slots[0].start) });
    expect(made.status).toBe(201);
    const { reference, manageToken } = made.body as { reference: string; manageToken: string };
    const link = `${base}/manage/${reference}#${manageToken}`;

    const { context, page } = await newPage(browser, { width: 768, height: 900 });
    await page.goto(link);
    await waitForHeading(page, 'Din bokning');
    // The code is read from the fragment and then kept out of the address bar.
    expect(new URL(page.url()).hash).toBe('');
    await audit(page, 'sv manage');
    await screenshot(page, 'citizen-sv-tablet-manage');
    await page.getByTestId('manage-move').click();
    await waitForHeading(page, 'Välj en ny tid');
    await chooseDay(page, futureDate(7));
    const next = page.getByTestId('times').getByTestId('time-option').first();
    const newStart = (await next.getAttribute('data-start'))!;
    await next.click();
    await page.getByTestId('confirm-move').waitFor();
    await audit(page, 'sv manage move');
    await page.getByTestId('confirm-move-button').click();
    await page.getByTestId('manage-moved').waitFor();
    const [moved] = await t.db.query(`SELECT starts_at FROM booking WHERE reference = $1`, [reference]);
    expect(new Date(moved.starts_at).toISOString()).toBe(new Date(newStart).toISOString());

    await page.getByTestId('manage-cancel').click();
    await waitForHeading(page, 'Vill du avboka mötet?');
    await audit(page, 'sv manage cancel');
    await page.getByTestId('confirm-cancel').click();
    await page.getByTestId('manage-cancelled').waitFor();
    await context.close();

    // The old link, opened again: cancelled, and no way to move it.
    const again = await newPage(browser, { width: 360, height: 800 });
    await again.page.goto(link);
    await again.page.getByTestId('manage-cancelled').waitFor();
    expect(await again.page.getByTestId('manage-move').count()).toBe(0);
    await again.page.goto(`${base}/manage/${reference}/time#${manageToken}`);
    await again.page.getByTestId('manage-cancelled').waitFor();
    await audit(again.page, 'sv manage cancelled');
    await again.page.getByRole('button', { name: 'العربية' }).click();
    await waitForHeading(again.page, 'حجزك');
    await audit(again.page, 'ar manage cancelled');
    await screenshot(again.page, 'citizen-ar-phone-manage-cancelled');
    const api = await t.request('POST', `/bookings/ref/${reference}/reschedule`, {
      body: { start: newStart },
      headers: { 'x-manage-token': manageToken },
    });
    expect([api.status, api.body.code]).toEqual([409, 'ALREADY_CANCELLED']);
    await again.context.close();
  });

  it('should explain when no time can ever work, instead of an empty calendar', async () => {
    const { context, page } = await newPage(browser, { width: 1280, height: 900 });
    await walkToWhen(page, 'sv', { language: 'pl', interpreter: true });
    const unavailable = page.getByTestId('unavailable');
    await unavailable.waitFor();
    expect(await unavailable.getAttribute('data-reason')).toBe('NO_INTERPRETER_FOR_LANGUAGE');
    expect(await unavailable.innerText()).toContain(OFFICE_PHONE);
    expect(await page.getByTestId('day').count()).toBe(0);
    await audit(page, 'sv unavailable');
    await context.close();
  });

  it('should have no axe-core violations at all on any page visited, in Swedish and Arabic', () => {
    expect(Object.keys(a11y).filter((name) => name.startsWith('ar ')).length).toBeGreaterThan(8);
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((name) => [name, []])));
  });

  /** From the start page to When (mouse this time), with the answers of this world. */
  async function walkToWhen(
    page: Page,
    locale: 'sv' | 'ar',
    options: { language?: string; interpreter?: boolean } = {},
  ) {
    await page.goto(`${base}/`);
    await page.locator('h1').waitFor();
    if (locale === 'ar') {
      await page.getByRole('button', { name: 'العربية' }).click();
      await waitForHeading(page, 'احجز موعدًا شخصيًا مع جهة حكومية');
      await audit(page, 'ar start');
    }
    await page.getByTestId('start-booking').click();
    await page.getByLabel(agencyCode, { exact: true }).check();
    if (locale === 'ar') await audit(page, 'ar agency');
    await page.getByTestId('continue').click();
    await page.locator('input[name=case-type]').first().check();
    if (locale === 'ar') await audit(page, 'ar case type');
    await page.getByTestId('continue').click();
    await page.getByTestId('office-search').fill(world.municipality);
    await waitFor('one office', async () => (await page.getByTestId('office-option').count()) === 1);
    await page.getByTestId('office-option').check();
    if (locale === 'ar') {
      await audit(page, 'ar office');
      await screenshot(page, 'citizen-ar-phone-office');
    }
    await page.getByTestId('continue').click();
    const language = options.language ?? (locale === 'ar' ? 'ar' : 'sv');
    await page.locator(`#language-${language}`).check();
    if (language !== 'sv') await page.locator(options.interpreter ? '#interpreter-yes' : '#interpreter-no').check();
    if (locale === 'ar') await audit(page, 'ar language');
    await page.getByTestId('continue').click();
    await page.locator('#need-STEP_FREE_ACCESS').waitFor();
    if (locale === 'ar') await audit(page, 'ar access');
    await page.getByTestId('continue').click();
    await waitFor(
      'When to load',
      async () => (await page.getByTestId('loading').count()) === 0 && (await page.locator('h1').count()) === 1,
    );
  }

  async function chooseDay(page: Page, date: string) {
    await page.locator(`[data-testid=day][data-date="${date}"]`).click();
    await page.getByTestId('times').waitFor();
  }
});
