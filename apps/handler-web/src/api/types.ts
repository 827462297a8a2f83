import type { AgendaItem, BookingDetailView, BookingStatus } from '@distans/contracts';

export type {
  AgendaItem,
  AgendaView,
  BookingDetailView as BookingDetail,
  BookingEventView,
  LocalTimes,
  TokenPair,
  UserView as Profile,
} from '@distans/contracts';

/** What every screen needs to say about a booking, from either the agenda or the detail read. */
export interface BookingSummary {
  id: string;
  reference: string;
  status: BookingStatus;
  start: string;
  end: string;
  officeName: string;
  roomName: string;
  caseType: { nameSv: string; nameEn: string };
  interpreterNeeded: boolean;
}

export function summaryOf(item: AgendaItem | BookingDetailView): BookingSummary {
  return {
    id: item.id,
    reference: item.reference,
    status: item.status,
    start: item.start,
    end: item.end,
    officeName: item.office.name,
    roomName: item.room.name,
    caseType: { nameSv: item.caseType.nameSv, nameEn: item.caseType.nameEn },
    interpreterNeeded: 'events' in item ? item.interpreter !== null : item.interpreter.needed,
  };
}

/** The meeting can be joined once the visitor is checked in, and while it runs. */
export { isVisitUnderWay as isJoinable } from '@distans/contracts';
