import {
  NotificationSender,
  OutgoingMessage,
  SenderRoutes,
} from '../../apps/api/src/notifications/notification-sender';
import { OUTBOX_MAX_ATTEMPTS, OutboxDispatcher } from '../../apps/api/src/notifications/outbox-dispatcher';
import { bookingWorld, futureDate } from '../support/booking-fixture';
import { bookPublicly } from '../support/operations-fixture';
import { createTestApp, TestApp, unique } from '../support/test-app';

/** Remembers what it was asked to send; fails while `failWith` is set. */
class FakeSender implements NotificationSender {
  readonly name = 'fake';
  readonly sent: OutgoingMessage[] = [];
  failWith: string | null = null;

  async send(message: OutgoingMessage): Promise<void> {
    if (this.failWith) throw new Error(this.failWith);
    // A little latency, so that concurrent dispatchers really overlap.
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.sent.push(message);
  }
}

describe(OutboxDispatcher.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ JOB_INTERVAL_SECONDS: '0' });
  });
  afterAll(() => t.close());

  /** A booking with a recipient of its own, so other test data in the outbox does not matter. */
  const bookWithOwnContact = async (locale: 'sv' | 'en' = 'sv') => {
    const world = await bookingWorld(t);
    const email = `${unique('visitor')}@example.se`.toLowerCase();
    const booking = await bookPublicly(t, world, futureDate(5), '10:00', {
      locale,
      citizen: { name: 'A. Andersson', email, phone: '+46 70 123 45 67' },
    });
    return { booking, email };
  };

  const outbox = async (bookingId: string, channel: 'EMAIL' | 'SMS') => {
    const [row] = await t.db.query(
      `SELECT attempts, sent_at, last_error, next_attempt_at FROM notification_outbox WHERE booking_id = $1 AND channel = $2`,
      [bookingId, channel],
    );
    return row as { attempts: number; sent_at: Date | null; last_error: string | null; next_attempt_at: Date };
  };

  it('should send due messages through the channel’s sender once and mark them sent', async () => {
    const { booking, email } = await bookWithOwnContact('en');
    const mail = new FakeSender();
    const sms = new FakeSender();
    const dispatcher = new OutboxDispatcher(t.db, { EMAIL: mail, SMS: sms });

    await dispatcher.dispatchDue();

    const sentMail = mail.sent.filter((m) => m.recipient === email);
    expect(sentMail).toHaveLength(1);
    expect(sentMail[0]).toMatchObject({
      channel: 'EMAIL',
      locale: 'en',
      subject: `Booking confirmation ${booking.reference}`,
    });
    expect(sentMail[0].body).toContain('at 10:00');
    expect(sms.sent.filter((m) => m.subject.includes(booking.reference))).toHaveLength(1);
    expect(await outbox(booking.id, 'EMAIL')).toMatchObject({
      attempts: 1,
      last_error: null,
      sent_at: expect.any(Date),
    });
    expect(await outbox(booking.id, 'SMS')).toMatchObject({ attempts: 1, sent_at: expect.any(Date) });

    await dispatcher.dispatchDue(new Date(Date.now() + 86_400_000));
    expect(mail.sent.filter((m) => m.recipient === email)).toHaveLength(1);
  });

  it('should leave a text message unsent without an SMS provider, and stop retrying after the last attempt', async () => {
    const { booking } = await bookWithOwnContact();
    const routes: SenderRoutes = { EMAIL: new FakeSender(), SMS: null };
    const dispatcher = new OutboxDispatcher(t.db, routes);
    const now = new Date();

    await dispatcher.dispatchDue(now);
    const first = await outbox(booking.id, 'SMS');
    expect(first).toMatchObject({ attempts: 1, sent_at: null, last_error: 'no SMS provider configured' });
    expect(first.next_attempt_at.getTime()).toBe(now.getTime() + 60_000);
    expect(await outbox(booking.id, 'EMAIL')).toMatchObject({ sent_at: expect.any(Date) });

    // Not due yet: nothing happens.
    await dispatcher.dispatchDue(now);
    expect((await outbox(booking.id, 'SMS')).attempts).toBe(1);

    // Each retry waits twice as long as the one before.
    await dispatcher.dispatchDue(new Date(now.getTime() + 61_000));
    const second = await outbox(booking.id, 'SMS');
    expect(second.attempts).toBe(2);
    expect(second.next_attempt_at.getTime()).toBe(now.getTime() + 61_000 + 120_000);

    for (let day = 1; day <= OUTBOX_MAX_ATTEMPTS + 3; day += 1) {
      await dispatcher.dispatchDue(new Date(now.getTime() + day * 86_400_000));
    }
    expect(await outbox(booking.id, 'SMS')).toMatchObject({
      attempts: OUTBOX_MAX_ATTEMPTS,
      sent_at: null,
      last_error: 'no SMS provider configured',
    });
  });

  it('should record a failing provider’s error and send on a later attempt', async () => {
    const { booking, email } = await bookWithOwnContact();
    const mail = new FakeSender();
    mail.failWith = '421 mail server busy';
    const dispatcher = new OutboxDispatcher(t.db, { EMAIL: mail, SMS: new FakeSender() });
    const now = new Date();

    await dispatcher.dispatchDue(now);
    expect(await outbox(booking.id, 'EMAIL')).toMatchObject({
      attempts: 1,
      sent_at: null,
      last_error: '421 mail server busy',
    });

    mail.failWith = null;
    await dispatcher.dispatchDue(new Date(now.getTime() + 61_000));
    expect(await outbox(booking.id, 'EMAIL')).toMatchObject({
      attempts: 2,
      sent_at: expect.any(Date),
      last_error: null,
    });
    expect(mail.sent.filter((m) => m.recipient === email)).toHaveLength(1);
  });

  it('should send each message exactly once when several instances dispatch at the same time', async () => {
    const made = await Promise.all([1, 2, 3, 4, 5].map(() => bookWithOwnContact()));
    const mail = new FakeSender();
    const dispatchers = [1, 2, 3].map(() => new OutboxDispatcher(t.db, { EMAIL: mail, SMS: new FakeSender() }));

    await Promise.all(dispatchers.map((d) => d.dispatchDue()));

    for (const { email } of made) expect(mail.sent.filter((m) => m.recipient === email)).toHaveLength(1);
  });

  it('should keep messages waiting, with the reason, when no provider is configured outside demo mode', async () => {
    const { booking } = await bookWithOwnContact();
    await t.app.get(OutboxDispatcher).dispatchDue();
    expect(await outbox(booking.id, 'EMAIL')).toMatchObject({
      sent_at: null,
      last_error: 'no e-mail provider configured',
    });
    expect(await outbox(booking.id, 'SMS')).toMatchObject({ sent_at: null, last_error: 'no SMS provider configured' });
  });
});
