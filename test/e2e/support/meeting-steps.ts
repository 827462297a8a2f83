import type { Page } from 'playwright-core';
import type { TestApp } from '../../support/test-app';
import { mediaStats } from './browser';

/**
 * The steps of a meeting as people take them in the browsers, shared by the browser tests: the
 * room screen paired by a code, the handler logging in, video flowing.
 */

/**
 * Types a pairing code into a fresh room screen and waits until it is paired: it then shows its
 * door display, or at once the welcome when its room's visitor is already checked in.
 */
export async function pairRoomScreen(
  page: Page,
  origin: string,
  code: string,
  onForm: () => Promise<void> = async () => undefined,
): Promise<void> {
  await page.goto(`${origin}/room/`);
  const form = page.getByTestId('pairing-form');
  await form.waitFor();
  await onForm();
  // Lower case is fine: the kiosk normalises what staff type.
  await form.locator('input').first().fill(code.toLowerCase());
  await form.locator('button[type=submit]').click();
  await form.waitFor({ state: 'detached' });
}

/** A pairing code for a room, as office staff create it. */
export async function pairingCode(t: TestApp, roomId: string, staffToken: string): Promise<string> {
  const res = await t.request('POST', `/rooms/${roomId}/pairing-codes`, { token: staffToken });
  if (res.status !== 201) throw new Error(`pairing code refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.code as string;
}

/** Logs in to a staff app (the handler app, the office console) and waits until it is signed in. */
export async function logIn(
  page: Page,
  appUrl: string,
  user: { email: string; password: string },
  onForm: () => Promise<void> = async () => undefined,
): Promise<void> {
  await page.goto(appUrl);
  const form = page.getByTestId('login-form');
  await form.waitFor();
  await onForm();
  await form.locator('input[type=email]').fill(user.email);
  await form.locator('input[type=password]').fill(user.password);
  await form.locator('button[type=submit]').click();
  await form.waitFor({ state: 'detached' });
}

/** Logs in to the handler app and waits for its header. */
export async function logInToHandlerApp(
  page: Page,
  base: string,
  user: { email: string; password: string },
  onForm: () => Promise<void> = async () => undefined,
): Promise<void> {
  await logIn(page, `${base}/handler/`, user, onForm);
  await page.locator('.app-header').waitFor();
}

/** From a booking's page in the handler app: Join, the device check, and into the call. */
export async function joinFromBooking(page: Page, onDeviceCheck: () => Promise<void> = async () => undefined) {
  await page.getByTestId('join-button').click();
  await page.getByTestId('prejoin-join').waitFor();
  await onDeviceCheck();
  await page.getByTestId('prejoin-join').click();
}

/** A probe for waitFor: true once the page decodes video from `streams` remote streams. */
export const decodingVideo =
  (page: Page, streams = 1) =>
  async () => {
    const stats = await mediaStats(page);
    return stats.videoFramesDecoded.filter((frames) => frames > 0).length >= streams && stats;
  };

/** One join phase mark of the call client (libs/call-client/src/join-timings.ts), on the wall clock. */
export interface JoinMark {
  phase: string;
  attempt: number;
  /** Milliseconds since the epoch (performance.timeOrigin + startTime), comparable across pages. */
  at: number;
}

/** The call client's join phase marks in the page, so far. */
export async function joinMarks(page: Page): Promise<JoinMark[]> {
  return page.evaluate((prefix) => {
    return performance
      .getEntriesByType('mark')
      .filter((mark) => mark.name.startsWith(prefix))
      .map((mark) => ({
        phase: mark.name.slice(prefix.length),
        attempt: ((mark as PerformanceMark).detail as { attempt?: number } | null)?.attempt ?? -1,
        at: performance.timeOrigin + mark.startTime,
      }));
  }, 'distans.call.');
}

/**
 * Milliseconds from `origin` (epoch ms, e.g. the handler's own `start`) to the first mark of each
 * phase of one attempt.
 */
export function phasesSince(marks: JoinMark[], origin: number, attempt = 0): Record<string, number> {
  const out: Record<string, number> = {};
  for (const mark of marks) {
    if (mark.attempt !== attempt || mark.phase in out) continue;
    out[mark.phase] = Math.round(mark.at - origin);
  }
  return out;
}
