import { seededRandom } from '../testing/spec-helpers';
import { IsoDate, datesBetween } from './iso-date';
import { OfficeCalendar, openSpansBetween } from './opening-hours';
import {
  CaseTypeTiming,
  DaySlots,
  PersonAvailability,
  SlotSearch,
  candidatesAt,
  evaluateStart,
  explainUnbookable,
  findFreeSlots,
  isOnGrid,
  peopleStarts,
} from './slots';
import { Span } from './spans';
import { WeeklyInterval, formatLocalTime, parseLocalTime } from './weekly-hours';
import { workingSpansBetween } from './working-hours';
import { LocalDay, wallClockGrid, wallClockToInstant } from './zone-clock';

const ZONE = 'Europe/Stockholm';
const at = (iso: string): number => Date.parse(iso);
const iso = (instant: number): string => new Date(instant).toISOString();
const minutes = (count: number): number => count * 60_000;

/** Instant of a local wall-clock time in Stockholm. */
function local(date: IsoDate, time: string): number {
  return wallClockToInstant(date, parseLocalTime(time) ?? NaN, ZONE);
}

function localSpan(date: IsoDate, from: string, to: string): Span {
  return { start: local(date, from), end: local(date, to) };
}

/** 'HH:mm' labels from `first` to `last`, both included. */
function times(first: string, last: string, stepMin = 15): string[] {
  const labels: string[] = [];
  for (let minute = parseLocalTime(first) ?? 0; minute <= (parseLocalTime(last) ?? 0); minute += stepMin) {
    labels.push(formatLocalTime(minute));
  }
  return labels;
}

const everyDay = (opens: string, closes: string): WeeklyInterval[] =>
  ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, opens, closes }));

const OFFICE: OfficeCalendar = {
  zone: ZONE,
  weekly: [
    ...([1, 2, 3, 4, 5] as const).flatMap((weekday) => [
      { weekday, opens: '08:00', closes: '12:00' },
      { weekday, opens: '13:00', closes: '16:00' },
    ]),
    { weekday: 7, opens: '09:00', closes: '16:00' },
  ],
  exceptions: [],
  closedOnPublicHolidays: true,
};

const CASE: CaseTypeTiming = { durationMin: 30, bufferAfterMin: 0, minNoticeMin: 0, maxDaysAhead: 400 };
const NOW = at('2026-03-01T00:00:00Z');

interface Setup {
  calendar?: OfficeCalendar;
  caseType?: Partial<CaseTypeTiming>;
  handlerWeekly?: WeeklyInterval[];
}

/** One free room and one handler working 07:00-18:00 every day, unless overridden. */
function searchFor(
  fromDate: IsoDate,
  toDate: IsoDate = fromDate,
  overrides: Partial<SlotSearch> = {},
  setup: Setup = {},
): SlotSearch {
  return {
    caseType: { ...CASE, ...setup.caseType },
    now: NOW,
    fromDate,
    toDate,
    openSpans: openSpansBetween(setup.calendar ?? OFFICE, fromDate, toDate),
    rooms: [{ id: 'room-1', busy: [] }],
    handlers: [
      {
        id: 'handler-1',
        working: workingSpansBetween(setup.handlerWeekly ?? everyDay('07:00', '18:00'), ZONE, [], fromDate, toDate),
        busy: [],
      },
    ],
    ...overrides,
  };
}

function labelsOn(days: DaySlots[], date: IsoDate): string[] {
  const day = days.find((entry) => entry.date === date);
  if (!day) throw new Error(`${date} is not listed`);
  return day.slots.map((slot) => slot.local);
}

function slotsOn(days: DaySlots[], date: IsoDate): { local: string; utc: string }[] {
  return (days.find((entry) => entry.date === date)?.slots ?? []).map((slot) => ({
    local: slot.local,
    utc: iso(slot.start),
  }));
}

const MONDAY = '2026-03-30';
const MONDAY_ALL_DAY = [...times('08:00', '11:30'), ...times('13:00', '15:30')];

