import { isoSpans } from '../testing/spec-helpers';
import {
  DatedException,
  OfficeCalendar,
  findDatedExceptionProblems,
  openSpansBetween,
  openSpansOn,
  openingDay,
  openingDaysBetween,
} from './opening-hours';
import { WeeklyInterval } from './weekly-hours';

const WEEKDAYS_WITH_LUNCH: WeeklyInterval[] = ([1, 2, 3, 4, 5] as const).flatMap((weekday) => [
  { weekday, opens: '08:00', closes: '12:00' },
  { weekday, opens: '13:00', closes: '16:00' },
]);

function office(overrides: Partial<OfficeCalendar> = {}): OfficeCalendar {
  return {
    zone: 'Europe/Stockholm',
    weekly: [...WEEKDAYS_WITH_LUNCH, { weekday: 7, opens: '09:00', closes: '16:00' }],
    exceptions: [],
    closedOnPublicHolidays: true,
    ...overrides,
  };
}

describe(openSpansOn.name, () => {
  it('should give a split day with the lunch hour closed in summer time', () => {
    expect(isoSpans(openSpansOn(office(), '2026-03-30'))).toEqual([
      '2026-03-30T06:00:00.000Z/2026-03-30T10:00:00.000Z',
      '2026-03-30T11:00:00.000Z/2026-03-30T14:00:00.000Z',
    ]);
  });

  it('should use the winter offset in January', () => {
    expect(isoSpans(openSpansOn(office(), '2026-01-12'))).toEqual([
      '2026-01-12T07:00:00.000Z/2026-01-12T11:00:00.000Z',
      '2026-01-12T12:00:00.000Z/2026-01-12T15:00:00.000Z',
    ]);
  });

  it('should be closed on a weekday without hours', () => {
    expect(openSpansOn(office(), '2026-03-28')).toEqual([]);
  });

  it('should merge touching intervals into one span', () => {
    const calendar = office({
      weekly: [
        { weekday: 1, opens: '08:00', closes: '12:00' },
        { weekday: 1, opens: '12:00', closes: '16:00' },
      ],
    });
    expect(isoSpans(openSpansOn(calendar, '2026-03-30'))).toEqual([
      '2026-03-30T06:00:00.000Z/2026-03-30T14:00:00.000Z',
    ]);
  });

  it('should open 09:00-16:00 local on the spring-forward Sunday 2026-03-29 (CEST all day long)', () => {
    expect(isoSpans(openSpansOn(office(), '2026-03-29'))).toEqual([
      '2026-03-29T07:00:00.000Z/2026-03-29T14:00:00.000Z',
    ]);
  });

  it('should open 09:00-16:00 local on the fall-back Sunday 2026-10-25 (CET all day long)', () => {
    expect(isoSpans(openSpansOn(office(), '2026-10-25'))).toEqual([
      '2026-10-25T08:00:00.000Z/2026-10-25T15:00:00.000Z',
    ]);
  });

  it.each([
    ['2026-12-25', 'juldagen, a Friday'],
    ['2026-06-19', 'midsommarafton, a Friday'],
    ['2026-01-06', 'trettondedag jul, a Tuesday'],
    ['2026-04-03', 'långfredagen'],
    ['2026-04-05', 'påskdagen, a Sunday with regular Sunday hours'],
    ['2026-04-06', 'annandag påsk'],
    ['2026-12-24', 'julafton, a Thursday'],
    ['2026-12-31', 'nyårsafton, a Thursday'],
  ])('should be closed on %s (%s)', (date) => {
    expect(openSpansOn(office(), date)).toEqual([]);
  });

  it('should stay open on the day before Good Friday and after Easter Monday', () => {
    expect(openSpansOn(office(), '2026-04-02')).toHaveLength(2);
    expect(openSpansOn(office(), '2026-04-07')).toHaveLength(2);
  });

  it('should open on holidays when the office does not close for them', () => {
    expect(isoSpans(openSpansOn(office({ closedOnPublicHolidays: false }), '2026-12-25'))).toEqual([
      '2026-12-25T07:00:00.000Z/2026-12-25T11:00:00.000Z',
      '2026-12-25T12:00:00.000Z/2026-12-25T15:00:00.000Z',
    ]);
  });

  it('should close all day for a closed exception', () => {
    const calendar = office({ exceptions: [{ date: '2026-03-31', closed: true, reason: 'Staff training' }] });
    expect(openSpansOn(calendar, '2026-03-31')).toEqual([]);
    expect(openSpansOn(calendar, '2026-04-01')).toHaveLength(2);
  });

  it('should replace the day hours with an exception intervals', () => {
    const calendar = office({
      exceptions: [{ date: '2026-04-01', closed: false, intervals: [{ opens: '10:00', closes: '14:00' }] }],
    });
    expect(isoSpans(openSpansOn(calendar, '2026-04-01'))).toEqual([
      '2026-04-01T08:00:00.000Z/2026-04-01T12:00:00.000Z',
    ]);
  });

  it('should let an exception open the office on a holiday with its own hours', () => {
    const calendar = office({
      exceptions: [{ date: '2026-01-06', closed: false, intervals: [{ opens: '10:00', closes: '13:00' }] }],
    });
    expect(isoSpans(openSpansOn(calendar, '2026-01-06'))).toEqual([
      '2026-01-06T09:00:00.000Z/2026-01-06T12:00:00.000Z',
    ]);
  });

  it('should let an exception without intervals open a holiday with the regular weekly hours', () => {
    const calendar = office({ exceptions: [{ date: '2026-05-14', closed: false }] });
    expect(isoSpans(openSpansOn(calendar, '2026-05-14'))).toEqual([
      '2026-05-14T06:00:00.000Z/2026-05-14T10:00:00.000Z',
      '2026-05-14T11:00:00.000Z/2026-05-14T14:00:00.000Z',
    ]);
  });

  it('should move an opening time inside the spring-forward gap forward by the gap (02:30 -> 03:30 CEST)', () => {
    const calendar = office({
      exceptions: [{ date: '2026-03-29', closed: false, intervals: [{ opens: '02:30', closes: '04:00' }] }],
    });
    expect(isoSpans(openSpansOn(calendar, '2026-03-29'))).toEqual([
      '2026-03-29T01:30:00.000Z/2026-03-29T02:00:00.000Z',
    ]);
  });

  it('should read a time in the repeated fall-back hour as its first occurrence (02:30 CEST)', () => {
    const calendar = office({
      exceptions: [{ date: '2026-10-25', closed: false, intervals: [{ opens: '01:00', closes: '02:30' }] }],
    });
    expect(isoSpans(openSpansOn(calendar, '2026-10-25'))).toEqual([
      '2026-10-24T23:00:00.000Z/2026-10-25T00:30:00.000Z',
    ]);
  });

  it('should span the whole repeated hour when opening before and closing after it', () => {
    const calendar = office({
      exceptions: [{ date: '2026-10-25', closed: false, intervals: [{ opens: '01:00', closes: '04:00' }] }],
    });
    const [open] = openSpansOn(calendar, '2026-10-25');
    expect((open.end - open.start) / 3_600_000).toBe(4);
  });

  it('should ignore invalid stored intervals rather than open for them', () => {
    const calendar = office({ weekly: [{ weekday: 1, opens: '16:00', closes: '08:00' }] });
    expect(openSpansOn(calendar, '2026-03-30')).toEqual([]);
  });

  it('should use the first of two exceptions for the same date', () => {
    const calendar = office({
      exceptions: [
        { date: '2026-03-31', closed: true },
        { date: '2026-03-31', closed: false, intervals: [{ opens: '10:00', closes: '11:00' }] },
      ],
    });
    expect(openSpansOn(calendar, '2026-03-31')).toEqual([]);
  });

  it('should read hours in the office zone', () => {
    const calendar = office({ zone: 'America/New_York', weekly: [{ weekday: 1, opens: '09:00', closes: '17:00' }] });
    expect(isoSpans(openSpansOn(calendar, '2026-03-30'))).toEqual([
      '2026-03-30T13:00:00.000Z/2026-03-30T21:00:00.000Z',
    ]);
  });
});

