import type { BookingStatus } from '@distans/contracts';
import { isVisitActive, type RoomScreenStatus, type Visit } from './room-api';

/** What the kiosk shows: the door, a visit (welcome, then the call), thanks or "could not join". */
export type KioskPhase =
  | { kind: 'door' }
  | { kind: 'visit'; visit: Visit }
  /** After a meeting that took place: thanks, and the survey of `bookingId`. */
  | { kind: 'thanks'; bookingId: string | null }
  | { kind: 'missed' };

/** The screen after a visit ended with `status`: thanks and the survey, "could not join", or the door. */
export function phaseAfterVisit(bookingId: string, status: BookingStatus): KioskPhase {
  switch (status) {
    case 'COMPLETED':
      return { kind: 'thanks', bookingId };
    case 'HANDLER_MISSED':
      return { kind: 'missed' };
    // BOOKED and the rest: not ended at all (the check-in was undone, say), nobody is in the room for it.
    case 'CANCELLED':
    case 'NO_SHOW':
    case 'BOOKED':
    case 'CHECKED_IN':
    case 'IN_SESSION':
      return { kind: 'door' };
  }
}

export interface CallProgress {
  /** The kiosk is in the call right now. */
  joined: boolean;
  /** The kiosk was in the call at some point of this visit. */
  everJoined: boolean;
}

/**
 * Where a new status answer takes the kiosk: a checked-in visit starts (also right after a
 * reload), a visit's details follow the status, and a visit that has gone from the status ends
 * the way the status says it ended. The live 'booking.changed' event is only the fast path to the
 * same screens, so a kiosk whose socket missed it still thanks the visitor. Null: stay as it is.
 * `ended` names the booking that is over on this screen from now on.
 */
export function followStatus(
  phase: KioskPhase,
  status: RoomScreenStatus,
  finished: ReadonlySet<string>,
  call: CallProgress,
): { phase: KioskPhase; ended?: string } | null {
  const listed = isVisitActive(status.visit) && !finished.has(status.visit.bookingId) ? status.visit : null;
  switch (phase.kind) {
    case 'thanks':
    case 'missed':
      return null;
    case 'door':
      return listed ? { phase: { kind: 'visit', visit: listed } } : null;
    case 'visit': {
      const current = phase.visit;
      if (listed?.bookingId === current.bookingId) {
        const changed =
          listed.status !== current.status ||
          listed.localStart !== current.localStart ||
          listed.handlerReminded !== current.handlerReminded;
        return changed ? { phase: { kind: 'visit', visit: listed } } : null;
      }
      // A meeting running past its slot drops out of the status; the call's own end decides then.
      if (call.joined) return null;
      if (listed) return { phase: { kind: 'visit', visit: listed }, ended: current.bookingId };
      const endedHere = status.endedVisit?.bookingId === current.bookingId ? status.endedVisit.status : null;
      // Without a known end (the visit was moved to another room, say): thanks if the call took place.
      const next = endedHere
        ? phaseAfterVisit(current.bookingId, endedHere)
        : call.everJoined
          ? phaseAfterVisit(current.bookingId, 'COMPLETED')
          : { kind: 'door' as const };
      return { phase: next, ended: current.bookingId };
    }
  }
}
