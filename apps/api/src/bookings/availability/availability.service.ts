import type { AvailabilityView } from '@distans/contracts';
import { Injectable } from '@nestjs/common';
import { daysBetween, findFreeSlots, peopleStarts, utcOffsetAt } from '@distans/scheduling';
import { InvalidInputError, NotFoundError } from '../../common/domain-errors';
import { AvailabilityQueryDto } from '../dto/availability-query.dto';
import { resolveInterpreter } from '../refusals';
import { AvailabilityLoader, OfficeFilter, slotQuery } from './availability.loader';
import { officeUnavailable, searchUnavailable } from './unavailable-reasons';

export const MAX_AVAILABILITY_DAYS = 31;

/**
 * Public free-time search. It answers only when a qualified handler, a free room and (if asked)
 * an interpreter can all be had, and never says who the handler would be.
 */
@Injectable()
export class AvailabilityService {
  constructor(private readonly loader: AvailabilityLoader) {}

  async search(q: AvailabilityQueryDto, now = Date.now()): Promise<AvailabilityView> {
    const filter = this.filterOf(q);
    const days = daysBetween(q.from, q.to);
    if (days < 0)
      throw new InvalidInputError('to must not be before from', { details: { to: ['must not be before from'] } });
    if (days >= MAX_AVAILABILITY_DAYS) {
      throw new InvalidInputError(`Ask for at most ${MAX_AVAILABILITY_DAYS} days at a time`, {
        details: { to: [`must be within ${MAX_AVAILABILITY_DAYS - 1} days of from`] },
      });
    }

    // Refused before any query when the language settles it (Swedish with an interpreter).
    const interpreter = resolveInterpreter(q.language, q.interpreter, null);
    const { caseType, offices, people } = await this.loader.load({
      caseTypeId: q.caseType,
      filter,
      fromDate: q.from,
      toDate: q.to,
      language: q.language,
      interpreter,
      needs: q.accessibility,
    });
    if (!caseType) throw new NotFoundError('Case type not found');
    resolveInterpreter(q.language, q.interpreter, caseType);

    // Who is free does not depend on the office: work it out once for all offices searched.
    const sharedPeople = peopleStarts(caseType, people.handlers, people.interpreters);
    const officeReasons = offices.map((office) => officeUnavailable(office, q.accessibility));
    return {
      caseType: {
        id: caseType.id,
        durationMin: caseType.durationMin,
        nameSv: caseType.nameSv,
        nameEn: caseType.nameEn,
      },
      from: q.from,
      to: q.to,
      language: q.language,
      interpreter,
      unavailableReason: searchUnavailable(people, interpreter, officeReasons),
      offices: offices.map((office, index) => ({
        officeId: office.id,
        officeName: office.name,
        municipality: office.municipality,
        unavailableReason: officeReasons[index],
        days: findFreeSlots({
          ...slotQuery(caseType, office, people, now),
          people: sharedPeople,
          fromDate: q.from,
          toDate: q.to,
        }).map((day) => ({
          date: day.date,
          slots: day.slots.map((slot) => ({
            start: new Date(slot.start).toISOString(),
            local: slot.local,
            offset: utcOffsetAt(slot.start, office.zone),
          })),
        })),
      })),
    };
  }

  private filterOf(q: AvailabilityQueryDto): OfficeFilter {
    const given = [q.office, q.municipality, q.region].filter((v) => v !== undefined).length;
    if (given !== 1) {
      const message = 'give exactly one of office, municipality or region';
      throw new InvalidInputError('Say where: one office, a municipality or a region', {
        details: {
          office: [message],
          municipality: [message],
          region: [message],
        },
      });
    }
    if (q.office) return { officeIds: [q.office] };
    if (q.municipality) return { municipality: q.municipality };
    return { regionId: q.region! };
  }
}
