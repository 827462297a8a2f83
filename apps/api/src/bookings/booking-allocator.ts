import { Injectable } from '@nestjs/common';
import type { AccessibilityNeed, Language } from '@distans/contracts';
import {
  evaluateStart,
  localDateOf,
  LocalDay,
  addDays,
  PersonAvailability,
  Span,
  swedishPublicHoliday,
  UnbookableReason,
} from '@distans/scheduling';
import { EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { AvailabilityLoader, CaseTypeRow, slotQuery } from './availability/availability.loader';
import { holdRange, insertHold, isHoldConflict, ResourceKind } from './resource-holds';

export interface AllocationRequest {
  caseTypeId: string;
  officeId: string;
  start: number;
  language: Language;
  interpreter: boolean;
  needs: AccessibilityNeed[];
}

export interface Allocation {
  caseType: CaseTypeRow;
  roomId: string;
  handlerId: string;
  interpreterId: string | null;
  start: Date;
  end: Date;
  holdUntil: Date;
}

/**
 * Picks and holds a room, a handler and (if asked) an interpreter for one start, inside the
 * caller's transaction. Candidates come from the same rules as availability; the holds are then
 * taken one resource at a time, each in a savepoint. When the database's exclusion constraint
 * says a candidate was taken meanwhile (a concurrent booking committed first), the next candidate
 * is tried. Only when every candidate of a kind is gone does the caller get a 409.
 *
 * The holds are taken for the caller's booking id: a new booking's id is made by the caller
 * before its row exists (the holds' foreign key is deferred to commit), and a booking that moves
 * keeps its own.
 */
@Injectable()
export class BookingAllocator {
  constructor(private readonly loader: AvailabilityLoader) {}

  async allocate(
    tx: EntityManager,
    bookingId: string,
    request: AllocationRequest,
    now = Date.now(),
  ): Promise<Allocation> {
    // A day either side: the office's zone decides which local date the start falls on.
    const utcDate = localDateOf(request.start, 'UTC');
    const { caseType, offices, people } = await this.loader.load(
      {
        caseTypeId: request.caseTypeId,
        filter: { officeIds: [request.officeId] },
        fromDate: addDays(utcDate, -1),
        toDate: addDays(utcDate, 1),
        language: request.language,
        interpreter: request.interpreter,
        needs: request.needs,
      },
      tx,
    );
    if (!caseType) throw new NotFoundError('Case type not found');
    const office = offices[0];
    if (!office) throw new NotFoundError('Office not found');
    if (request.interpreter && !caseType.interpreterAllowed) {
      throw new InvalidInputError('This case type cannot be booked with an interpreter', {
        details: { interpreter: ['is not offered for this case type'] },
      });
    }

    const evaluation = evaluateStart(slotQuery(caseType, office, people, now), request.start);
    if (!evaluation.bookable) throw this.unbookable(evaluation.reason, caseType, request, office.zone);

    const day: Span = {
      start: new LocalDay(localDateOf(request.start, office.zone), office.zone).start,
      end: new LocalDay(addDays(localDateOf(request.start, office.zone), 1), office.zone).start,
    };
    const { candidates } = evaluation;
    const handlerIds = leastLoadedFirst(candidates.handlerIds, people.handlers, day);
    const interpreterIds = leastLoadedFirst(candidates.interpreterIds ?? [], people.interpreters ?? [], day);

    const start = new Date(request.start);
    const end = new Date(request.start + caseType.durationMin * 60_000);
    const holdUntil = new Date(end.getTime() + caseType.bufferAfterMin * 60_000);
    const during = holdRange(start, holdUntil);

    const roomId = await this.holdFirstFree(tx, 'room', candidates.roomIds, during, bookingId);
    const handlerId = await this.holdFirstFree(tx, 'handler', handlerIds, during, bookingId);
    const interpreterId = request.interpreter
      ? await this.holdFirstFree(tx, 'interpreter', interpreterIds, during, bookingId)
      : null;
    return { caseType, roomId, handlerId, interpreterId, start, end, holdUntil };
  }

  private async holdFirstFree(
    tx: EntityManager,
    kind: ResourceKind,
    candidateIds: string[],
    during: string,
    bookingId: string,
  ): Promise<string> {
    for (const id of candidateIds) {
      await tx.query('SAVEPOINT take_hold');
      try {
        await insertHold(tx, { kind, resourceId: id, during, bookingId });
        await tx.query('RELEASE SAVEPOINT take_hold');
        return id;
      } catch (error) {
        if (!isHoldConflict(error)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT take_hold');
      }
    }
    throw new ConflictError(
      `That time was just taken: no ${kind === 'room' ? 'room' : kind} is free any more. Please choose another time.`,
    );
  }

  private unbookable(reason: UnbookableReason, caseType: CaseTypeRow, request: AllocationRequest, zone: string): Error {
    const field = (message: string): InvalidInputError =>
      new InvalidInputError(message, { details: { start: [message] } });
    switch (reason) {
      case 'not-on-grid':
        return field('Meetings start on the quarter hour (for example 10:00, 10:15, 10:30)');
      case 'too-soon':
        return field(`This meeting must be booked at least ${formatNotice(caseType.minNoticeMin)} ahead`);
      case 'too-far-ahead':
        return field(`This meeting can be booked at most ${caseType.maxDaysAhead} days ahead`);
      case 'closed-day': {
        const holiday = swedishPublicHoliday(localDateOf(request.start, zone));
        return field(
          holiday ? `The office is closed on that day (${holiday.name})` : 'The office is closed on that day',
        );
      }
      case 'outside-opening-hours':
        return field('The meeting must start and end within the office’s opening hours');
      case 'no-capacity':
        return new ConflictError('That time is not available. Please choose another time from the list of free times.');
    }
  }
}

function leastLoadedFirst(ids: string[], people: PersonAvailability[], day: Span): string[] {
  const load = new Map<string, number>();
  for (const person of people) {
    let minutes = 0;
    for (const busy of person.busy) {
      minutes += Math.max(0, Math.min(busy.end, day.end) - Math.max(busy.start, day.start)) / 60_000;
    }
    load.set(person.id, minutes);
  }
  return [...ids].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a.localeCompare(b));
}

function formatNotice(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day(s)`;
  if (minutes % 60 === 0) return `${minutes / 60} hour(s)`;
  return `${minutes} minutes`;
}
