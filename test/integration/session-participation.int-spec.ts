import {
  connect,
  listeningUrl,
  ok,
  SessionClient,
  sessionWorld,
  SessionWorld,
  ticketFor,
} from '../support/session-fixture';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Who took part in a meeting, and until when, must stay true when the API dies mid-meeting:
 * its grace timers die with it, so nobody records that the participants left.
 */
describe('Session participation after an API crash', () => {
  /** No job rounds: sets up the data, and plays an API that died without recording anything. */
  let t: TestApp;
  /** A job round every second: a holder that misses three rounds counts as gone. */
  let live: TestApp;
  const sockets: SessionClient[] = [];

  beforeAll(async () => {
    t = await createTestApp({ JOB_INTERVAL_SECONDS: '0' });
  });
  afterAll(() => t.close());

  const join = async (w: SessionWorld, token: string, app = live): Promise<void> => {
    const socket = await connect(listeningUrl(app), { ticket: await ticketFor(app, w.bookingId, token) });
    sockets.push(socket);
    const { rtpCapabilities } = await ok(socket, 'routerCapabilities', {});
    await ok(socket, 'join', { rtpCapabilities });
  };

  /** A participation as a process that then died would have left it. */
  const orphan = async (w: SessionWorld, seenSecondsAgo: number): Promise<string> => {
    const [row] = await t.db.query(
      `INSERT INTO session_participation (booking_id, peer_role, actor_id, joined_at, seen_at)
       VALUES ($1, 'HANDLER', $2, now() - make_interval(secs => $3 + 60), now() - make_interval(secs => $3))
       RETURNING id`,
      [w.bookingId, w.handler.id, seenSecondsAgo],
    );
    return row.id as string;
  };

  const participation = async (id: string) => {
    const [row] = await t.db.query(
      `SELECT left_at, seen_at, leave_reason, left_at = seen_at AS left_when_last_seen FROM session_participation WHERE id = $1`,
      [id],
    );
    return row as { left_at: Date | null; seen_at: Date; leave_reason: string | null; left_when_last_seen: boolean };
  };

  const eventually = async (check: () => Promise<boolean>, timeoutMs = 8000): Promise<void> => {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until) throw new Error('not within the time limit');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('should close, at start-up, what a dead API left open, as left when it was last seen', async () => {
    const w = await sessionWorld(t, { checkedIn: true });
    const dead = await orphan(w, 3600);
    // Rounds every 30 s: closed within 3 s means closed by the start-up itself.
    const restarted = await createTestApp({ JOB_INTERVAL_SECONDS: '30' });
    try {
      await eventually(async () => (await participation(dead)).left_at !== null, 3000);
      expect(await participation(dead)).toMatchObject({ leave_reason: 'DROPPED', left_when_last_seen: true });
    } finally {
      await restarted.close();
    }
  });

  describe('while an API runs', () => {
    beforeAll(async () => {
      live = await createTestApp({ JOB_INTERVAL_SECONDS: '1' });
      await live.app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      for (const socket of sockets) socket.close();
      await live.close();
    });

    it('should keep a live meeting open on every round, then close it by the sweep once its API is gone', async () => {
      const w = await sessionWorld(t, { checkedIn: true });
      await join(w, w.handler.token);
      const [{ id }] = await t.db.query(`SELECT id FROM session_participation WHERE booking_id = $1`, [w.bookingId]);
      // Longer than three rounds: only the holder's stamps keep it open.
      await new Promise((resolve) => setTimeout(resolve, 4500));
      const held = await participation(id);
      expect(held.left_at).toBeNull();
      expect(Date.now() - held.seen_at.getTime()).toBeLessThan(2500);

      // A row that no running API holds (its API died): the sweep closes it within a few rounds.
      const gone = await orphan(w, 0);
      await eventually(async () => (await participation(gone)).left_at !== null);
      expect(await participation(gone)).toMatchObject({ leave_reason: 'DROPPED', left_when_last_seen: true });
      expect((await participation(id)).left_at).toBeNull();
    });

    it('should close the old participation as replaced when the same person joins again after a restart', async () => {
      const w = await sessionWorld(t, { checkedIn: true });
      const before = await orphan(w, 0);
      await join(w, w.handler.token);
      expect(await participation(before)).toMatchObject({ leave_reason: 'REPLACED', left_at: expect.any(Date) });
      const open = await t.db.query(
        `SELECT 1 FROM session_participation WHERE booking_id = $1 AND actor_id = $2 AND left_at IS NULL`,
        [w.bookingId, w.handler.id],
      );
      expect(open).toHaveLength(1);
    });
  });
});
