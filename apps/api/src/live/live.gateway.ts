import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { OnGatewayConnection, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LIVE_NAMESPACE,
  type BookingChangedEvent,
  type HandlerReminderEvent,
  type LiveServerEvents,
  type StaffCallAcknowledgedEvent,
  type StaffCallEvent,
} from '@distans/contracts';
import type { Namespace, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import { AuthGuard } from '../auth/auth.guard';
import type { Actor } from '../common/request-context';
import {
  BookingChangedNotice,
  DatabaseNotifications,
  HandlerReminderNotice,
  StaffCallAcknowledgedNotice,
  StaffCallNotice,
} from './database-notifications';

/** Admins run every office: they hear what every office's console hears. */
const ALL_OFFICES = 'offices:all';

const officeRooms = (officeId: string): string[] => [`office:${officeId}`, ALL_OFFICES];

/** Socket.io rooms a caller may hear: their own bookings, their offices, or their one room. */
export function liveRoomsFor(actor: Actor): string[] {
  switch (actor.role) {
    case 'HANDLER':
      return [`handler:${actor.id}`];
    case 'INTERPRETER':
      return [`interpreter:${actor.id}`];
    case 'OFFICE_STAFF':
      return actor.officeIds.map((id) => `office:${id}`);
    case 'ROOM_DEVICE':
      return actor.roomId ? [`room:${actor.roomId}`] : [];
    case 'ADMIN':
      return [ALL_OFFICES];
  }
}

/**
 * Live status for the handler's agenda, the office and the room screen. Authenticated in the
 * handshake (guards do not run on connection) with the same bearer credentials as REST; the
 * caller's rooms come from who they are, never from anything the client asks for.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, cors: { origin: false } })
export class LiveGateway implements OnGatewayConnection, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveGateway.name);
  @WebSocketServer() private readonly server: Namespace<Record<string, never>, LiveServerEvents>;

  private readonly onBooking = (notice: BookingChangedNotice): void => this.bookingChanged(notice);
  private readonly onStaffCall = (notice: StaffCallNotice): void => void this.staffCalled(notice);
  private readonly onStaffCallAcknowledged = (notice: StaffCallAcknowledgedNotice): void =>
    this.staffCallAcknowledged(notice);
  private readonly onHandlerReminder = (notice: HandlerReminderNotice): void => this.handlerReminded(notice);

  constructor(
    private readonly guard: AuthGuard,
    private readonly notifications: DatabaseNotifications,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.notifications.on('booking_changed', this.onBooking);
    this.notifications.on('staff_call', this.onStaffCall);
    this.notifications.on('staff_call_acknowledged', this.onStaffCallAcknowledged);
    this.notifications.on('handler_reminder', this.onHandlerReminder);
  }

  onModuleDestroy(): void {
    this.notifications.off('booking_changed', this.onBooking);
    this.notifications.off('staff_call', this.onStaffCall);
    this.notifications.off('staff_call_acknowledged', this.onStaffCallAcknowledged);
    this.notifications.off('handler_reminder', this.onHandlerReminder);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    try {
      if (typeof token !== 'string' || token.length > 4096) throw new Error('no token');
      const actor = await this.guard.resolve(token);
      await socket.join(liveRoomsFor(actor));
    } catch {
      socket.emit('error' as never, { message: 'Not authenticated' });
      socket.disconnect(true);
    }
  }

  private bookingChanged(notice: BookingChangedNotice): void {
    const event: BookingChangedEvent = {
      bookingId: notice.bookingId,
      status: notice.status as BookingChangedEvent['status'],
      officeId: notice.officeId,
      roomId: notice.roomId,
    };
    const rooms = [`handler:${notice.handlerId}`, ...officeRooms(notice.officeId), `room:${notice.roomId}`];
    if (notice.interpreterId) rooms.push(`interpreter:${notice.interpreterId}`);
    if (notice.previousRoomId && notice.previousRoomId !== notice.roomId) rooms.push(`room:${notice.previousRoomId}`);
    this.server.to(rooms).emit('booking.changed', event);
  }

  private async staffCalled(notice: StaffCallNotice): Promise<void> {
    try {
      const [room]: { name: string }[] = await this.db.query(`SELECT name FROM room WHERE id = $1`, [notice.roomId]);
      const event: StaffCallEvent = { ...notice, roomName: room?.name ?? '' };
      this.server.to(officeRooms(notice.officeId)).emit('staff.call', event);
    } catch (error) {
      this.logger.warn(`Could not relay a staff call: ${(error as Error).message}`);
    }
  }

  /** The consoles drop the call; the room screen tells the visitor that someone is coming. */
  private staffCallAcknowledged(notice: StaffCallAcknowledgedNotice): void {
    const event: StaffCallAcknowledgedEvent = { ...notice };
    this.server.to([...officeRooms(notice.officeId), `room:${notice.roomId}`]).emit('staff.call.acknowledged', event);
  }

  /** Only the handler is reminded; the office and the room hear of it as a booking change. */
  private handlerReminded(notice: HandlerReminderNotice): void {
    const event: HandlerReminderEvent = {
      bookingId: notice.bookingId,
      officeId: notice.officeId,
      roomId: notice.roomId,
      at: notice.at,
    };
    this.server.to(`handler:${notice.handlerId}`).emit('handler.reminder', event);
  }
}