describe(findFreeSlots.name, () => {
  describe('opening hours', () => {
    it('should offer every quarter hour whose meeting fits in a split day', () => {
      const days = findFreeSlots(searchFor(MONDAY));
      expect(labelsOn(days, MONDAY)).toEqual(MONDAY_ALL_DAY);
      expect(days[0].slots[0]).toEqual({ start: at('2026-03-30T06:00:00Z'), local: '08:00' });
      expect(days[0].slots).toHaveLength(26);
    });

    it('should not offer a meeting that would spill past closing or into the lunch break', () => {
      const labels = labelsOn(findFreeSlots(searchFor(MONDAY, MONDAY, {}, { caseType: { durationMin: 45 } })), MONDAY);
      expect(labels).toEqual([...times('08:00', '11:15'), ...times('13:00', '15:15')]);
    });

    it('should offer nothing when the meeting is longer than any opening span', () => {
      const days = findFreeSlots(searchFor(MONDAY, MONDAY, {}, { caseType: { durationMin: 241 } }));
      expect(days).toEqual([{ date: MONDAY, slots: [] }]);
    });

    it('should list every date of the range, closed days with an empty list', () => {
      const days = findFreeSlots(searchFor('2026-03-27', '2026-03-30'));
      expect(days.map((day) => [day.date, day.slots.length])).toEqual([
        ['2026-03-27', 26],
        ['2026-03-28', 0],
        ['2026-03-29', 27],
        ['2026-03-30', 26],
      ]);
    });

    it('should offer nothing on Christmas and Easter holidays, midsommarafton and trettondedag jul', () => {
      const count = (from: IsoDate, to: IsoDate): [string, number][] =>
        findFreeSlots(searchFor(from, to)).map((day) => [day.date, day.slots.length]);
      expect(count('2026-12-23', '2026-12-27')).toEqual([
        ['2026-12-23', 26],
        ['2026-12-24', 0],
        ['2026-12-25', 0],
        ['2026-12-26', 0],
        ['2026-12-27', 27],
      ]);
      expect(count('2026-04-02', '2026-04-07')).toEqual([
        ['2026-04-02', 26],
        ['2026-04-03', 0],
        ['2026-04-04', 0],
        ['2026-04-05', 0],
        ['2026-04-06', 0],
        ['2026-04-07', 26],
      ]);
      expect(count('2026-06-19', '2026-06-19')).toEqual([['2026-06-19', 0]]);
      expect(count('2026-01-06', '2026-01-06')).toEqual([['2026-01-06', 0]]);
    });

    it('should follow exceptions: a closed day, changed hours and a holiday opened on purpose', () => {
      const calendar: OfficeCalendar = {
        ...OFFICE,
        exceptions: [
          { date: '2026-03-31', closed: true },
          { date: '2026-04-01', closed: false, intervals: [{ opens: '10:00', closes: '11:00' }] },
          { date: '2026-04-03', closed: false, intervals: [{ opens: '09:00', closes: '10:00' }] },
        ],
      };
      const days = findFreeSlots(searchFor('2026-03-31', '2026-04-03', {}, { calendar }));
      expect(labelsOn(days, '2026-03-31')).toEqual([]);
      expect(labelsOn(days, '2026-04-01')).toEqual(['10:00', '10:15', '10:30']);
      expect(labelsOn(days, '2026-04-02')).toEqual(MONDAY_ALL_DAY);
      expect(labelsOn(days, '2026-04-03')).toEqual(['09:00', '09:15', '09:30']);
    });

    it('should anchor the grid at local midnight, not at the opening time', () => {
      const calendar: OfficeCalendar = {
        ...OFFICE,
        exceptions: [{ date: MONDAY, closed: false, intervals: [{ opens: '09:10', closes: '10:00' }] }],
      };
      const days = findFreeSlots(searchFor(MONDAY, MONDAY, {}, { calendar, caseType: { durationMin: 15 } }));
      expect(labelsOn(days, MONDAY)).toEqual(['09:15', '09:30', '09:45']);
    });

    it('should use other grid steps', () => {
      expect(labelsOn(findFreeSlots(searchFor(MONDAY, MONDAY, { gridMin: 20 })), MONDAY)).toEqual([
        ...times('08:00', '11:20', 20),
        ...times('13:00', '15:20', 20),
      ]);
      expect(labelsOn(findFreeSlots(searchFor(MONDAY, MONDAY, { gridMin: 60 })), MONDAY)).toEqual([
        ...times('08:00', '11:00', 60),
        ...times('13:00', '15:00', 60),
      ]);
    });
  });

  describe('daylight saving time', () => {
    const SPRING = '2026-03-29';
    const AUTUMN = '2026-10-25';

    it('should give 27 slots 09:00-15:30 at CEST instants on the spring-forward Sunday', () => {
      const slots = slotsOn(findFreeSlots(searchFor(SPRING)), SPRING);
      expect(slots.map((slot) => slot.local)).toEqual(times('09:00', '15:30'));
      expect(slots[0]).toEqual({ local: '09:00', utc: '2026-03-29T07:00:00.000Z' });
      expect(slots.find((slot) => slot.local === '10:00')?.utc).toBe('2026-03-29T08:00:00.000Z');
      expect(slots[slots.length - 1]).toEqual({ local: '15:30', utc: '2026-03-29T13:30:00.000Z' });
    });

    it('should give 27 slots 09:00-15:30 at CET instants on the fall-back Sunday', () => {
      const slots = slotsOn(findFreeSlots(searchFor(AUTUMN)), AUTUMN);
      expect(slots.map((slot) => slot.local)).toEqual(times('09:00', '15:30'));
      expect(slots[0]).toEqual({ local: '09:00', utc: '2026-10-25T08:00:00.000Z' });
      expect(slots.find((slot) => slot.local === '10:00')?.utc).toBe('2026-10-25T09:00:00.000Z');
      expect(slots[slots.length - 1]).toEqual({ local: '15:30', utc: '2026-10-25T14:30:00.000Z' });
    });

    it('should space the Sunday slots exactly 15 minutes apart on both DST days', () => {
      for (const date of [SPRING, AUTUMN]) {
        const starts = findFreeSlots(searchFor(date))[0].slots.map((slot) => slot.start);
        expect(starts.slice(1).map((start, i) => start - starts[i])).toEqual(
          new Array(starts.length - 1).fill(minutes(15)),
        );
      }
    });

    const NIGHT: Setup = { caseType: { durationMin: 15 }, handlerWeekly: everyDay('00:00', '23:59') };
    const nightOpening = (date: IsoDate): OfficeCalendar => ({
      ...OFFICE,
      exceptions: [{ date, closed: false, intervals: [{ opens: '01:00', closes: '04:00' }] }],
    });

    it('should skip the wall-clock times that do not exist when clocks go forward', () => {
      const slots = slotsOn(
        findFreeSlots(searchFor(SPRING, SPRING, {}, { ...NIGHT, calendar: nightOpening(SPRING) })),
        SPRING,
      );
      expect(slots).toEqual([
        { local: '01:00', utc: '2026-03-29T00:00:00.000Z' },
        { local: '01:15', utc: '2026-03-29T00:15:00.000Z' },
        { local: '01:30', utc: '2026-03-29T00:30:00.000Z' },
        { local: '01:45', utc: '2026-03-29T00:45:00.000Z' },
        { local: '03:00', utc: '2026-03-29T01:00:00.000Z' },
        { local: '03:15', utc: '2026-03-29T01:15:00.000Z' },
        { local: '03:30', utc: '2026-03-29T01:30:00.000Z' },
        { local: '03:45', utc: '2026-03-29T01:45:00.000Z' },
      ]);
    });

    it('should offer each repeated wall-clock time once, at its first occurrence, when clocks go back', () => {
      const slots = slotsOn(
        findFreeSlots(searchFor(AUTUMN, AUTUMN, {}, { ...NIGHT, calendar: nightOpening(AUTUMN) })),
        AUTUMN,
      );
      expect(slots.map((slot) => slot.local)).toEqual(times('01:00', '03:45'));
      expect(new Set(slots.map((slot) => slot.local)).size).toBe(slots.length);
      expect(slots.find((slot) => slot.local === '02:00')?.utc).toBe('2026-10-25T00:00:00.000Z');
      expect(slots.find((slot) => slot.local === '02:45')?.utc).toBe('2026-10-25T00:45:00.000Z');
      expect(slots.find((slot) => slot.local === '03:00')?.utc).toBe('2026-10-25T02:00:00.000Z');
      expect(slots.some((slot) => slot.utc >= '2026-10-25T01:00' && slot.utc < '2026-10-25T02:00')).toBe(false);
    });

    it('should follow handler working hours in local time on both DST Sundays', () => {
      const handlerWeekly: WeeklyInterval[] = [{ weekday: 7, opens: '09:00', closes: '12:00' }];
      const spring = slotsOn(findFreeSlots(searchFor(SPRING, SPRING, {}, { handlerWeekly })), SPRING);
      const autumn = slotsOn(findFreeSlots(searchFor(AUTUMN, AUTUMN, {}, { handlerWeekly })), AUTUMN);
      expect(spring.map((slot) => slot.local)).toEqual(times('09:00', '11:30'));
      expect([spring[0].utc, spring[spring.length - 1].utc]).toEqual([
        '2026-03-29T07:00:00.000Z',
        '2026-03-29T09:30:00.000Z',
      ]);
      expect(autumn.map((slot) => slot.local)).toEqual(times('09:00', '11:30'));
      expect([autumn[0].utc, autumn[autumn.length - 1].utc]).toEqual([
        '2026-10-25T08:00:00.000Z',
        '2026-10-25T10:30:00.000Z',
      ]);
    });
  });

  describe('around the clock', () => {
    const ALL_DAY: OfficeCalendar = {
      zone: ZONE,
      weekly: everyDay('00:00', '24:00'),
      exceptions: [],
      closedOnPublicHolidays: false,
    };
    const setup: Setup = { calendar: ALL_DAY, handlerWeekly: everyDay('00:00', '24:00') };

    it('should offer the half hour before midnight, with a meeting that ends the next day', () => {
      const days = findFreeSlots(searchFor(MONDAY, '2026-03-31', {}, setup));
      expect(labelsOn(days, MONDAY).slice(-2)).toEqual(['23:30', '23:45']);
      expect(labelsOn(days, MONDAY)).toHaveLength(96);
      expect(labelsOn(days, '2026-03-31')[0]).toBe('00:00');
    });

    it('should be open through both daylight-saving nights, offering every wall-clock time that exists once', () => {
      // The day after is searched too: the last meeting of a day ends in it.
      const spring = findFreeSlots(searchFor('2026-03-29', '2026-03-30', {}, setup));
      expect(labelsOn(spring, '2026-03-29')).toHaveLength(92); // 02:00-02:59 does not exist
      expect(labelsOn(spring, '2026-03-29').slice(6, 10)).toEqual(['01:30', '01:45', '03:00', '03:15']);
      const autumn = findFreeSlots(searchFor('2026-10-25', '2026-10-26', {}, setup));
      expect(labelsOn(autumn, '2026-10-25')).toHaveLength(96); // 02:00-02:59 once, at CEST
      expect(slotsOn(autumn, '2026-10-25').slice(8, 13)).toEqual([
        { local: '02:00', utc: '2026-10-25T00:00:00.000Z' },
        { local: '02:15', utc: '2026-10-25T00:15:00.000Z' },
        { local: '02:30', utc: '2026-10-25T00:30:00.000Z' },
        { local: '02:45', utc: '2026-10-25T00:45:00.000Z' },
        { local: '03:00', utc: '2026-10-25T02:00:00.000Z' },
      ]);
    });

    it('should book a meeting across the autumn change, from 02:45 CEST to 02:15 CET', () => {
      const search = searchFor('2026-10-25', '2026-10-25', { now: at('2026-10-01T00:00:00Z') }, setup);
      expect(evaluateStart(search, at('2026-10-25T00:45:00Z')).bookable).toBe(true);
    });
  });

  describe('buffer', () => {
    it('should let the buffer run past closing when the handler still works', () => {
      const labels = labelsOn(
        findFreeSlots(searchFor(MONDAY, MONDAY, {}, { caseType: { bufferAfterMin: 15 } })),
        MONDAY,
      );
      expect(labels).toEqual(MONDAY_ALL_DAY);
    });

    it('should keep the whole hold, buffer included, inside the handler working hours', () => {
      const setup: Setup = { handlerWeekly: everyDay('08:00', '16:00'), caseType: { bufferAfterMin: 15 } };
      expect(labelsOn(findFreeSlots(searchFor(MONDAY, MONDAY, {}, setup)), MONDAY)).toEqual([
        ...times('08:00', '11:30'),
        ...times('13:00', '15:15'),
      ]);
      const noBuffer: Setup = { ...setup, caseType: { bufferAfterMin: 0 } };
      expect(labelsOn(findFreeSlots(searchFor(MONDAY, MONDAY, {}, noBuffer)), MONDAY)).toEqual(MONDAY_ALL_DAY);
    });

    it('should keep the buffer clear of the room next booking, but allow the hold to end where it starts', () => {
      const rooms = [{ id: 'room-1', busy: [localSpan(MONDAY, '10:00', '11:00')] }];
      const labels = labelsOn(
        findFreeSlots(searchFor(MONDAY, MONDAY, { rooms }, { caseType: { bufferAfterMin: 15 } })),
        MONDAY,
      );
      expect(labels.filter((label) => label < '12:00')).toEqual([
        ...times('08:00', '09:15'),
        ...times('11:00', '11:30'),
      ]);
    });
  });

  describe('resources', () => {
    it('should offer a start when at least one room is free', () => {
      const rooms = [
        { id: 'room-1', busy: [localSpan(MONDAY, '10:00', '11:00')] },
        { id: 'room-2', busy: [localSpan(MONDAY, '09:00', '09:45')] },
      ];
      const labels = labelsOn(
        findFreeSlots(searchFor(MONDAY, MONDAY, { rooms }, { caseType: { bufferAfterMin: 15 } })),
        MONDAY,
      );
      expect(MONDAY_ALL_DAY.filter((label) => !labels.includes(label))).toEqual(['09:30']);
    });

    it('should offer nothing without rooms or without handlers', () => {
      expect(findFreeSlots(searchFor(MONDAY, MONDAY, { rooms: [] }))[0].slots).toEqual([]);
      expect(findFreeSlots(searchFor(MONDAY, MONDAY, { handlers: [] }))[0].slots).toEqual([]);
    });

    it('should combine partially busy handlers', () => {
      const working = workingSpansBetween(everyDay('07:00', '18:00'), ZONE, [], MONDAY, MONDAY);
      const handlers: PersonAvailability[] = [
        { id: 'handler-1', working, busy: [localSpan(MONDAY, '08:00', '10:00'), localSpan(MONDAY, '13:00', '16:00')] },
        { id: 'handler-2', working, busy: [localSpan(MONDAY, '09:00', '16:00')] },
      ];
      const labels = labelsOn(findFreeSlots(searchFor(MONDAY, MONDAY, { handlers })), MONDAY);
      expect(labels).toEqual([...times('08:00', '08:30'), ...times('10:00', '11:30')]);
    });

    it('should not use a handler outside working hours even when nothing is booked', () => {
      const handlers: PersonAvailability[] = [
        { id: 'handler-1', working: [localSpan(MONDAY, '14:00', '15:00')], busy: [] },
      ];
      expect(labelsOn(findFreeSlots(searchFor(MONDAY, MONDAY, { handlers })), MONDAY)).toEqual([
        '14:00',
        '14:15',
        '14:30',
      ]);
    });

    it('should not change anything when no interpreter is needed', () => {
      expect(labelsOn(findFreeSlots(searchFor(MONDAY, MONDAY, { interpreters: undefined })), MONDAY)).toEqual(
        MONDAY_ALL_DAY,
      );
    });

    it('should offer nothing when an interpreter is needed and nobody can be asked', () => {
      const days = findFreeSlots(searchFor('2026-03-27', '2026-03-31', { interpreters: [] }));
      expect(days.every((day) => day.slots.length === 0)).toBe(true);
      expect(days).toHaveLength(5);
    });

    it('should need the interpreter working for the meeting and free for the whole hold', () => {
      const interpreters: PersonAvailability[] = [
        {
          id: 'interpreter-1',
          working: [localSpan(MONDAY, '08:00', '12:00')],
          busy: [localSpan(MONDAY, '10:00', '11:00')],
        },
      ];
      const labels = labelsOn(
        findFreeSlots(searchFor(MONDAY, MONDAY, { interpreters }, { caseType: { bufferAfterMin: 15 } })),
        MONDAY,
      );
      expect(labels).toEqual([...times('08:00', '09:15'), ...times('11:00', '11:30')]);
    });

    it('should offer a start when any one interpreter fits', () => {
      const interpreters: PersonAvailability[] = [
        { id: 'interpreter-1', working: [localSpan(MONDAY, '08:00', '09:00')], busy: [] },
        {
          id: 'interpreter-2',
          working: [localSpan(MONDAY, '13:00', '14:00')],
          busy: [localSpan(MONDAY, '13:00', '13:30')],
        },
      ];
      const labels = labelsOn(findFreeSlots(searchFor(MONDAY, MONDAY, { interpreters })), MONDAY);
      expect(labels).toEqual(['08:00', '08:15', '08:30', '13:30']);
    });
  });

  describe('notice and booking horizon', () => {
    it('should start at the first grid time at least the minimum notice after now', () => {
      const search = searchFor(MONDAY, MONDAY, { now: at('2026-03-30T07:05:00Z') }, { caseType: { minNoticeMin: 60 } });
      expect(labelsOn(findFreeSlots(search), MONDAY)[0]).toBe('10:15');
    });

    it('should offer a start exactly at now plus the minimum notice', () => {
      const search = searchFor(MONDAY, MONDAY, { now: at('2026-03-30T07:00:00Z') }, { caseType: { minNoticeMin: 60 } });
      expect(labelsOn(findFreeSlots(search), MONDAY)[0]).toBe('10:00');
    });

    it('should offer nothing on days already past', () => {
      const days = findFreeSlots(searchFor('2026-03-26', MONDAY, { now: at('2026-03-30T07:00:00Z') }));
      expect(days.map((day) => day.slots.length)).toEqual([0, 0, 0, 0, 22]);
    });

    it('should offer days up to today plus maxDaysAhead and list later days empty', () => {
      const search = searchFor(
        '2026-03-27',
        '2026-04-02',
        { now: at('2026-03-27T11:00:00Z') },
        { caseType: { maxDaysAhead: 3 } },
      );
      expect(findFreeSlots(search).map((day) => [day.date, day.slots.length])).toEqual([
        ['2026-03-27', 11],
        ['2026-03-28', 0],
        ['2026-03-29', 27],
        ['2026-03-30', 26],
        ['2026-03-31', 0],
        ['2026-04-01', 0],
        ['2026-04-02', 0],
      ]);
    });

    it('should offer only the rest of today when maxDaysAhead is 0', () => {
      // 14:00 local on Friday.
      const search = searchFor(
        '2026-03-27',
        MONDAY,
        { now: at('2026-03-27T13:00:00Z') },
        { caseType: { maxDaysAhead: 0 } },
      );
      expect(findFreeSlots(search).map((day) => day.slots.length)).toEqual([7, 0, 0, 0]);
    });

    it('should count days ahead from the local date of now, not the UTC date', () => {
      // 22:30Z on Sunday is already 00:30 on Monday in Stockholm.
      const search = searchFor(
        '2026-03-29',
        MONDAY,
        { now: at('2026-03-29T22:30:00Z') },
        { caseType: { maxDaysAhead: 0 } },
      );
      expect(findFreeSlots(search).map((day) => day.slots.length)).toEqual([0, 26]);
    });
  });

  describe('input checks', () => {
    it.each<[string, Partial<CaseTypeTiming>, Partial<SlotSearch>]>([
      ['a zero duration', { durationMin: 0 }, {}],
      ['a fractional duration', { durationMin: 7.5 }, {}],
      ['a negative buffer', { bufferAfterMin: -5 }, {}],
      ['a negative notice', { minNoticeMin: -1 }, {}],
      ['a negative horizon', { maxDaysAhead: -1 }, {}],
      ['a zero grid', {}, { gridMin: 0 }],
      ['a fractional grid', {}, { gridMin: 7.5 }],
      ['a bad fromDate', {}, { fromDate: '2026-3-30' }],
      ['a bad toDate', {}, { toDate: '2026-02-30' }],
      ['an unknown zone', {}, { zone: 'Europe/Atlantis' }],
      ['a missing now', {}, { now: NaN }],
    ])('should throw a RangeError for %s', (_, caseType, overrides) => {
      expect(() => findFreeSlots(searchFor(MONDAY, MONDAY, overrides, { caseType }))).toThrow(RangeError);
    });

    it('should return nothing for an inverted date range', () => {
      expect(findFreeSlots(searchFor(MONDAY, '2026-03-27'))).toEqual([]);
    });

    it('should accept busy and working spans in any order and overlapping', () => {
      const rooms = [
        { id: 'room-1', busy: [localSpan(MONDAY, '10:30', '11:00'), localSpan(MONDAY, '10:00', '10:45')] },
      ];
      const labels = labelsOn(findFreeSlots(searchFor(MONDAY, MONDAY, { rooms })), MONDAY);
      expect(labels.filter((label) => label < '12:00')).toEqual([
        ...times('08:00', '09:30'),
        ...times('11:00', '11:30'),
      ]);
    });
  });

  it('should agree with evaluateStart on every grid time for random schedules', () => {
    const dates = datesBetween('2026-03-27', '2026-03-31');
    let bookableTotal = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const random = seededRandom(seed);
      const dayStart = new LocalDay(dates[0], ZONE).start;
      const randomSpansOver = (count: number, maxMin: number): Span[] =>
        Array.from({ length: count }, () => {
          const start = dayStart + minutes(5 * Math.floor(random() * 5 * 288));
          return { start, end: start + minutes(5 * (1 + Math.floor(random() * (maxMin / 5)))) };
        });
      const person = (id: string): PersonAvailability => ({
        id,
        working: randomSpansOver(10, 900),
        busy: randomSpansOver(8, 120),
      });
      const search: SlotSearch = {
        caseType: {
          durationMin: 15 + 15 * Math.floor(random() * 4),
          bufferAfterMin: 5 * Math.floor(random() * 4),
          minNoticeMin: 60 * Math.floor(random() * 24),
          maxDaysAhead: 2 + Math.floor(random() * 3),
        },
        now: dayStart + minutes(Math.floor(random() * 24 * 60)),
        fromDate: dates[0],
        toDate: dates[dates.length - 1],
        openSpans: openSpansBetween(OFFICE, dates[0], dates[dates.length - 1]),
        rooms: ['room-1', 'room-2'].map((id) => ({ id, busy: randomSpansOver(12, 90) })),
        handlers: ['handler-1', 'handler-2', 'handler-3'].map(person),
        interpreters: seed % 2 === 0 ? undefined : ['interpreter-1', 'interpreter-2'].map(person),
      };
      const listed = new Set(findFreeSlots(search).flatMap((day) => day.slots.map((slot) => slot.start)));
      const bookable = dates
        .flatMap((date) => wallClockGrid(new LocalDay(date, ZONE), 15))
        .map((point) => point.instant)
        .filter((start) => evaluateStart(search, start).bookable);
      bookableTotal += bookable.length;
      expect([...listed].sort((a, b) => a - b)).toEqual(bookable);
    }
    expect(bookableTotal).toBeGreaterThan(100);
  });
});

