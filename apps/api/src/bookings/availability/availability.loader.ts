import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccessibilityNeed, Language, WeeklyIntervalDto } from '@distans/contracts';
import {
  addDays,
  DatedException,
  IsoDate,
  normalizeSpans,
  OfficeCalendar,
  openSpansBetween,
  PersonAvailability,
  RoomAvailability,
  SlotQuery,
  Span,
  subtractSpans,
  workingSpansBetween,
} from '@distans/scheduling';
import { DataSource, EntityManager } from 'typeorm';

export interface CaseTypeRow {
  id: string;
  agencyId: string;
  durationMin: number;
  bufferAfterMin: number;
  minNoticeMin: number;
  maxDaysAhead: number;
  interpreterAllowed: boolean;
  idCheckRequired: boolean;
  nameSv: string;
  nameEn: string;
}

export interface OfficeInput {
  id: string;
  name: string;
  municipality: string;
  zone: string;
  openSpans: Span[];
  /** The active rooms that meet the needs asked for. */
  rooms: (RoomAvailability & { name: string })[];
  /** Active rooms at the office, whatever their equipment: tells "none has the need" from "none at all". */
  activeRoomCount: number;
}

export interface PeopleInput {
  /** Handlers of the case type who speak the language (Swedish when an interpreter is booked). */
  handlers: PersonAvailability[];
  /** Only when an interpreter was asked for. */
  interpreters?: PersonAvailability[];
  /** Active handlers of the case type in any language: tells "nobody speaks it" from "nobody at all". */
  caseTypeHandlerCount: number;
}

/**
 * The scheduling library's question about one office: built here once, for the free-time search
 * and for taking a booking alike, so both answer by the same rules.
 */
export function slotQuery(caseType: CaseTypeRow, office: OfficeInput, people: PeopleInput, now: number): SlotQuery {
  return {
    caseType,
    now,
    zone: office.zone,
    openSpans: office.openSpans,
    rooms: office.rooms,
    handlers: people.handlers,
    interpreters: people.interpreters,
  };
}

export type OfficeFilter = { officeIds: string[] } | { municipality: string } | { regionId: string };

export interface AvailabilityRequest {
  caseTypeId: string;
  filter: OfficeFilter;
  fromDate: IsoDate;
  toDate: IsoDate;
  /** The visitor's language. Without an interpreter the handler must speak it. */
  language: Language;
  interpreter: boolean;
  /** Needs that rule out some rooms (step-free access, hearing loop). */
  needs?: AccessibilityNeed[];
}

type RawSpan = [number, number];
interface OfficeRow {
  id: string;
  name: string;
  municipality: string;
  zone: string;
  weeklyHours: WeeklyIntervalDto[];
  closedOnPublicHolidays: boolean;
  exceptions: DatedException[];
  rooms: { id: string; name: string; busy: RawSpan[] }[];
  activeRoomCount: number;
}
interface PersonRow {
  id: string;
  role: 'HANDLER' | 'INTERPRETER';
  zone: string;
  weeklyHours: WeeklyIntervalDto[];
  absences: RawSpan[];
  busy: RawSpan[];
}

const toSpans = (raw: RawSpan[]): Span[] => raw.map(([start, end]) => ({ start, end }));

/**
 * Loads everything availability and allocation need in two set-based statements: one for the
 * case type, offices, rooms and room holds; one for the qualified people with their hours,
 * absences and holds. No per-slot, per-office or per-person queries.
 *
 * The time window is widened by a day on each side so that spans crossing local midnight (and
 * the UTC offset of the zone) are never cut off.
 */
