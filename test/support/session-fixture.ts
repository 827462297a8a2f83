import { io, type Socket } from 'socket.io-client';
import type {
  SessionAckFor,
  SessionClientToServer,
  SessionEvents,
  SessionRequests,
  SessionRequestType,
  SessionServerToClient,
} from '@distans/contracts';
import type { Actor } from '../../apps/api/src/common/request-context';
import { FrontDeskService } from '../../apps/api/src/office-operations/front-desk.service';
import { bookingWorld } from './booking-fixture';
import { Factory, login } from './factories';
import type { TestApp } from './test-app';

export interface SessionWorld {
  bookingId: string;
  roomId: string;
  roomName: string;
  officeId: string;
  staffId: string;
  handler: { id: string; token: string };
  interpreter: { id: string; token: string } | null;
  device: { id: string; token: string };
}

/**
 * A booking that starts `startInMinutes` from now (written straight to the database, because the
 * booking API rightly refuses times that close), with a logged-in handler, optionally an
 * interpreter, and a paired room device for the booked room.
 */
export async function sessionWorld(
  t: TestApp,
  options: { startInMinutes?: number; durationMin?: number; interpreter?: boolean; checkedIn?: boolean } = {},
): Promise<SessionWorld> {
  const world = await bookingWorld(t, { handlers: 0 });
  const f = new Factory(t.db);
  const handler = await f.user('HANDLER', { agencyId: world.agencyId, caseTypeIds: [world.caseTypeId] });
  const staff = await f.user('OFFICE_STAFF', { officeIds: [world.officeId] });
  const interpreter = options.interpreter ? await f.user('INTERPRETER', { languages: ['ar'] }) : null;
  const roomId = world.roomIds[0];
  const [room] = await t.db.query(`SELECT name FROM room WHERE id = $1`, [roomId]);
  const start = Date.now() + (options.startInMinutes ?? 5) * 60_000;
  const end = start + (options.durationMin ?? 30) * 60_000;
  const booking = await f.booking({
    agencyId: world.agencyId,
    caseTypeId: world.caseTypeId,
    officeId: world.officeId,
    roomId,
    handlerId: handler.id,
    ...(interpreter ? { interpreter: { id: interpreter.id, language: 'ar' } } : {}),
    start: new Date(start),
    end: new Date(end),
    bookedBy: staff.id,
  });
  const device = await f.roomDevice(roomId, staff.id);
  const result: SessionWorld = {
    bookingId: booking.id,
    roomId,
    roomName: room.name,
    officeId: world.officeId,
    staffId: staff.id,
    handler: { id: handler.id, token: await login(t, handler) },
    interpreter: interpreter ? { id: interpreter.id, token: await login(t, interpreter) } : null,
    device,
  };
  if (options.checkedIn) await checkIn(t, result);
  return result;
}

/**
 * What the office desk does when the visitor arrives, through the front-desk service itself (at
 * the booking's start, so that a world whose meeting is hours away can be checked in too).
 */
export async function checkIn(t: TestApp, world: SessionWorld): Promise<void> {
  const [booking]: { starts_at: Date }[] = await t.db.query(`SELECT starts_at FROM booking WHERE id = $1`, [
    world.bookingId,
  ]);
  const staff: Actor = {
    id: world.staffId,
    role: 'OFFICE_STAFF',
    agencyId: null,
    officeIds: [world.officeId],
    roomId: null,
    sessionId: null,
  };
  await t.app.get(FrontDeskService).checkIn(staff, world.bookingId, 'ID_CARD', booking.starts_at.getTime());
}

export async function ticketFor(t: TestApp, bookingId: string, token: string): Promise<string> {
  const res = await t.request('POST', `/bookings/${bookingId}/session-ticket`, { token });
  if (res.status !== 201) throw new Error(`ticket refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket as string;
}

export type SessionClient = Socket<SessionServerToClient, SessionClientToServer>;

/** Connects like a web client; rejects with the handshake refusal. */
export function connect(url: string, auth: Record<string, unknown>): Promise<SessionClient> {
  const socket: SessionClient = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export function ask<K extends SessionRequestType>(
  socket: SessionClient,
  type: K,
  data: SessionRequests[K]['req'],
): Promise<SessionAckFor<K>> {
  return (
    socket.timeout(10_000) as unknown as { emitWithAck(t: string, d: unknown): Promise<SessionAckFor<K>> }
  ).emitWithAck(type, data);
}

export async function ok<K extends SessionRequestType>(
  socket: SessionClient,
  type: K,
  data: SessionRequests[K]['req'],
): Promise<SessionRequests[K]['res']> {
  const response = await ask(socket, type, data);
  if (!response.ok) throw new Error(`${type} failed: ${JSON.stringify(response.error)}`);
  return response.data;
}

/** Collects every server event a client receives, to wait for or assert on. */
export class EventLog {
  readonly events: { type: keyof SessionEvents; data: unknown }[] = [];
  private waiters: { match: (e: { type: string; data: unknown }) => boolean; resolve: (d: any) => void }[] = [];

  constructor(socket: SessionClient) {
    socket.onAny((type: keyof SessionEvents, data: unknown) => {
      const event = { type, data };
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(event)) return true;
        w.resolve(data);
        return false;
      });
    });
  }

  of<K extends keyof SessionEvents>(type: K): SessionEvents[K][] {
    return this.events.filter((e) => e.type === type).map((e) => e.data as SessionEvents[K]);
  }

  next<K extends keyof SessionEvents>(
    type: K,
    where: (data: SessionEvents[K]) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<SessionEvents[K]> {
    const seen = this.of(type).find(where);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match: (e) => e.type === type && where(e.data as SessionEvents[K]),
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });
  }
}

export function listeningUrl(t: TestApp): string {
  const address = t.app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}/session`;
}