describe(isOnGrid.name, () => {
  it('should accept local quarter hours and reject anything in between', () => {
    expect(isOnGrid(at('2026-03-30T08:15:00Z'))).toBe(true);
    expect(isOnGrid(at('2026-03-30T08:07:00Z'))).toBe(false);
    expect(isOnGrid(at('2026-03-30T08:15:30Z'))).toBe(false);
    expect(isOnGrid(at('2026-03-30T08:15:00Z') + 1)).toBe(false);
    expect(isOnGrid(at('2026-03-30T08:15:00Z') + 0.5)).toBe(false);
  });

  it('should measure the grid from local midnight in the given zone', () => {
    expect(isOnGrid(local(MONDAY, '08:20'), ZONE, 20)).toBe(true);
    expect(isOnGrid(local(MONDAY, '08:10'), ZONE, 20)).toBe(false);
    // 14:30 in New York is 18:30Z, on an hourly grid there but not in Stockholm (20:30 local is).
    expect(isOnGrid(at('2026-03-30T18:30:00Z'), 'America/New_York', 60)).toBe(false);
    expect(isOnGrid(at('2026-03-30T18:00:00Z'), 'America/New_York', 60)).toBe(true);
    expect(isOnGrid(at('2026-07-01T05:30:00Z'), 'Asia/Kolkata', 60)).toBe(true);
  });

  it('should accept the first occurrence of a repeated time and reject the second', () => {
    expect(isOnGrid(at('2026-10-25T00:15:00Z'))).toBe(true);
    expect(isOnGrid(at('2026-10-25T01:15:00Z'))).toBe(false);
    expect(isOnGrid(at('2026-10-25T02:00:00Z'))).toBe(true);
  });

  it('should accept times right after the spring-forward gap', () => {
    expect(isOnGrid(at('2026-03-29T01:00:00Z'))).toBe(true);
    expect(isOnGrid(at('2026-03-29T00:45:00Z'))).toBe(true);
  });
});

