import {
  DailyInterval,
  WeeklyInterval,
  findDailyHoursProblems,
  findWeeklyHoursProblems,
  formatLocalTime,
  isWeekday,
  minuteRangesByWeekday,
  minuteRangesOf,
  parseClosingTime,
  parseLocalTime,
  toMinuteRange,
} from './weekly-hours';

describe(parseLocalTime.name, () => {
  it('should parse HH:mm into minutes since midnight', () => {
    expect(parseLocalTime('00:00')).toBe(0);
    expect(parseLocalTime('08:30')).toBe(510);
    expect(parseLocalTime('23:59')).toBe(1439);
  });

  it('should reject 24:00, out-of-range values, other formats and non-strings', () => {
    for (const value of ['24:00', '8:00', '08:60', '25:00', '0800', '08:00:00', ' 08:00', '', 480, null, undefined]) {
      expect(parseLocalTime(value)).toBeNull();
    }
  });
});

describe(formatLocalTime.name, () => {
  it('should pad hours and minutes', () => {
    expect(formatLocalTime(0)).toBe('00:00');
    expect(formatLocalTime(545)).toBe('09:05');
    expect(formatLocalTime(1439)).toBe('23:59');
  });
});

describe(isWeekday.name, () => {
  it('should accept only whole numbers 1 to 7', () => {
    expect([1, 4, 7].every(isWeekday)).toBe(true);
    expect([0, 8, 1.5, '1', null].some(isWeekday)).toBe(false);
  });
});

describe(parseClosingTime.name, () => {
  it('should read 24:00 as the end of the day, and every opening time as parseLocalTime does', () => {
    expect(parseClosingTime('24:00')).toBe(1440);
    expect(parseClosingTime('23:59')).toBe(1439);
    expect(parseClosingTime('00:00')).toBe(0);
    expect(parseClosingTime('24:01')).toBeNull();
    expect(parseClosingTime('25:00')).toBeNull();
  });
});

describe(toMinuteRange.name, () => {
  it('should take 24:00 as a closing time but never as an opening time', () => {
    expect(toMinuteRange({ opens: '00:00', closes: '24:00' })).toEqual({ from: 0, to: 1440 });
    expect(toMinuteRange({ opens: '24:00', closes: '24:00' })).toBeNull();
  });

  it('should convert a valid interval and refuse invalid or empty ones', () => {
    expect(toMinuteRange({ opens: '09:00', closes: '12:00' })).toEqual({ from: 540, to: 720 });
    expect(toMinuteRange({ opens: '12:00', closes: '12:00' })).toBeNull();
    expect(toMinuteRange({ opens: '12:00', closes: '08:00' })).toBeNull();
    expect(toMinuteRange({ opens: '9', closes: '12:00' })).toBeNull();
  });
});

