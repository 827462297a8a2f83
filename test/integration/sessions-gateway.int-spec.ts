import { JwtService } from '@nestjs/jwt';
import { MediaService } from '../../apps/api/src/sessions/media.service';
import { SessionTicketsService } from '../../apps/api/src/sessions/session-tickets.service';
import {
  ask,
  connect,
  EventLog,
  listeningUrl,
  ok,
  sessionWorld,
  ticketFor,
  type SessionClient,
  type SessionWorld,
} from '../support/session-fixture';
import { createTestApp, TestApp } from '../support/test-app';

const OPUS = {
  codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }],
  encodings: [{ ssrc: 4242 }],
};

describe('Session gateway', () => {
  let t: TestApp;
  let url: string;
  const sockets: SessionClient[] = [];

  beforeAll(async () => {
    t = await createTestApp({ MEDIA_WORKERS: '2', SESSION_RECONNECT_GRACE_SECONDS: '2' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = listeningUrl(t);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => t.close());

  const join = async (world: SessionWorld, token: string) => {
    const socket = await connect(url, { ticket: await ticketFor(t, world.bookingId, token) });
    sockets.push(socket);
    const log = new EventLog(socket);
    const { rtpCapabilities } = await ok(socket, 'routerCapabilities', {});
    const joined = await ok(socket, 'join', { rtpCapabilities });
    return { socket, log, joined, rtpCapabilities };
  };
  const refusal = (auth: Record<string, unknown>) =>
    connect(url, auth).then(
      (s) => {
        s.close();
        throw new Error('the handshake should have been refused');
      },
      (error: Error & { data?: { code: string } }) => error,
    );
  const status = async (bookingId: string): Promise<string> =>
    (await t.db.query(`SELECT status FROM booking WHERE id = $1`, [bookingId]))[0].status;

  describe('handshake', () => {
    it('should refuse a connection without a ticket', async () => {
      const error = await refusal({});
      expect(error.message).toBe('A session ticket is required');
    });

    it('should refuse a forged ticket', async () => {
      const w = await sessionWorld(t);
      const forged = new JwtService({ secret: 'guessed-secret-guessed-secret-guessed' }).sign(
        { sub: w.handler.id, role: 'HANDLER', bid: w.bookingId, jti: 'x' },
        { audience: 'distans:session', expiresIn: 60 },
      );
      expect((await refusal({ ticket: forged })).message).toBe('The session ticket is invalid or has expired');
      // An access token is not a ticket either.
      expect((await refusal({ ticket: w.handler.token })).message).toBe('The session ticket is invalid or has expired');
    });

    it('should keep a ticket to its own booking: no ticket for another, no client-chosen booking, no reuse', async () => {
      const mine = await sessionWorld(t);
      const theirs = await sessionWorld(t);
      const res = await t.request('POST', `/bookings/${theirs.bookingId}/session-ticket`, {
        token: mine.handler.token,
      });
      expect(res.status).toBe(404);

      const ticket = await ticketFor(t, mine.bookingId, mine.handler.token);
      const named = await refusal({ ticket, bookingId: theirs.bookingId });
      expect(named.message).toBe('The handshake takes a session ticket and nothing else');

      const other = await join(theirs, theirs.handler.token);
      const socket = await connect(url, { ticket: await ticketFor(t, mine.bookingId, mine.handler.token) });
      sockets.push(socket);
      await ok(socket, 'join', { rtpCapabilities: other.rtpCapabilities });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(other.log.of('peerJoined')).toEqual([]);

      const used = await ticketFor(t, mine.bookingId, mine.handler.token);
      (await connect(url, { ticket: used })).close();
      expect((await refusal({ ticket: used })).message).toBe('This session ticket has already been used');
      // The replay is a security event for the statistics, naming only who the ticket was for.
      const events = await t.db.query(
        `SELECT actor_role FROM security_event WHERE kind = 'TOKEN_REPLAYED' AND actor_id = $1`,
        [mine.handler.id],
      );
      expect(events).toEqual([{ actor_role: 'HANDLER' }]);
    });

    it('should refuse a ticket used outside the join window', async () => {
      const w = await sessionWorld(t, { startInMinutes: 90 });
      const tickets = t.app.get(SessionTicketsService);
      const actor = {
        id: w.handler.id,
        role: 'HANDLER' as const,
        agencyId: null,
        officeIds: [],
        roomId: null,
        // A staff ticket is bound to the session it was issued under.
        sessionId: JSON.parse(Buffer.from(w.handler.token.split('.')[1], 'base64url').toString()).sid as string,
      };
      // Issued as if it were 85 minutes from now, presented now.
      const { ticket } = await tickets.issue(actor, w.bookingId, Date.now() + 85 * 60_000);
      const error = await refusal({ ticket });
      expect(error.message).toMatch(/^The session opens at .* 10 minutes before the start$/);
      expect(error.data).toEqual({ code: 'CONFLICT', errorCode: 'SESSION_NOT_OPEN' });
    });

    it('should refuse the room device while the visitor is not checked in, even with a ticket', async () => {
      const w = await sessionWorld(t, { checkedIn: true });
      const ticket = await ticketFor(t, w.bookingId, w.device.token);
      await t.db.query(`UPDATE booking SET status = 'BOOKED' WHERE id = $1`, [w.bookingId]);
      expect((await refusal({ ticket })).message).toBe(
        'The visitor has not been checked in yet; the room joins after check-in',
      );
    });
  });

  it('should let the handler and the room in, show each to the other, and start the booking', async () => {
    const w = await sessionWorld(t, { checkedIn: true });
    const handler = await join(w, w.handler.token);
    expect(handler.joined.peers).toEqual([]);
    expect(handler.joined.self).toMatchObject({ role: 'HANDLER', displayName: 'Test HANDLER' });
    expect(await status(w.bookingId)).toBe('CHECKED_IN');

    const room = await join(w, w.device.token);
    const seen = await handler.log.next('peerJoined');
    expect(seen).toMatchObject({ role: 'ROOM_DEVICE', displayName: w.roomName, peerId: room.joined.self.peerId });
    expect(room.joined.peers).toEqual([
      expect.objectContaining({ role: 'HANDLER', peerId: handler.joined.self.peerId }),
    ]);
    expect(await status(w.bookingId)).toBe('IN_SESSION');
    const events = await t.db.query(`SELECT kind, actor_role FROM booking_event WHERE booking_id = $1 ORDER BY id`, [
      w.bookingId,
    ]);
    // Checked in at the desk (the fixture goes through the front desk), then started by the room.
    expect(events).toEqual([
      { kind: 'CHECKED_IN', actor_role: 'OFFICE_STAFF' },
      { kind: 'SESSION_STARTED', actor_role: 'ROOM_DEVICE' },
    ]);
    const joinedRows = await t.db.query(
      `SELECT peer_role FROM session_participation WHERE booking_id = $1 ORDER BY joined_at`,
      [w.bookingId],
    );
    expect(joinedRows.map((r: { peer_role: string }) => r.peer_role)).toEqual(['HANDLER', 'ROOM_DEVICE']);

    // Media signalling: the room receives what the handler sends, paused until it says it is ready.
    const recv = await ok(room.socket, 'createTransport', { direction: 'recv' });
    expect(recv.iceCandidates.length).toBeGreaterThan(0);
    expect(recv.iceCandidates.map((c) => (c as { address: string }).address)).toContain('127.0.0.1');
    const send = await ok(handler.socket, 'createTransport', { direction: 'send' });
    const { producerId } = await ok(handler.socket, 'produce', {
      transportId: send.transportId,
      kind: 'audio',
      rtpParameters: OPUS,
    });
    const consumer = await room.log.next('newConsumer');
    expect(consumer).toMatchObject({ producerId, kind: 'audio', source: 'microphone', paused: true });
    await ok(room.socket, 'resumeConsumer', { consumerId: consumer.consumerId });
    // A tile size's layer request is accepted (and means nothing for a single-layer audio stream).
    await ok(room.socket, 'setPreferredLayers', { consumerId: consumer.consumerId, spatialLayer: 0 });
    expect(await ok(room.socket, 'consume', { producerId })).toMatchObject({ consumerId: consumer.consumerId });
    await ok(handler.socket, 'pauseProducer', { producerId });
    expect(await room.log.next('consumerPaused')).toEqual({ consumerId: consumer.consumerId });
    expect((await ok(handler.socket, 'restartIce', { transportId: send.transportId })).iceParameters).toBeTruthy();
    // Stopping a source for good (the end of a screen share) closes it on the other side too.
    await ok(handler.socket, 'closeProducer', { producerId });
    expect(await room.log.next('consumerClosed')).toEqual({ consumerId: consumer.consumerId });

    const chat = await ok(handler.socket, 'chat', { text: 'Välkommen!' });
    expect(await room.log.next('chat')).toEqual(chat.message);
    expect(chat.message).toMatchObject({ fromRole: 'HANDLER', text: 'Välkommen!' });

    const health = await t.request('GET', '/health');
    expect(health.body.checks.media).toMatchObject({
      status: 'up',
      rooms: expect.any(Number),
      peers: expect.any(Number),
    });
    expect(health.body.checks.media.workers).toHaveLength(2);
    const metrics = await t.request('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/^distans_media_workers 2$/m);
    expect(metrics.body).toMatch(/^distans_media_peers [1-9]\d*$/m);
  });

  it('should answer malformed and impossible requests with an error ack and keep the connection', async () => {
    const w = await sessionWorld(t);
    const socket = await connect(url, { ticket: await ticketFor(t, w.bookingId, w.handler.token) });
    sockets.push(socket);
    const raw = socket as unknown as { timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<any> } };

    const chat = await raw.timeout(5000).emitWithAck('chat', { text: 42 });
    expect(chat).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        errorCode: 'VALIDATION_FAILED',
        message: 'Malformed chat request',
        details: { text: ['text must be non-empty text'] },
      },
    });
    expect((await raw.timeout(5000).emitWithAck('produce', 'garbage')).error.code).toBe('BAD_REQUEST');
    expect((await raw.timeout(5000).emitWithAck('join', { rtpCapabilities: { codecs: 'x' } })).error.details).toEqual({
      'rtpCapabilities.codecs': ['rtpCapabilities.codecs must be an array'],
    });
    expect((await raw.timeout(5000).emitWithAck('takeOver', {})).error.code).toBe('UNKNOWN_REQUEST');
    const ghost = '00000000-0000-4000-8000-000000000000';
    expect(
      (await ask(socket, 'connectTransport', { transportId: ghost, dtlsParameters: { fingerprints: [] } })).ok,
    ).toBe(false);
    expect((await ask(socket, 'chat', { text: 'before joining' })).ok).toBe(false);
    const { rtpCapabilities } = await ok(socket, 'routerCapabilities', {});
    await ok(socket, 'join', { rtpCapabilities });
    const send = await ok(socket, 'createTransport', { direction: 'send' });
    const badCodec = await ask(socket, 'produce', {
      transportId: send.transportId,
      kind: 'audio',
      rtpParameters: { codecs: [{ mimeType: 'audio/nope', payloadType: 1, clockRate: 1 }] },
    });
    expect(badCodec).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(socket.connected).toBe(true);
    expect((await ask(socket, 'routerCapabilities', {})).ok).toBe(true);
  });

  it('should replace a participant who comes back with a fresh ticket, and drop one who does not', async () => {
    const w = await sessionWorld(t, { checkedIn: true, interpreter: true });
    const room = await join(w, w.device.token);
    const handler = await join(w, w.handler.token);
    await ok(handler.socket, 'createTransport', { direction: 'send' });
    const media = t.app.get(MediaService).server.getRoom(w.bookingId)!;
    const before = media.getPeer(handler.joined.self.peerId)!;
    expect(before.transportCount).toBe(1);

    handler.socket.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(room.log.of('peerLeft')).toEqual([]);

    const back = await join(w, w.handler.token);
    expect(back.joined.self.peerId).toBe(handler.joined.self.peerId);
    expect(await room.log.next('peerLeft')).toEqual({ peerId: handler.joined.self.peerId, reason: 'REPLACED' });
    expect(room.log.of('peerJoined')).toHaveLength(2);
    expect(before.closed).toBe(true);
    expect(before.transportCount).toBe(0);
    expect(media.peers.size).toBe(2);

    // A second live connection of the same person also replaces the first.
    const interpreter = await join(w, w.interpreter!.token);
    const again = await join(w, w.interpreter!.token);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(interpreter.socket.connected).toBe(false);
    expect(again.socket.connected).toBe(true);
    expect(media.peers.size).toBe(3);

    // Gone for longer than the grace period (2 s here): removed, nobody left as a ghost.
    again.socket.close();
    const dropped = await room.log.next('peerLeft', (e) => e.reason === 'DROPPED', 5_000);
    expect(dropped.peerId).toBe(again.joined.self.peerId);
    expect(media.peers.size).toBe(2);
    // Leave times are written just after the others are told.
    const left = () =>
      t.db.query(
        `SELECT peer_role, leave_reason FROM session_participation WHERE booking_id = $1 AND left_at IS NOT NULL ORDER BY left_at`,
        [w.bookingId],
      );
    for (let i = 0; i < 20 && (await left()).length < 3; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(await left()).toEqual([
      { peer_role: 'HANDLER', leave_reason: 'REPLACED' },
      { peer_role: 'INTERPRETER', leave_reason: 'REPLACED' },
      { peer_role: 'INTERPRETER', leave_reason: 'DROPPED' },
    ]);
  });

  it('should move the session to another worker when its worker is killed and tell everyone to rejoin', async () => {
    const w = await sessionWorld(t, { checkedIn: true });
    const handler = await join(w, w.handler.token);
    const room = await join(w, w.device.token);
    await ok(handler.socket, 'createTransport', { direction: 'send' });
    const media = t.app.get(MediaService).server;
    const dead = media.getRoom(w.bookingId)!.workerPid;

    process.kill(dead, 'SIGKILL');

    await Promise.all([handler.log.next('rejoin'), room.log.next('rejoin')]);
    expect(handler.log.of('rejoin')).toEqual([{ reason: 'media-worker-restarted' }]);
    const moved = media.getRoom(w.bookingId)!;
    expect(moved.workerPid).not.toBe(dead);
    expect(media.workerPids).not.toContain(dead);
    // The clients rebuild their media on the new worker; the participants stay as they were.
    const { rtpCapabilities } = await ok(handler.socket, 'routerCapabilities', {});
    await ok(handler.socket, 'join', { rtpCapabilities: rtpCapabilities });
    const send = await ok(handler.socket, 'createTransport', { direction: 'send' });
    await ok(room.socket, 'createTransport', { direction: 'recv' });
    const { producerId } = await ok(handler.socket, 'produce', {
      transportId: send.transportId,
      kind: 'audio',
      rtpParameters: OPUS,
    });
    expect(await room.log.next('newConsumer', (c) => c.producerId === producerId)).toMatchObject({ paused: true });
    expect(room.log.of('peerLeft')).toEqual([]);
    expect(await status(w.bookingId)).toBe('IN_SESSION');

    // A replacement worker is started in the background.
    for (let i = 0; i < 50 && media.workerPids.length < 2; i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(media.workerPids).toHaveLength(2);
    const health = await t.request('GET', '/health');
    expect(health.body.checks.media).toMatchObject({ status: 'up', workerDeaths: 1 });
  });

  it('should let only the handler end the meeting, complete the booking and close the session for all', async () => {
    const w = await sessionWorld(t, { checkedIn: true });
    const handler = await join(w, w.handler.token);
    const room = await join(w, w.device.token);
    expect(await status(w.bookingId)).toBe('IN_SESSION');

    const refused = await ask(room.socket, 'end', {});
    expect(refused).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', errorCode: 'FORBIDDEN', message: 'Only the case handler can end the meeting' },
    });

    expect(await ask(handler.socket, 'end', {})).toEqual({ ok: true, data: {} });
    expect(await room.log.next('sessionEnded')).toEqual({ reason: 'ENDED_BY_HANDLER' });
    expect(await handler.log.next('sessionEnded')).toEqual({ reason: 'ENDED_BY_HANDLER' });
    expect(await status(w.bookingId)).toBe('COMPLETED');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(room.socket.connected).toBe(false);
    expect(t.app.get(MediaService).server.getRoom(w.bookingId)).toBeUndefined();

    const rows = await t.db.query(
      `SELECT leave_reason, left_at >= joined_at AS ordered FROM session_participation WHERE booking_id = $1`,
      [w.bookingId],
    );
    expect(rows).toEqual([
      { leave_reason: 'ENDED', ordered: true },
      { leave_reason: 'ENDED', ordered: true },
    ]);
    const again = await t.request('POST', `/bookings/${w.bookingId}/session-ticket`, { token: w.handler.token });
    expect([again.status, again.body.message]).toEqual([409, 'The booking is completed: there is no session to join']);
  });

  it('should let a participant leave without ending the meeting for the others', async () => {
    const w = await sessionWorld(t, { checkedIn: true });
    const handler = await join(w, w.handler.token);
    const room = await join(w, w.device.token);
    await ok(room.socket, 'leave', {});
    expect(await handler.log.next('peerLeft')).toEqual({ peerId: room.joined.self.peerId, reason: 'LEFT' });
    expect(await status(w.bookingId)).toBe('IN_SESSION');
    expect(t.app.get(MediaService).server.getRoom(w.bookingId)?.peers.size).toBe(1);
  });
});