describe(candidatesAt.name, () => {
  const query = (): SlotSearch => ({
    ...searchFor(MONDAY, MONDAY, {}, { caseType: { bufferAfterMin: 15 } }),
    rooms: [
      { id: 'room-a', busy: [localSpan(MONDAY, '10:00', '11:00')] },
      { id: 'room-b', busy: [] },
      { id: 'room-c', busy: [localSpan(MONDAY, '09:40', '09:50')] },
    ],
    handlers: [
      { id: 'handler-a', working: [localSpan(MONDAY, '08:00', '10:00')], busy: [] },
      { id: 'handler-b', working: [localSpan(MONDAY, '08:00', '16:00')], busy: [localSpan(MONDAY, '09:00', '09:30')] },
      { id: 'handler-c', working: [localSpan(MONDAY, '08:00', '16:00')], busy: [] },
    ],
  });

  it('should list each free resource in input order', () => {
    expect(candidatesAt(query(), local(MONDAY, '09:15'))).toEqual({
      roomIds: ['room-a', 'room-b'],
      handlerIds: ['handler-a', 'handler-c'],
    });
  });

  it('should leave out a handler whose working hours end during the buffer', () => {
    expect(candidatesAt(query(), local(MONDAY, '09:30')).handlerIds).toEqual(['handler-b', 'handler-c']);
  });

  it('should list interpreters only when asked for, and take one working only for the meeting', () => {
    const withInterpreters: SlotSearch = {
      ...query(),
      interpreters: [
        { id: 'interpreter-a', working: [localSpan(MONDAY, '09:00', '09:45')], busy: [] },
        {
          id: 'interpreter-b',
          working: [localSpan(MONDAY, '09:00', '12:00')],
          busy: [localSpan(MONDAY, '09:50', '10:00')],
        },
      ],
    };
    expect(candidatesAt(withInterpreters, local(MONDAY, '09:15')).interpreterIds).toEqual(['interpreter-a']);
    expect(candidatesAt({ ...withInterpreters, interpreters: [] }, local(MONDAY, '09:15')).interpreterIds).toEqual([]);
    expect(candidatesAt(query(), local(MONDAY, '09:15'))).not.toHaveProperty('interpreterIds');
  });
});

