import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { localDateOf } from '@distans/scheduling';
import { futureDate, ZONE } from '../support/booking-fixture';
import { Factory } from '../support/factories';
import { createTestApp, listenOnLoopback, TestApp, unique } from '../support/test-app';
import { accessibilityProblems, ARTIFACTS, launchChromium, newPage, screenshot, waitFor } from './support/browser';

jest.setTimeout(240_000);

const DESK = { width: 1366, height: 768 };
const TABLET = { width: 768, height: 1024 };

/**
 * An administrator sets up a new office with its rooms and opening hours, a case type and a
 * handler in the office console, and a citizen can book it; then closes a day that has a booking
 * on it, changes the handler's case types, meets a field error from the API and reads the audit
 * log. Every settings screen is checked with axe-core and photographed at desk and tablet widths.
 */
describe('The administrators’ settings, end to end', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let factory: Factory;
  let agency: { id: string; code: string };
  let countyId: string;
  const officeName = unique('Servicekontor Testby');
  let officeId: string;
  let caseTypeId: string;
  let handlerId: string;
  const a11y: Record<string, string[]> = {};

  /** Every violation axe-core finds (minor too), and the screen at both sizes. */
  const look = async (name: string) => {
    a11y[name] = await accessibilityProblems(page, { allImpacts: true });
    await screenshot(page, `admin-${name}-1366`);
    await page.setViewportSize(TABLET);
    await screenshot(page, `admin-${name}-768`);
    await page.setViewportSize(DESK);
  };
  const go = async (path: string) => {
    await page.goto(`${base}/office${path}`);
  };
  const slotsOn = async (date: string): Promise<string[]> => {
    const res = await t.request(
      'GET',
      `/availability?caseType=${caseTypeId}&office=${officeId}&from=${date}&to=${date}`,
    );
    expect(res.status).toBe(200);
    return (res.body.offices[0]?.days ?? []).flatMap((day: { slots: { start: string }[] }) =>
      day.slots.map((slot) => slot.start),
    );
  };

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'warn' });
    base = await listenOnLoopback(t);
    browser = await launchChromium();
    factory = new Factory(t.db);
    agency = await factory.agency();
    countyId = (await factory.county()).id;
    const admin = await factory.user('ADMIN');
    page = (await newPage(browser, DESK)).page;
    await page.goto(`${base}/office/`);
    const form = page.getByTestId('login-form');
    await form.locator('input[type=email]').fill(admin.email);
    await form.locator('input[type=password]').fill(admin.password);
    await form.locator('button[type=submit]').click();
    await page.getByTestId('live-status').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should set up a new office with opening hours and rooms', async () => {
    // An administrator starts at the first office's day, or in the settings while there is no office.
    if (!page.url().includes('/office/admin/')) await page.getByTestId('nav-admin').click();
    await page.getByTestId('nav-admin-offices').click();
    await page.getByTestId('offices-table').waitFor();
    await look('offices');
    await page.getByTestId('new-office').click();
    const form = page.getByTestId('office-form');
    await form.locator('#field-name').fill(officeName);
    await form.locator('#field-municipality').fill('Testby');
    await form.locator('#field-countyId').selectOption(countyId);
    await form.locator('#field-officeType').selectOption('small');
    await form.locator('#field-streetAddress').fill('Storgatan 1');
    await form.locator('#field-postalCode').fill('123 45');
    await form.locator('#field-city').fill('Testby');
    await form.locator('#field-phone').fill('0771-123 456');
    await page.getByTestId('office-save').click();
    await page.getByTestId('week-grid').waitFor();
    officeId = page.url().split('/').pop()!;
    const [office] = await t.db.query(`SELECT name, phone FROM office WHERE id = $1`, [officeId]);
    expect(office).toEqual({ name: officeName, phone: '0771-123 456' });

    // Open every day, 09:00-16:00 (a new day's default), so the test can pick any date.
    for (const weekday of [1, 2, 3, 4, 5, 6, 7]) await page.getByTestId(`week-add-${weekday}`).click();
    await page.getByTestId('week-save').click();
    await waitFor('the weekly hours to be saved', async () => {
      const [row] = await t.db.query(`SELECT jsonb_array_length(weekly_hours) AS n FROM office WHERE id = $1`, [
        officeId,
      ]);
      return row.n === 7;
    });

    const room = page.getByTestId('new-room-form');
    await room.locator('#field-room-new-name').fill('Besöksrum 1');
    await room.locator('button[type=submit]').click();
    await page.getByTestId('room-form').first().waitFor();
    expect(await page.getByTestId('step-free-summary').innerText()).toMatch(/1 utan trappsteg|Ett aktivt rum/);
    await look('office');
  });

  it('should show the API’s field error beside its field', async () => {
    await go(`/admin/agencies/${agency.id}/case-types/new`);
    const form = page.getByTestId('case-type-form');
    await form.locator('#field-code').fill(
      unique('besok')
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-')
        .slice(0, 60),
    );
    await form.locator('#field-nameSv').fill('Personligt besök');
    await form.locator('#field-nameEn').fill('Personal visit');
    await form.locator('#field-durationMin').fill('7');
    await page.getByTestId('case-type-save').click();
    const problem = page.getByTestId('field-error-durationMin');
    await problem.waitFor();
    expect(await problem.innerText()).toBe('durationMin must be a multiple of 5 minutes');
    expect(await form.locator('#field-durationMin').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#field-durationMin').getAttribute('aria-describedby')).toBe('field-durationMin-error');
    await look('case-type-error');

    await form.locator('#field-durationMin').fill('30');
    await form.locator('#field-minNoticeMin').fill('0');
    await page.getByTestId('case-type-save').click();
    await waitFor('the case type page', async () => !page.url().endsWith('/new'));
    caseTypeId = page.url().split('/').pop()!;
    expect(await page.getByTestId('citizen-preview').innerText()).toContain('The meeting takes 30 minutes.');
    await look('case-type');
    await go('/admin/agencies');
    await page.getByTestId('case-type-link').first().waitFor();
    await look('agencies');
  });

  it('should invite a handler who chooses a password, and then a citizen can book the new office', async () => {
    await go('/admin/people');
    await page.getByTestId('people-table').waitFor();
    await look('people');
    await page.getByTestId('invite-person').click();
    const form = page.getByTestId('person-form');
    const email = `${unique('handlare').toLowerCase()}@example.se`;
    await form.locator('#field-email').fill(email);
    await form.locator('#field-role').selectOption('HANDLER');
    await form.locator('#field-displayName').fill('Hanna Handläggare');
    await form.locator('#field-agencyId').selectOption(agency.id);
    await form.locator(`#field-caseType-${caseTypeId}`).check();
    for (const weekday of [1, 2, 3, 4, 5, 6, 7]) await page.getByTestId(`week-add-${weekday}`).click();
    await page.getByTestId('person-save').click();
    const link = await page.getByTestId('password-code-link').innerText();
    handlerId = page.url().split('/').pop()!;
    await look('person');

    const visitor = (await newPage(browser, DESK)).page;
    await visitor.goto(link);
    await visitor.getByTestId('set-password-form').waitFor();
    a11y['set-password'] = await accessibilityProblems(visitor, { allImpacts: true });
    await screenshot(visitor, 'admin-set-password-1366');
    await visitor.locator('#field-password').fill('ett långt lösenord');
    await visitor.locator('#field-repeat').fill('ett långt lösenord');
    await visitor.locator('button[type=submit]').click();
    await visitor.getByTestId('password-set').waitFor();
    await visitor.close();
    const login = await t.request('POST', '/auth/login', { body: { email, password: 'ett långt lösenord' } });
    expect(login.status).toBe(200);

    // The citizen books the new office through the public API (the citizen site is not here yet).
    const date = futureDate(4);
    const slots = await slotsOn(date);
    expect(slots.length).toBeGreaterThan(0);
    const booked = await t.request('POST', '/bookings', {
      body: {
        caseTypeId,
        officeId,
        start: slots[0],
        citizen: { name: 'Cecilia Medborgare', email: 'cecilia@example.se' },
      },
    });
    expect([booked.status, booked.body.office?.name]).toEqual([201, officeName]);
  });

  it('should close a day with a booking on it, cancel the booking, and leave no time that day', async () => {
    const date = futureDate(4);
    const [booking] = await t.db.query(`SELECT id FROM booking WHERE office_id = $1 AND status = 'BOOKED'`, [officeId]);
    await go(`/admin/offices/${officeId}`);
    const day = page.getByTestId(`calendar-day-${date}`);
    await page.getByTestId('week-grid').waitFor();
    // The calendar opens on this month; the day may be in the next.
    if (date.slice(0, 7) !== localDateOf(Date.now(), ZONE).slice(0, 7)) await page.getByTestId('calendar-next').click();
    await day.waitFor();
    await day.click();
    await page.getByTestId('day-editor').waitFor();
    await page.locator('#field-reason').fill('Personaldag');
    await page.getByTestId('exception-save').click();
    const panel = page.getByTestId('impact-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('impact-booking').count()).toBe(1);
    await look('office-impact');
    // Nothing is saved before the decision.
    expect((await slotsOn(date)).length).toBeGreaterThan(0);
    await panel.locator('#impact-cancel').check();
    await page.getByTestId('impact-confirm').click();
    await waitFor('the day to show closed', async () => (await day.getAttribute('data-closed')) === 'true');
    expect(await day.getAttribute('data-source')).toBe('exception');
    expect(await slotsOn(date)).toEqual([]);
    const [row] = await t.db.query(`SELECT status FROM booking WHERE id = $1`, [booking.id]);
    expect(row.status).toBe('CANCELLED');
  });

  it('should take the handler out of availability when their case type goes, and back when it returns', async () => {
    const date = futureDate(6);
    expect((await slotsOn(date)).length).toBeGreaterThan(0);
    await go(`/admin/people/${handlerId}`);
    const box = page.locator(`#field-caseType-${caseTypeId}`);
    await box.waitFor();
    await box.uncheck();
    await page.getByTestId('person-save').click();
    await waitFor('the handler to lose the case type', async () => (await slotsOn(date)).length === 0);
    await box.check();
    await page.getByTestId('person-save').click();
    await waitFor('the handler to have it again', async () => (await slotsOn(date)).length > 0);
  });

  it('should filter the audit log and export it as CSV', async () => {
    await go('/admin/audit');
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-action').fill('office.exception.put');
    await page.getByTestId('audit-apply').click();
    await waitFor('only the filtered rows', async () => {
      const actions = await page
        .getByTestId('audit-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
      return actions.length > 0 && actions.every((action) => action === 'office.exception.put');
    });
    await look('audit');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^distans-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = join(ARTIFACTS, 'admin-audit-export.csv');
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('actorName,actorRole,action');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes(',office.exception.put,office,'))).toBe(true);
    const [read] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'audit.read' AND details -> 'filters' ->> 'action' = 'office.exception.put'`,
    );
    expect(read.n).toBeGreaterThan(0);
  });

  it('should have no accessibility violations on any settings screen', () => {
    expect(Object.keys(a11y).length).toBeGreaterThanOrEqual(10);
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((screen) => [screen, []])));
  });
});