@Injectable()
export class AvailabilityLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(
    request: AvailabilityRequest,
    manager: EntityManager = this.db.manager,
  ): Promise<{ caseType: CaseTypeRow | null; offices: OfficeInput[]; people: PeopleInput }> {
    const windowFrom = addDays(request.fromDate, -1);
    const windowTo = addDays(request.toDate, 2);
    const [officeFilterSql, officeFilterValue] = officeFilter(request.filter);

    const [first]: {
      case_type: CaseTypeRow | null;
      offices: OfficeRow[] | null;
      case_type_handlers: number;
    }[] = await manager.query(
      `WITH window_range AS (SELECT tstzrange($2::date::timestamptz - interval '14 hours', $3::date::timestamptz + interval '14 hours') AS r),
            selected AS (
              SELECT o.id, o.name, o.municipality, o.time_zone, o.weekly_hours, o.closed_on_public_holidays
                FROM office o WHERE o.active AND ${officeFilterSql})
       SELECT
         (SELECT json_build_object('id', ct.id, 'agencyId', ct.agency_id, 'durationMin', ct.duration_min,
                   'bufferAfterMin', ct.buffer_after_min, 'minNoticeMin', ct.min_notice_min,
                   'maxDaysAhead', ct.max_days_ahead, 'interpreterAllowed', ct.interpreter_allowed,
                   'idCheckRequired', ct.id_check_required, 'nameSv', ct.name_sv, 'nameEn', ct.name_en)
            FROM case_type ct WHERE ct.id = $1 AND ct.active) AS case_type,
         (SELECT json_agg(json_build_object(
                   'id', o.id, 'name', o.name, 'municipality', o.municipality, 'zone', o.time_zone,
                   'weeklyHours', o.weekly_hours, 'closedOnPublicHolidays', o.closed_on_public_holidays,
                   'exceptions', COALESCE((
                      SELECT json_agg(json_build_object('date', to_char(e.date, 'YYYY-MM-DD'), 'closed', e.closed, 'intervals', e.intervals))
                        FROM office_exception e WHERE e.office_id = o.id AND e.date BETWEEN $2::date AND $3::date), '[]'),
                   'rooms', COALESCE((
                      SELECT json_agg(json_build_object('id', r.id, 'name', r.name, 'busy', COALESCE((
                               SELECT json_agg(json_build_array(extract(epoch FROM lower(h.during)) * 1000, extract(epoch FROM upper(h.during)) * 1000))
                                 FROM resource_hold h, window_range w
                                WHERE h.resource_kind = 'room' AND h.resource_id = r.id AND h.during && w.r), '[]')) ORDER BY r.name)
                        FROM room r WHERE r.office_id = o.id AND r.active
                         AND (NOT $5 OR r.step_free) AND (NOT $6 OR 'hearing-loop' = ANY (r.equipment))), '[]'),
                   'activeRoomCount', (SELECT count(*) FROM room r WHERE r.office_id = o.id AND r.active)
                 ) ORDER BY o.name)
            FROM selected o) AS offices,
         (SELECT count(*)::int FROM handler_case_type h JOIN app_user u ON u.id = h.user_id
           WHERE h.case_type_id = $1 AND u.active AND u.role = 'HANDLER') AS case_type_handlers`,
      [
        request.caseTypeId,
        windowFrom,
        windowTo,
        officeFilterValue,
        request.needs?.includes('STEP_FREE_ACCESS') ?? false,
        request.needs?.includes('HEARING_LOOP') ?? false,
      ],
    );
    const caseType = first?.case_type ?? null;
    if (!caseType) return { caseType: null, offices: [], people: { handlers: [], caseTypeHandlerCount: 0 } };

    // With an interpreter the handler speaks Swedish and the interpreter bridges to the visitor.
    const handlerLanguage = request.interpreter ? 'sv' : request.language;
    const people: PersonRow[] = await manager.query(
      `WITH window_range AS (SELECT tstzrange($3::date::timestamptz - interval '14 hours', $4::date::timestamptz + interval '14 hours') AS r),
            qualified AS (
              SELECT u.id, u.role, u.time_zone, u.weekly_hours FROM app_user u
               WHERE u.active AND u.role = 'HANDLER' AND $5::text = ANY (u.languages)
                 AND EXISTS (SELECT 1 FROM handler_case_type h WHERE h.user_id = u.id AND h.case_type_id = $1)
              UNION ALL
              SELECT u.id, u.role, u.time_zone, u.weekly_hours FROM app_user u
               WHERE $2 AND u.active AND u.role = 'INTERPRETER' AND $6::text = ANY (u.languages))
       SELECT q.id, q.role, q.time_zone AS zone, q.weekly_hours AS "weeklyHours",
              COALESCE((SELECT json_agg(json_build_array(extract(epoch FROM a.starts_at) * 1000, extract(epoch FROM a.ends_at) * 1000))
                          FROM user_absence a, window_range w
                         WHERE a.user_id = q.id AND tstzrange(a.starts_at, a.ends_at) && w.r), '[]') AS absences,
              COALESCE((SELECT json_agg(json_build_array(extract(epoch FROM lower(h.during)) * 1000, extract(epoch FROM upper(h.during)) * 1000))
                          FROM resource_hold h, window_range w
                         WHERE h.resource_kind = lower(q.role) AND h.resource_id = q.id AND h.during && w.r), '[]') AS busy
         FROM qualified q`,
      [request.caseTypeId, request.interpreter, windowFrom, windowTo, handlerLanguage, request.language],
    );

    // Most people share one of a handful of weekly patterns. Expanding weekly hours into dated
    // spans dominated this loader's time (a zone lookup per person and day), so each pattern is
    // expanded once per request and each person's absences are cut out of the shared result;
    // the spans are exactly those of workingSpansBetween(hours, zone, absences, ...).
    const patterns = new Map<string, Span[]>();
    const workingOf = (person: PersonRow): Span[] => {
      const key = `${person.zone}\n${JSON.stringify(person.weeklyHours)}`;
      let pattern = patterns.get(key);
      if (!pattern) {
        pattern = workingSpansBetween(person.weeklyHours, person.zone, [], windowFrom, windowTo);
        patterns.set(key, pattern);
      }
      return person.absences.length === 0 ? pattern : subtractSpans(pattern, normalizeSpans(toSpans(person.absences)));
    };
    const handlers: PersonAvailability[] = [];
    const interpreters: PersonAvailability[] = [];
    for (const person of people) {
      const busy = toSpans(person.busy);
      (person.role === 'HANDLER' ? handlers : interpreters).push({ id: person.id, working: workingOf(person), busy });
    }

    const offices = (first.offices ?? []).map((office): OfficeInput => {
      const calendar: OfficeCalendar = {
        zone: office.zone,
        weekly: office.weeklyHours,
        exceptions: office.exceptions,
        closedOnPublicHolidays: office.closedOnPublicHolidays,
      };
      return {
        id: office.id,
        name: office.name,
        municipality: office.municipality,
        zone: office.zone,
        // Through the day after: the last meeting of a day may end after midnight, at an office
        // open around the clock.
        openSpans: openSpansBetween(calendar, request.fromDate, addDays(request.toDate, 1)),
        rooms: office.rooms.map((room) => ({ id: room.id, name: room.name, busy: toSpans(room.busy) })),
        activeRoomCount: office.activeRoomCount,
      };
    });

    return {
      caseType,
      offices,
      people: {
        handlers,
        ...(request.interpreter ? { interpreters } : {}),
        caseTypeHandlerCount: first.case_type_handlers,
      },
    };
  }
}

function officeFilter(filter: OfficeFilter): [string, unknown] {
  if ('officeIds' in filter) return ['o.id = ANY ($4::uuid[])', filter.officeIds];
  if ('municipality' in filter) return ['lower(o.municipality) = lower($4::text)', filter.municipality];
  return ['o.region_id = $4::uuid', filter.regionId];
}