describe(evaluateStart.name, () => {
  const query = (overrides: Partial<SlotSearch> = {}): SlotSearch =>
    searchFor(
      '2026-03-23',
      '2026-04-05',
      { now: at('2026-03-27T07:00:00Z'), ...overrides },
      { caseType: { minNoticeMin: 120, maxDaysAhead: 5 } },
    );

  it('should return the candidates of a bookable start', () => {
    expect(evaluateStart(query(), local(MONDAY, '10:00'))).toEqual({
      bookable: true,
      candidates: { roomIds: ['room-1'], handlerIds: ['handler-1'] },
    });
  });

  it('should return the candidates it found with no-capacity', () => {
    const rooms = [{ id: 'room-1', busy: [localSpan(MONDAY, '10:00', '11:00')] }];
    expect(evaluateStart(query({ rooms }), local(MONDAY, '10:00'))).toEqual({
      bookable: false,
      reason: 'no-capacity',
      candidates: { roomIds: [], handlerIds: ['handler-1'] },
    });
  });
});

describe(explainUnbookable.name, () => {
  const NOW_FRIDAY = at('2026-03-27T07:00:00Z'); // 08:00 local
  const query = (overrides: Partial<SlotSearch> = {}): SlotSearch =>
    searchFor(
      '2026-03-23',
      '2026-04-05',
      { now: NOW_FRIDAY, ...overrides },
      { caseType: { minNoticeMin: 120, maxDaysAhead: 5 } },
    );

  it('should return null for a bookable start', () => {
    expect(explainUnbookable(query(), local('2026-03-27', '10:00'))).toBeNull();
  });

  it.each<[string, string, string, string]>([
    ['not-on-grid', 'a start off the quarter hours', MONDAY, '10:05'],
    ['too-soon', 'a start inside the minimum notice', '2026-03-27', '09:45'],
    ['passed', 'a start in the past', '2026-03-26', '10:00'],
    ['passed', 'a start earlier today', '2026-03-27', '07:45'],
    ['too-far-ahead', 'a start after today plus maxDaysAhead', '2026-04-02', '10:00'],
    ['closed-day', 'a Saturday', '2026-03-28', '10:00'],
    ['outside-opening-hours', 'the lunch break', MONDAY, '12:15'],
    ['outside-opening-hours', 'a meeting spilling past closing', MONDAY, '15:45'],
    ['outside-opening-hours', 'a meeting spilling into lunch', MONDAY, '11:45'],
    ['outside-opening-hours', 'before opening', MONDAY, '07:30'],
  ])('should answer %s for %s', (reason, _, date, time) => {
    expect(explainUnbookable(query(), local(date, time))).toBe(reason);
  });

  it('should answer too-far-ahead for the first day beyond the horizon but not the last day within it', () => {
    expect(explainUnbookable(query(), local('2026-04-02', '08:00'))).toBe('too-far-ahead');
    expect(explainUnbookable(query(), local('2026-04-01', '15:30'))).toBeNull();
  });

  it('should answer closed-day for a public holiday', () => {
    const search = searchFor('2026-12-20', '2026-12-31', { now: at('2026-12-01T00:00:00Z') });
    expect(explainUnbookable(search, local('2026-12-25', '10:00'))).toBe('closed-day');
  });

  it('should answer repeated-time, not not-on-grid, for the second occurrence of a repeated time', () => {
    const search = searchFor('2026-10-25', '2026-10-25', { now: at('2026-10-01T00:00:00Z') });
    expect(explainUnbookable(search, at('2026-10-25T01:00:00Z'))).toBe('repeated-time'); // 02:00 CET
    expect(explainUnbookable(search, at('2026-10-25T01:15:00Z'))).toBe('repeated-time');
    expect(explainUnbookable(search, at('2026-10-25T01:07:00Z'))).toBe('not-on-grid');
  });

  it('should answer passed, not too-soon, for a start in the past when no notice is needed', () => {
    const search = query({ caseType: { ...CASE, minNoticeMin: 0, maxDaysAhead: 5 } });
    expect(explainUnbookable(search, local('2026-03-27', '07:45'))).toBe('passed');
    expect(explainUnbookable(search, local('2026-03-27', '08:00'))).toBeNull();
  });

  it('should answer no-capacity when a room, a handler or an interpreter is missing', () => {
    const start = local(MONDAY, '10:00');
    expect(
      explainUnbookable(query({ rooms: [{ id: 'room-1', busy: [localSpan(MONDAY, '10:15', '10:30')] }] }), start),
    ).toBe('no-capacity');
    expect(explainUnbookable(query({ handlers: [] }), start)).toBe('no-capacity');
    expect(explainUnbookable(query({ interpreters: [] }), start)).toBe('no-capacity');
  });

  it('should report the grid before notice when both fail', () => {
    expect(explainUnbookable(query(), at('2026-03-20T10:07:00Z'))).toBe('not-on-grid');
  });
});