describe(openingDay.name, () => {
  it('should say what decided the hours and why', () => {
    const calendar = office({
      exceptions: [
        { date: '2026-03-31', closed: true, reason: 'Staff training' },
        { date: '2026-01-06', closed: false, intervals: [{ opens: '10:00', closes: '13:00' }] },
      ],
    });
    expect(openingDay(calendar, '2026-12-25')).toEqual({
      date: '2026-12-25',
      source: 'holiday',
      reason: 'juldagen',
      spans: [],
    });
    expect(openingDay(calendar, '2026-03-31')).toEqual({
      date: '2026-03-31',
      source: 'exception',
      reason: 'Staff training',
      spans: [],
    });
    expect(openingDay(calendar, '2026-01-06')).toMatchObject({ source: 'exception', spans: [{}] });
    expect(openingDay(calendar, '2026-01-06')).not.toHaveProperty('reason');
    expect(openingDay(calendar, '2026-03-30')).toMatchObject({ source: 'weekly' });
  });
});

describe(openingDaysBetween.name, () => {
  it('should give one entry per date, both ends included', () => {
    expect(
      openingDaysBetween(office(), '2026-12-23', '2026-12-27').map((day) => [day.date, day.source, day.spans.length]),
    ).toEqual([
      ['2026-12-23', 'weekly', 2],
      ['2026-12-24', 'holiday', 0],
      ['2026-12-25', 'holiday', 0],
      ['2026-12-26', 'holiday', 0],
      ['2026-12-27', 'weekly', 1],
    ]);
  });
});

