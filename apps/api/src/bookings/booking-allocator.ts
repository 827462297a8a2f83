import { Injectable } from '@nestjs/common';
import type { AccessibilityNeed, Language } from '@distans/contracts';
import {
  evaluateStart,
  localDateOf,
  LocalDay,
  addDays,
  PersonAvailability,
  SlotCandidates,
  Span,
} from '@distans/scheduling';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '../common/domain-errors';
import { AvailabilityLoader, CaseTypeRow, slotQuery } from './availability/availability.loader';
import { officeUnavailable, peopleUnavailable } from './availability/unavailable-reasons';
import { notFree, resolveInterpreter, startRefused, unavailable } from './refusals';
import { holdRange, insertHold, isHoldConflict, ResourceKind } from './resource-holds';

export interface AllocationRequest {
  caseTypeId: string;
  officeId: string;
  start: number;
  language: Language;
  /** As the caller asked; `resolveInterpreter` settles it (never for Swedish, always for sign language). */
  interpreter: boolean | undefined;
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
 *
 * Refusals come in the order a visitor can act on them: what was asked for (an interpreter for
 * Swedish), then what no time would cure (no interpreter for the language at all), then the start
 * itself, then whether that start is free. Their codes and texts are in refusals.ts.
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
    const interpreter = resolveInterpreter(request.language, request.interpreter, null);
    // A day either side: the office's zone decides which local date the start falls on.
    const utcDate = localDateOf(request.start, 'UTC');
    const { caseType, offices, people } = await this.loader.load(
      {
        caseTypeId: request.caseTypeId,
        filter: { officeIds: [request.officeId] },
        fromDate: addDays(utcDate, -1),
        toDate: addDays(utcDate, 1),
        language: request.language,
        interpreter,
        needs: request.needs,
      },
      tx,
    );
    if (!caseType) throw new NotFoundError('Case type not found');
    const office = offices[0];
    if (!office) throw new NotFoundError('Office not found');
    resolveInterpreter(request.language, request.interpreter, caseType);
    const facts = { language: request.language, needs: request.needs, officeName: office.name };
    const never = peopleUnavailable(people, interpreter) ?? officeUnavailable(office, request.needs);
    if (never) throw unavailable(never, facts);

    const evaluation = evaluateStart(slotQuery(caseType, office, people, now), request.start);
    if (!evaluation.bookable) {
      if (evaluation.reason !== 'no-capacity') {
        throw startRefused(evaluation.reason, { ...caseType, start: request.start, zone: office.zone, now });
      }
      throw notFree(missingKind(evaluation.candidates), facts);
    }

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
    const hold = (kind: ResourceKind, ids: string[]): Promise<string> =>
      this.holdFirstFree(tx, kind, ids, during, bookingId, () => notFree(kind, facts));

    const roomId = await hold('room', candidates.roomIds);
    const handlerId = await hold('handler', handlerIds);
    const interpreterId = interpreter ? await hold('interpreter', interpreterIds) : null;
    return { caseType, roomId, handlerId, interpreterId, start, end, holdUntil };
  }

  private async holdFirstFree(
    tx: EntityManager,
    kind: ResourceKind,
    candidateIds: string[],
    during: string,
    bookingId: string,
    taken: () => Error,
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
    throw taken();
  }
}

/** Which kind of resource left a start without capacity: the first one with no candidate. */
function missingKind(candidates: SlotCandidates | undefined): ResourceKind {
  if (!candidates || candidates.roomIds.length === 0) return 'room';
  if (candidates.handlerIds.length === 0) return 'handler';
  return 'interpreter';
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