describe(peopleStarts.name, () => {
  it('should give exactly the same slots when shared between offices as when worked out per office', () => {
    const random = seededRandom(7);
    const from = '2026-03-23';
    const to = '2026-04-05';
    const busy = (): Span[] =>
      datesBetween(from, to).flatMap((date) =>
        Array.from({ length: 3 }, () => {
          const start = local(date, formatLocalTime(8 * 60 + 15 * Math.floor(random() * 32)));
          return { start, end: start + minutes(40) };
        }),
      );
    const working = workingSpansBetween(everyDay('08:00', '17:00'), ZONE, [], from, to);
    const handlers: PersonAvailability[] = Array.from({ length: 6 }, (_, i) => ({
      id: `h-${i}`,
      working,
      busy: busy(),
    }));
    const interpreters: PersonAvailability[] = [{ id: 'i-1', working, busy: busy() }];
    const caseType: CaseTypeTiming = { durationMin: 30, bufferAfterMin: 10, minNoticeMin: 0, maxDaysAhead: 400 };
    const shared = peopleStarts(caseType, handlers, interpreters);
    for (let office = 0; office < 5; office += 1) {
      const search = searchFor(from, to, {
        caseType,
        handlers,
        interpreters,
        rooms: [{ id: `room-${office}`, busy: busy() }],
      });
      expect(findFreeSlots({ ...search, people: shared })).toEqual(findFreeSlots(search));
    }
  });
});
