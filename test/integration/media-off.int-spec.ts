import { connect, listeningUrl, sessionWorld, ticketFor } from '../support/session-fixture';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * MEDIA_ENABLED=false: everything but video, with no mediasoup worker binary and no media ports,
 * as the booking benchmark runs (bash bench/run-booking-engine.sh, beside a running Distans).
 */
describe('The API with video switched off', () => {
  let t: TestApp;
  const workerBin = process.env.MEDIASOUP_WORKER_BIN;

  beforeAll(async () => {
    delete process.env.MEDIASOUP_WORKER_BIN;
    t = await createTestApp({ MEDIA_ENABLED: 'false', MEDIA_WEBRTC_PORT: '44400' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    if (workerBin !== undefined) process.env.MEDIASOUP_WORKER_BIN = workerBin;
    await t.close();
  });

  it('should start without the worker binary and report video as off, not as a fault', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { media: { status: 'off', workers: [] } } });
  });

  it('should refuse to join a session with a clear reason', async () => {
    const world = await sessionWorld(t, { startInMinutes: 2 });
    const ticket = await ticketFor(t, world.bookingId, world.handler.token);
    const refused = await connect(listeningUrl(t), { ticket }).then(
      (socket) => {
        socket.close();
        throw new Error('the handshake should have been refused');
      },
      (error: Error & { data?: unknown }) => error,
    );
    expect(refused.message).toBe('Video is switched off on this server');
    expect(refused.data).toEqual({ code: 'INTERNAL', errorCode: 'SERVICE_UNAVAILABLE' });
  });
});