describe(openSpansBetween.name, () => {
  it('should concatenate the days across a weekend and the spring DST change', () => {
    expect(isoSpans(openSpansBetween(office(), '2026-03-27', '2026-03-30'))).toEqual([
      '2026-03-27T07:00:00.000Z/2026-03-27T11:00:00.000Z',
      '2026-03-27T12:00:00.000Z/2026-03-27T15:00:00.000Z',
      '2026-03-29T07:00:00.000Z/2026-03-29T14:00:00.000Z',
      '2026-03-30T06:00:00.000Z/2026-03-30T10:00:00.000Z',
      '2026-03-30T11:00:00.000Z/2026-03-30T14:00:00.000Z',
    ]);
  });

  it('should give nothing for an inverted range', () => {
    expect(openSpansBetween(office(), '2026-03-30', '2026-03-27')).toEqual([]);
  });

  it('should close the whole Easter weekend from Good Friday to Easter Monday', () => {
    expect(isoSpans(openSpansBetween(office(), '2026-04-03', '2026-04-06'))).toEqual([]);
  });
});

describe(findDatedExceptionProblems.name, () => {
  it('should accept closed days, changed hours and reopened regular days', () => {
    const exceptions: DatedException[] = [
      { date: '2026-03-31', closed: true, reason: 'Training' },
      {
        date: '2026-04-01',
        closed: false,
        intervals: [
          { opens: '10:00', closes: '12:00' },
          { opens: '12:00', closes: '14:00' },
        ],
      },
      { date: '2026-05-14', closed: false },
      { date: '2026-05-15', closed: true, intervals: [] },
    ];
    expect(findDatedExceptionProblems(exceptions)).toEqual([]);
  });

  it('should report bad and repeated dates', () => {
    const exceptions: DatedException[] = [
      { date: '2026-02-30', closed: true },
      { date: '2026-03-31', closed: true },
      { date: '2026-03-31', closed: true },
    ];
    expect(findDatedExceptionProblems(exceptions)).toEqual([
      { index: 0, field: 'date', message: 'date must be a calendar date in yyyy-MM-dd format, got "2026-02-30"' },
      { index: 2, field: 'date', message: '2026-03-31 already has exception 1' },
    ]);
  });

  it('should report intervals on a closed day and an empty interval list on an open one', () => {
    const exceptions: DatedException[] = [
      { date: '2026-03-31', closed: true, intervals: [{ opens: '10:00', closes: '12:00' }] },
      { date: '2026-04-01', closed: false, intervals: [] },
    ];
    expect(findDatedExceptionProblems(exceptions)).toEqual([
      { index: 0, field: 'intervals', message: 'intervals must be left out when the office is closed all day' },
      {
        index: 1,
        field: 'intervals',
        message: 'intervals must hold at least one opening interval, or be left out to keep the regular weekly hours',
      },
    ]);
  });

  it('should report interval problems with a path inside the exception', () => {
    const exceptions: DatedException[] = [
      {
        date: '2026-04-01',
        closed: false,
        intervals: [
          { opens: '10:00', closes: '12:00' },
          { opens: '11:00', closes: '13:00' },
          { opens: '15:00', closes: '14:00' },
          { opens: '24:00', closes: '14:00' },
        ],
      },
    ];
    expect(findDatedExceptionProblems(exceptions)).toEqual([
      { index: 0, field: 'intervals[1]', message: 'overlaps interval 0 (10:00-12:00)' },
      { index: 0, field: 'intervals[2].closes', message: 'closes (14:00) must be after opens (15:00)' },
      {
        index: 0,
        field: 'intervals[3].opens',
        message: 'opens must be a time in HH:mm format between 00:00 and 23:59, got "24:00"',
      },
    ]);
  });

  it('should report a closed flag that is not a boolean', () => {
    const exceptions = [{ date: '2026-04-01', closed: 'yes' }] as unknown as DatedException[];
    expect(findDatedExceptionProblems(exceptions)).toEqual([
      { index: 0, field: 'closed', message: 'closed must be true or false' },
    ]);
  });
});