describe(findWeeklyHoursProblems.name, () => {
  it('should accept a normal week with a lunch break and touching intervals', () => {
    const week: WeeklyInterval[] = [
      { weekday: 1, opens: '08:00', closes: '12:00' },
      { weekday: 1, opens: '13:00', closes: '16:00' },
      { weekday: 2, opens: '08:00', closes: '12:00' },
      { weekday: 2, opens: '12:00', closes: '16:00' },
      { weekday: 7, opens: '09:00', closes: '16:00' },
    ];
    expect(findWeeklyHoursProblems(week)).toEqual([]);
    expect(findWeeklyHoursProblems([])).toEqual([]);
  });

  it('should report inverted and empty intervals on closes', () => {
    expect(
      findWeeklyHoursProblems([
        { weekday: 1, opens: '12:00', closes: '08:00' },
        { weekday: 2, opens: '09:00', closes: '09:00' },
      ]),
    ).toEqual([
      { index: 0, field: 'closes', message: 'closes (08:00) must be after opens (12:00)' },
      { index: 1, field: 'closes', message: 'closes (09:00) must be after opens (09:00)' },
    ]);
  });

  it('should report malformed times and weekdays with the offending value', () => {
    const bad = [
      { weekday: 8, opens: '8:00', closes: '24:01' },
      { weekday: 0 as unknown as 1, opens: '08:00', closes: '12:00' },
    ] as WeeklyInterval[];
    expect(findWeeklyHoursProblems(bad)).toEqual([
      { index: 0, field: 'weekday', message: 'weekday must be a whole number from 1 (Monday) to 7 (Sunday), got 8' },
      { index: 0, field: 'opens', message: 'opens must be a time in HH:mm format between 00:00 and 23:59, got "8:00"' },
      {
        index: 0,
        field: 'closes',
        message: 'closes must be a time in HH:mm format between 00:00 and 24:00, got "24:01"',
      },
      { index: 1, field: 'weekday', message: 'weekday must be a whole number from 1 (Monday) to 7 (Sunday), got 0' },
    ]);
  });

  it('should say when a time is missing altogether', () => {
    const missing = [{ weekday: 1, opens: '08:00' }] as unknown as WeeklyInterval[];
    expect(findWeeklyHoursProblems(missing)).toEqual([
      {
        index: 0,
        field: 'closes',
        message: 'closes must be a time in HH:mm format between 00:00 and 24:00, got nothing',
      },
    ]);
  });

  it('should report overlaps on the same weekday only, naming the other interval and the day', () => {
    const week: WeeklyInterval[] = [
      { weekday: 1, opens: '08:00', closes: '12:00' },
      { weekday: 2, opens: '08:00', closes: '12:00' },
      { weekday: 1, opens: '11:00', closes: '15:00' },
    ];
    expect(findWeeklyHoursProblems(week)).toEqual([
      { index: 2, field: 'interval', message: 'overlaps interval 0 (08:00-12:00) on Monday' },
    ]);
  });

  it('should report the interval that starts inside another even when it comes first in the list', () => {
    const week: WeeklyInterval[] = [
      { weekday: 3, opens: '10:00', closes: '11:00' },
      { weekday: 3, opens: '08:00', closes: '16:00' },
    ];
    expect(findWeeklyHoursProblems(week)).toEqual([
      { index: 0, field: 'interval', message: 'overlaps interval 1 (08:00-16:00) on Wednesday' },
    ]);
  });

  it('should report identical intervals on the later entry', () => {
    const week: WeeklyInterval[] = [
      { weekday: 5, opens: '08:00', closes: '12:00' },
      { weekday: 5, opens: '08:00', closes: '12:00' },
    ];
    expect(findWeeklyHoursProblems(week)).toEqual([
      { index: 1, field: 'interval', message: 'overlaps interval 0 (08:00-12:00) on Friday' },
    ]);
  });

  it('should compare against the interval reaching furthest, not just the previous one', () => {
    const week: WeeklyInterval[] = [
      { weekday: 7, opens: '08:00', closes: '17:00' },
      { weekday: 7, opens: '09:00', closes: '10:00' },
      { weekday: 7, opens: '12:00', closes: '13:00' },
    ];
    expect(findWeeklyHoursProblems(week).map((problem) => [problem.index, problem.message])).toEqual([
      [1, 'overlaps interval 0 (08:00-17:00) on Sunday'],
      [2, 'overlaps interval 0 (08:00-17:00) on Sunday'],
    ]);
  });

  it('should skip the overlap check for intervals that are already invalid', () => {
    const week: WeeklyInterval[] = [
      { weekday: 1, opens: '16:00', closes: '08:00' },
      { weekday: 1, opens: '09:00', closes: '10:00' },
    ];
    expect(findWeeklyHoursProblems(week)).toHaveLength(1);
  });
});

describe(findDailyHoursProblems.name, () => {
  it('should accept a split day', () => {
    expect(
      findDailyHoursProblems([
        { opens: '13:00', closes: '15:00' },
        { opens: '09:00', closes: '12:00' },
      ]),
    ).toEqual([]);
  });

  it('should report format, inverted and overlap problems without a weekday', () => {
    const intervals: DailyInterval[] = [
      { opens: '09:00', closes: '12:00' },
      { opens: '10:00', closes: '09:30' },
      { opens: '11:30', closes: '13:00' },
      { opens: 'noon', closes: '13:00' },
    ];
    expect(findDailyHoursProblems(intervals)).toEqual([
      { index: 1, field: 'closes', message: 'closes (09:30) must be after opens (10:00)' },
      { index: 2, field: 'interval', message: 'overlaps interval 0 (09:00-12:00)' },
      { index: 3, field: 'opens', message: 'opens must be a time in HH:mm format between 00:00 and 23:59, got "noon"' },
    ]);
  });
});

describe(minuteRangesByWeekday.name, () => {
  it('should index valid intervals by weekday, sorted, and skip invalid ones', () => {
    const table = minuteRangesByWeekday([
      { weekday: 1, opens: '13:00', closes: '16:00' },
      { weekday: 1, opens: '08:00', closes: '12:00' },
      { weekday: 1, opens: '17:00', closes: '17:00' },
      { weekday: 9 as unknown as 1, opens: '08:00', closes: '12:00' },
      { weekday: 7, opens: '09:00', closes: '16:00' },
    ]);
    expect(table[1]).toEqual([
      { from: 480, to: 720 },
      { from: 780, to: 960 },
    ]);
    expect(table[7]).toEqual([{ from: 540, to: 960 }]);
    expect(table.slice(2, 7).every((ranges) => ranges.length === 0)).toBe(true);
  });
});

describe(minuteRangesOf.name, () => {
  it('should sort valid intervals and skip invalid ones', () => {
    expect(
      minuteRangesOf([
        { opens: '13:00', closes: '14:00' },
        { opens: '10:00', closes: '09:00' },
        { opens: '08:00', closes: '09:00' },
      ]),
    ).toEqual([
      { from: 480, to: 540 },
      { from: 780, to: 840 },
    ]);
  });
});
