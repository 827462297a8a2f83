import { isVisitUnderWay, type DoorSlot, type RoomVisit as Visit } from '@distans/contracts';

export type {
  DoorSlot,
  PairedDeviceView as PairedDevice,
  RoomScreenStatus,
  RoomVisit as Visit,
} from '@distans/contracts';
export type DoorSlotState = DoorSlot['state'];

/** Statuses in which the visitor is in the room and the kiosk should be in (or joining) the call. */
export function isVisitActive(visit: Visit | null): visit is Visit {
  return visit !== null && isVisitUnderWay(visit.status);
}

/** The slot running at `now` and the one after it, from the slots of the last status answer. */
export function currentAndNext(slots: DoorSlot[], now: number): { current: DoorSlot | null; next: DoorSlot | null } {
  const current = slots.find((s) => Date.parse(s.start) <= now && Date.parse(s.end) > now) ?? null;
  const next = slots.find((s) => Date.parse(s.start) > now) ?? null;
  return { current, next };
}

/**
 * The HTTP status of an error thrown by the API client or by the call engine, when it has one.
 * The engine's error type is not part of the contract, so accept the usual spellings.
 */
export function httpStatusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const candidate = error as { status?: unknown; statusCode?: unknown; body?: { statusCode?: unknown } | null };
  for (const value of [candidate.status, candidate.statusCode, candidate.body?.statusCode]) {
    if (typeof value === 'number') return value;
  }
  return null;
}
