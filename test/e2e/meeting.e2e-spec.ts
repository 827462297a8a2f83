import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bookingBody, bookingWorld, BookingWorld } from '../support/booking-fixture';
import { Factory, login } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { MediaService } from '../../apps/api/src/sessions/media.service';
import {
  accessibilityProblems,
  ARTIFACTS,
  CHROMIUM,
  decodingWidth,
  launchChromium,
  mediaStats,
  type MediaStats,
  newPage,
  receivedKbps,
  screenshot,
  waitFor,
  widestSent,
} from './support/browser';
import {
  decodingVideo,
  joinFromBooking,
  joinMarks,
  logIn,
  phasesSince,
  logInToHandlerApp,
  pairingCode,
  pairRoomScreen,
} from './support/meeting-steps';
import { RoomNetwork } from './support/network-namespace';

jest.setTimeout(240_000);

const CITIZEN = 'Astrid Testsson';

/**
 * The whole story in two real browsers: a booking made through the public API, a paired room
 * screen, check-in at the desk in the office console, the handler joining from the agenda, video both ways through the
 * real SFU, a screen share, and the handler ending the meeting.
 */
describe('A remote meeting, end to end', () => {
  let t: TestApp;
  let base: string;
  let port: number;
  let browser: Browser;
  let staffToken: string;
  /** The room screen's own network, for cutting it off; null where namespaces cannot be made. */
  const network = RoomNetwork.create(CHROMIUM);
  const a11y: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await createTestApp({
      SESSION_JOIN_BEFORE_MINUTES: '60',
      LOG_LEVEL: 'warn',
      // Two workers, so that a killed one's room moves to the other (with one it would end).
      MEDIA_WORKERS: '2',
      // Media must be reachable from the room's namespace as well as from this host.
      MEDIA_LISTEN_IP: network?.hostAddress ?? '127.0.0.1',
    });
    await t.app.listen({ port: 0, host: '0.0.0.0' });
    port = Number(new URL(await t.app.getUrl()).port);
    base = `http://127.0.0.1:${port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    network?.destroy();
  });

  /** A world whose office and handler work round the clock, so the test can book "now". */
  async function meetingWorld(): Promise<
    BookingWorld & {
      staffToken: string;
      staff: { email: string; password: string };
      handler: { email: string; password: string };
    }
  > {
    const world = await bookingWorld(t, { rooms: 1, handlers: 1, minNoticeMin: 0, aroundTheClock: true });
    const staff = await new Factory(t.db).user('OFFICE_STAFF', { officeIds: [world.officeId] });
    staffToken = await login(t, staff);
    return { ...world, staffToken, staff, handler: world.handlers[0] };
  }

  async function bookNow(world: BookingWorld): Promise<{ id: string; reference: string; start: string }> {
    const start = new Date(Math.ceil((Date.now() + 60_000) / 900_000) * 900_000).toISOString();
    const res = await t.request('POST', '/bookings', {
      body: bookingBody(world, start, { citizen: { name: CITIZEN } }),
    });
    expect([res.status, res.body.message]).toEqual([201, undefined]);
    return { id: res.body.id, reference: res.body.reference, start };
  }

  async function pairRoom(page: Page, world: BookingWorld, token: string, origin = base): Promise<void> {
    await pairRoomScreen(page, origin, await pairingCode(t, world.roomIds[0], token), async () => {
      if (a11y['room pairing']) return;
      await screenshot(page, '00-room-pairing');
      a11y['room pairing'] = await accessibilityProblems(page);
    });
    await page.getByTestId('door-display').waitFor();
  }

  /** Office staff check the visitor in at the desk, in the office console, after seeing a passport. */
  async function checkIn(
    booking: { id: string; reference: string },
    staff: { email: string; password: string },
  ): Promise<void> {
    const desk = await newPage(browser, { width: 1366, height: 768 });
    await desk.page.goto(`${base}/office/`);
    const form = desk.page.getByTestId('login-form');
    await form.locator('input[type=email]').fill(staff.email);
    await form.locator('input[type=password]').fill(staff.password);
    await form.locator('button[type=submit]').click();
    await desk.page.getByTestId('arrive-query').fill(booking.reference.slice(0, 3));
    await desk.page.locator(`[data-testid=arrive-match][data-booking-id="${booking.id}"]`).click();
    await desk.page.getByTestId('visit-panel').locator('input[value=PASSPORT]').check();
    await desk.page.getByTestId('check-in-submit').click();
    await waitFor('the check-in to be recorded', async () => {
      const [row] = await t.db.query(`SELECT status FROM booking WHERE id = $1`, [booking.id]);
      return row.status === 'CHECKED_IN';
    });
    await desk.context.close();
  }

  async function handlerJoins(
    page: Page,
    handler: { email: string; password: string },
    bookingId: string,
  ): Promise<number> {
    await logInToHandlerApp(page, base, handler, async () => {
      if (a11y['handler login']) return;
      await screenshot(page, '03-handler-login');
      a11y['handler login'] = await accessibilityProblems(page);
    });
    const item = page.locator(`[data-testid=agenda-item][data-booking-id="${bookingId}"]`);
    await item.waitFor();
    await waitFor(
      'the agenda to show the visitor checked in',
      async () => (await item.getAttribute('data-status')) === 'CHECKED_IN',
    );
    await screenshot(page, '04-handler-agenda-checked-in');
    a11y['handler agenda'] = await accessibilityProblems(page);
    // Open the booking (its contact is shown, and the read is audit-logged), then join from there.
    await item.locator('h3 a').click();
    await page.getByText(CITIZEN).first().waitFor();
    const [{ n: contactReads }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'booking.contact.read' AND resource_id = $1`,
      [bookingId],
    );
    expect(contactReads).toBeGreaterThan(0);
    await screenshot(page, '04b-handler-booking-detail');
    a11y['handler booking detail'] = await accessibilityProblems(page);
    let joinedAt = 0;
    await joinFromBooking(page, async () => {
      await screenshot(page, '05-handler-device-check');
      a11y['handler device check'] = await accessibilityProblems(page);
      joinedAt = Date.now();
    });
    return joinedAt;
  }

  it('should take a visitor from booking to a completed meeting', async () => {
    const world = await meetingWorld();

    // 2. Book through the public API.
    const booking = await bookNow(world);

    // 3. Pair the room screen: it shows the slot as booked, and nothing personal.
    const room = await newPage(browser, { width: 1920, height: 1080 });
    await pairRoom(room.page, world, world.staffToken);
    await waitFor(
      'the booked slot on the door display',
      async () => (await room.page.locator('[data-testid=door-slot][data-state=BOOKED]').count()) > 0,
    );
    const doorText = await room.page.locator('body').innerText();
    for (const secret of [CITIZEN, 'Astrid', 'Bostadsbidrag', 'Housing allowance', world.agencyId])
      expect(doorText).not.toContain(secret);
    await screenshot(room.page, '01-room-door-display-booked');
    a11y['room door display'] = await accessibilityProblems(room.page);

    // 4. Office staff check the visitor in: the room screen welcomes them with the reference only.
    await checkIn(booking, world.staff);
    await room.page.getByTestId('welcome').waitFor({ timeout: 40_000 });
    expect(await room.page.getByTestId('visit-reference').innerText()).toContain(booking.reference);
    expect(await room.page.locator('body').innerText()).not.toContain('Astrid');
    await screenshot(room.page, '02-room-welcome');
    a11y['room welcome'] = await accessibilityProblems(room.page);

    // 5. The handler logs in, sees "checked in", and joins.
    const handler = await newPage(browser, { width: 1440, height: 900 });
    const joinedAt = await handlerJoins(handler.page, world.handler, booking.id);

    // 6. The room screen joins by itself; video and audio flow both ways.
    const handlerStats = await waitFor(
      'the handler to decode the room’s video',
      decodingVideo(handler.page),
      45_000,
      100,
    );
    const firstFrameMs = Date.now() - joinedAt;
    const roomStats = await waitFor('the room screen to decode the handler’s video', decodingVideo(room.page), 45_000);
    await waitFor('audio both ways', async () => {
      const [h, r] = await Promise.all([mediaStats(handler.page), mediaStats(room.page)]);
      return h.audioPacketsReceived > 0 && r.audioPacketsReceived > 0;
    });
    expect(handlerStats.videoFramesDecoded[0]).toBeGreaterThan(0);
    expect(roomStats.videoFramesDecoded[0]).toBeGreaterThan(0);
    process.stdout.write(`\n[e2e] join to first decoded frame (handler, as the test saw it): ${firstFrameMs} ms\n`);
    // The call client's own phase marks, both sides: each side's phases from its own start, and
    // both first frames from the moment the handler's client started joining.
    const marks = await waitFor('the first-frame marks on both sides', async () => {
      const [h, r] = await Promise.all([joinMarks(handler.page), joinMarks(room.page)]);
      return h.some((m) => m.phase === 'first-frame') && r.some((m) => m.phase === 'first-frame') && { h, r };
    });
    // From the press on Join (the app marks it before it loads the call engine).
    const handlerStart = (marks.h.find((m) => m.phase === 'press' && m.attempt === 0) ??
      marks.h.find((m) => m.phase === 'start' && m.attempt === 0))!.at;
    const roomAttempt = Math.max(...marks.r.filter((m) => m.phase === 'first-frame').map((m) => m.attempt));
    const roomStart = marks.r.find((m) => m.phase === 'start' && m.attempt === roomAttempt)!.at;
    const firstFrame = {
      handler: phasesSince(marks.h, handlerStart),
      room: phasesSince(marks.r, roomStart, roomAttempt),
      sinceHandlerJoin: {
        handler: phasesSince(marks.h, handlerStart)['first-frame'],
        room: phasesSince(marks.r, handlerStart, roomAttempt)['first-frame'],
      },
    };
    writeFileSync(join(ARTIFACTS, 'first-frame.json'), `${JSON.stringify(firstFrame, null, 2)}\n`);
    process.stdout.write(`[e2e] first frame phases (ms): ${JSON.stringify(firstFrame)}\n`);
    expect(firstFrame.sinceHandlerJoin.handler).toBeGreaterThan(0);
    expect(firstFrame.sinceHandlerJoin.room).toBeGreaterThan(0);
    await handler.page.getByTestId('remote-video').first().waitFor();
    await room.page.getByTestId('remote-video').first().waitFor();
    await screenshot(handler.page, '06-handler-in-call');
    await screenshot(room.page, '07-room-in-call');
    a11y['handler in call'] = await accessibilityProblems(handler.page);
    a11y['room in call'] = await accessibilityProblems(room.page);
    const [{ status: inSession }] = await t.db.query(`SELECT status FROM booking WHERE id = $1`, [booking.id]);
    expect(inSession).toBe('IN_SESSION');

    // 6b. The media worker dies mid-meeting: both sides rejoin by themselves, and afterwards each
    // page holds exactly one inbound video stream, and it is live (no dead one beside it).
    const media = t.app.get(MediaService).server;
    process.kill(media.getRoom(booking.id)!.workerPid, 'SIGKILL');
    const killedAt = Date.now();
    for (const page of [handler.page, room.page]) {
      let seen = '';
      const live = await waitFor(
        'one live inbound video stream after the rejoin',
        async () => {
          const first = await mediaStats(page);
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          const then = await mediaStats(page);
          seen = `${JSON.stringify(first.videoFramesDecoded)} then ${JSON.stringify(then.videoFramesDecoded)}`;
          if (Date.now() - killedAt > 40_000) throw new Error(`frames decoded per stream: ${seen}`);
          return (
            then.videoFramesDecoded.length === 1 &&
            first.videoFramesDecoded.length === 1 &&
            then.videoFramesDecoded[0] > first.videoFramesDecoded[0] &&
            then
          );
        },
        45_000,
        250,
      );
      expect(live.videoFramesDecoded).toHaveLength(1);
    }

    // 7. Screen share once: the room receives a second video.
    await handler.page.getByTestId('share-button').click();
    await waitFor('the room screen to decode the shared screen', decodingVideo(room.page, 2), 30_000);
    await screenshot(room.page, '08-room-sees-shared-screen');
    await handler.page.getByTestId('share-button').click();

    // 8. The handler ends the meeting: the room thanks the visitor and returns to idle; COMPLETED.
    await handler.page.getByTestId('end-button').click();
    const confirm = handler.page.getByTestId('end-confirm');
    if (await confirm.count()) await confirm.click();
    await room.page.getByTestId('thanks').waitFor({ timeout: 20_000 });
    await screenshot(room.page, '09-room-thanks');
    a11y['room thanks'] = await accessibilityProblems(room.page);
    await room.page.getByTestId('door-display').waitFor({ timeout: 30_000 });
    await screenshot(room.page, '10-room-idle-again');
    const [{ status }] = await t.db.query(`SELECT status FROM booking WHERE id = $1`, [booking.id]);
    expect(status).toBe('COMPLETED');
    expect(await room.page.getByTestId('remote-video').count()).toBe(0);

    await room.context.close();
    await handler.context.close();
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((screen) => [screen, []])));
  });

  // Needs a network namespace (root and iproute2, as on CI); elsewhere this one test is skipped.
  (network ? it : it.skip)(
    'should bring the room screen’s video back after ten seconds offline, without a reload',
    async () => {
      const world = await meetingWorld();
      const booking = await bookNow(world);
      const roomOrigin = `http://${network!.hostAddress}:${port}`;
      const roomBrowser = await launchChromium({
        executablePath: network!.chromiumPath,
        insecureOriginAsSecure: roomOrigin,
      });
      try {
        const room = await newPage(roomBrowser, { width: 1280, height: 800 });
        await pairRoom(room.page, world, world.staffToken, roomOrigin);
        await checkIn(booking, world.staff);
        await room.page.getByTestId('welcome').waitFor({ timeout: 40_000 });
        const handler = await newPage(browser, { width: 1440, height: 900 });
        await handlerJoins(handler.page, world.handler, booking.id);
        await waitFor('video on the room screen', decodingVideo(room.page), 45_000);

        let reloads = 0;
        room.page.on('load', () => (reloads += 1));
        const framesBefore = (await mediaStats(room.page)).videoFramesDecoded[0] ?? 0;
        network!.setConnected(false);
        await new Promise((resolve) => setTimeout(resolve, 10_000));
        const framesOffline = (await mediaStats(room.page)).videoFramesDecoded[0] ?? 0;
        await screenshot(room.page, '11-room-offline');
        network!.setConnected(true);
        const cutAt = Date.now();

        // Frames decoded grow again once the network is back (a rebuilt connection counts from 0).
        await waitFor(
          'video to come back on the room screen',
          async () => {
            const now = (await mediaStats(room.page)).videoFramesDecoded[0] ?? 0;
            return now > framesOffline + 30 || (now > 30 && now < framesOffline);
          },
          60_000,
          500,
        );
        process.stdout.write(
          `\n[e2e] room video back ${Date.now() - cutAt} ms after the network returned (frames before ${framesBefore}, during ${framesOffline})\n`,
        );
        await waitFor('video to come back on the handler’s side', decodingVideo(handler.page), 30_000);
        await room.page.getByTestId('reconnect-banner').waitFor({ state: 'detached', timeout: 15_000 });
        await room.page.getByTestId('remote-video').first().waitFor();
        await screenshot(room.page, '12-room-back-online');
        expect(reloads).toBe(0);
        await handler.context.close();
      } finally {
        await roomBrowser.close();
      }
    },
  );
  /** The widest picture the handler's camera sends (its top simulcast layer), as the browser counts it. */
  // A weak office line: 300 kbit/s with 2 % loss both ways on the room screen's link (tc netem
  // on the veth pair of the room's own network namespace).
  (network && RoomNetwork.canShape() ? it : it.skip)(
    'should keep the voice and a smaller picture on a 300 kbit/s line, and the full picture after',
    async () => {
      const world = await meetingWorld();
      const booking = await bookNow(world);
      const roomOrigin = `http://${network!.hostAddress}:${port}`;
      const roomBrowser = await launchChromium({
        executablePath: network!.chromiumPath,
        insecureOriginAsSecure: roomOrigin,
      });
      try {
        const room = await newPage(roomBrowser, { width: 1280, height: 800 });
        await pairRoom(room.page, world, world.staffToken, roomOrigin);
        const checkIn = await t.request('POST', `/bookings/${booking.id}/check-in`, {
          token: world.staffToken,
          body: { idCheckMethod: 'PASSPORT' },
        });
        expect(checkIn.status).toBe(200);
        await room.page.getByTestId('welcome').waitFor({ timeout: 40_000 });
        const handler = await newPage(browser, { width: 1440, height: 900 });
        await logIn(handler.page, `${base}/handler/`, world.handler);
        await handler.page.goto(`${base}/handler/#/booking/${booking.id}/join`);
        await handler.page.getByTestId('prejoin-join').click();

        // The room screen shows the handler full screen: it gets the top layer.
        const top = await waitFor(
          'the full picture and the voice on the room screen',
          async () => {
            const [sent, got] = await Promise.all([widestSent(handler.page), mediaStats(room.page)]);
            return sent > 0 && got.videoFrameWidths[0] === sent && got.audioPacketsReceived > 50 && sent;
          },
          40_000,
          250,
        );

        network!.shape({ rate: '300kbit', loss: 2 });
        // The kernel holds the limit on both ends of the link and the loss rule, as asked.
        expect(network!.shaping()).toEqual({ rateLimitedEnds: 2, loss: true });
        const samples: MediaStats[] = [await mediaStats(room.page)];
        for (let i = 0; i < 10; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          samples.push(await mediaStats(room.page));
        }
        const carriedKbps = receivedKbps(samples[5], samples[10], 10);
        await screenshot(room.page, '13-room-on-a-weak-line');
        await screenshot(handler.page, '14-handler-quality-on-a-weak-line');
        const shapedLayer = await handler.page.getByTestId('quality-indicator').getAttribute('data-layer');
        network!.shape(null);
        expect(network!.shaping()).toEqual({ rateLimitedEnds: 0, loss: false });
        const liftedAt = Date.now();
        // The goal is within 10 s, which the server's recovery (libs/media's BandwidthRecovery:
        // the smallest picture kept flowing, the picture raised once the line carries it) reached
        // in 8 of 8 limits of bench/weak-line.ts once the worker's probes reached the room
        // (docs/video-sessions.md gives the figures). The return waits for one of GoogCC's
        // periodic probes and a loaded machine can take longer, so the test only asks that it
        // does come back, and records how soon.
        let previous = await mediaStats(room.page);
        const backAfterMs = await waitFor(
          'the full picture again after the limit was lifted',
          async () => {
            const now = await mediaStats(room.page);
            const decodingTop = decodingWidth(previous, now) === top;
            previous = now;
            return decodingTop && Date.now() - liftedAt;
          },
          45_000,
          250,
        );
        const report = {
          topWidth: top,
          shaped: samples.map((s) => ({
            audioPackets: s.audioPacketsReceived,
            framesDecoded: s.videoFramesDecoded[0],
            width: s.videoFrameWidths[0],
          })),
          handlerIndicatorLayerWhileShaped: shapedLayer,
          carriedKbpsInTheSecondHalf: Math.round(carriedKbps),
          backToTopLayerMs: backAfterMs,
        };
        writeFileSync(join(ARTIFACTS, 'shaped-link.json'), `${JSON.stringify(report, null, 2)}\n`);
        process.stdout.write(`\n[e2e] shaped link: ${JSON.stringify(report)}\n`);

        // The voice kept coming: more audio packets in every two-second sample, except the first
        // two seconds of the limit, while the full picture still fills the line's queue and the
        // bandwidth estimate has not fallen yet (docs/video-sessions.md).
        for (let i = 2; i < samples.length; i += 1)
          expect(samples[i].audioPacketsReceived).toBeGreaterThan(samples[i - 1].audioPacketsReceived);
        // The picture kept coming, smaller: frames decoded in every four seconds, and a lower layer.
        // Not counted: the first four seconds of the limit, while the estimate falls from the full
        // picture's 1.2 Mbit/s to the line's 300 kbit/s; in one of twelve runs no frame was decoded
        // then (docs/video-sessions.md).
        for (let i = 4; i < samples.length; i += 2)
          expect(samples[i].videoFramesDecoded[0]).toBeGreaterThan(samples[i - 2].videoFramesDecoded[0]);
        expect(Math.min(...samples.slice(-3).map((s) => s.videoFrameWidths[0]))).toBeLessThan(top);
        // The room really was on a weak line: in the second half of the limit its browser received
        // no more than the line carries (300 kbit/s, with some room for the token bucket's burst).
        expect(carriedKbps).toBeLessThanOrEqual(330);
        // And the full picture again once the limit is lifted.
        expect(backAfterMs).toBeGreaterThan(0);
        await handler.context.close();
      } finally {
        network!.shape(null);
        await roomBrowser.close();
      }
    },
  );
});
