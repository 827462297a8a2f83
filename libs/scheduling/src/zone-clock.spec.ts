import { DateTime } from 'luxon';
import { datesBetween } from './iso-date';
import {
  LocalDay,
  localDateOf,
  offsetMinutesAt,
  repeatsOnWallClock,
  resolveZone,
  utcOffsetAt,
  wallClockAt,
  wallClockGrid,
  wallClockToInstant,
} from './zone-clock';

const ZONE = 'Europe/Stockholm';
const at = (iso: string): number => Date.parse(iso);

describe(resolveZone.name, () => {
  it('should throw a RangeError for an unknown zone', () => {
    expect(() => resolveZone('Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('should return the same zone object on repeated calls', () => {
    expect(resolveZone(ZONE)).toBe(resolveZone(ZONE));
  });
});

describe(offsetMinutesAt.name, () => {
  it('should switch offset exactly at the DST instants', () => {
    expect(offsetMinutesAt(at('2026-03-29T00:59:59.999Z'), ZONE)).toBe(60);
    expect(offsetMinutesAt(at('2026-03-29T01:00:00Z'), ZONE)).toBe(120);
    expect(offsetMinutesAt(at('2026-10-25T00:59:59.999Z'), ZONE)).toBe(120);
    expect(offsetMinutesAt(at('2026-10-25T01:00:00Z'), ZONE)).toBe(60);
  });
});

describe(utcOffsetAt.name, () => {
  it('should write the offset as ISO 8601 does, on both sides of a change and in other zones', () => {
    expect(utcOffsetAt(at('2026-10-25T00:45:00Z'), ZONE)).toBe('+02:00');
    expect(utcOffsetAt(at('2026-10-25T01:15:00Z'), ZONE)).toBe('+01:00');
    expect(utcOffsetAt(at('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('-04:00');
    expect(utcOffsetAt(at('2026-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe('+05:30');
    expect(utcOffsetAt(at('2026-07-01T12:00:00Z'), 'UTC')).toBe('+00:00');
  });
});

describe(repeatsOnWallClock.name, () => {
  it('should flag both readings of 02:00-02:59 on the autumn Sunday and nothing around them', () => {
    expect(repeatsOnWallClock(at('2026-10-25T00:00:00Z'), ZONE)).toBe(true); // 02:00 CEST
    expect(repeatsOnWallClock(at('2026-10-25T00:59:00Z'), ZONE)).toBe(true); // 02:59 CEST
    expect(repeatsOnWallClock(at('2026-10-25T01:00:00Z'), ZONE)).toBe(true); // 02:00 CET
    expect(repeatsOnWallClock(at('2026-10-25T01:59:00Z'), ZONE)).toBe(true); // 02:59 CET
    expect(repeatsOnWallClock(at('2026-10-24T23:59:00Z'), ZONE)).toBe(false); // 01:59 CEST
    expect(repeatsOnWallClock(at('2026-10-25T02:00:00Z'), ZONE)).toBe(false); // 03:00 CET
  });

  it('should flag nothing on the spring Sunday, when a wall-clock hour is skipped rather than repeated', () => {
    for (const utc of ['2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z']) {
      expect(repeatsOnWallClock(at(utc), ZONE)).toBe(false);
    }
    expect(repeatsOnWallClock(at('2026-07-01T12:00:00Z'), 'UTC')).toBe(false);
  });
});

describe(wallClockAt.name, () => {
  it('should give local date and time of day', () => {
    expect(wallClockAt(at('2026-06-18T22:30:00Z'), ZONE)).toEqual({ date: '2026-06-19', msOfDay: 30 * 60_000 });
  });

  it('should show the repeated hour twice on the fall-back day', () => {
    expect(wallClockAt(at('2026-10-25T00:15:00Z'), ZONE)).toEqual({ date: '2026-10-25', msOfDay: 135 * 60_000 });
    expect(wallClockAt(at('2026-10-25T01:15:00Z'), ZONE)).toEqual({ date: '2026-10-25', msOfDay: 135 * 60_000 });
  });
});

describe(localDateOf.name, () => {
  it('should use the zone, not UTC, to decide the date', () => {
    expect(localDateOf(at('2026-12-31T23:30:00Z'), ZONE)).toBe('2027-01-01');
    expect(localDateOf(at('2026-12-31T23:30:00Z'), 'America/New_York')).toBe('2026-12-31');
  });
});

describe(wallClockToInstant.name, () => {
  it('should convert ordinary winter and summer times', () => {
    expect(wallClockToInstant('2026-01-05', 9 * 60, ZONE)).toBe(at('2026-01-05T08:00:00Z'));
    expect(wallClockToInstant('2026-06-22', 9 * 60, ZONE)).toBe(at('2026-06-22T07:00:00Z'));
  });

  it('should convert 10:00 on both DST Sundays with the offset in force that day', () => {
    expect(wallClockToInstant('2026-03-29', 10 * 60, ZONE)).toBe(at('2026-03-29T08:00:00Z'));
    expect(wallClockToInstant('2026-10-25', 10 * 60, ZONE)).toBe(at('2026-10-25T09:00:00Z'));
  });

  it('should move a skipped spring-forward time forward by the gap (02:30 -> 03:30 CEST)', () => {
    expect(wallClockToInstant('2026-03-29', 150, ZONE)).toBe(at('2026-03-29T01:30:00Z'));
    expect(wallClockToInstant('2026-03-29', 120, ZONE)).toBe(at('2026-03-29T01:00:00Z'));
  });

  it('should take the first (earlier offset) occurrence of a repeated fall-back time', () => {
    expect(wallClockToInstant('2026-10-25', 150, ZONE)).toBe(at('2026-10-25T00:30:00Z'));
    expect(wallClockToInstant('2026-10-25', 120, ZONE)).toBe(at('2026-10-25T00:00:00Z'));
  });

  it('should agree with luxon outside the repeated hour on every day of 2026', () => {
    const mismatches: string[] = [];
    for (const date of datesBetween('2026-01-01', '2026-12-31')) {
      for (const minute of [0, 59, 60, 119, 180, 181, 600, 1439]) {
        const expected = DateTime.fromISO(date, { zone: ZONE }).set({
          hour: Math.floor(minute / 60),
          minute: minute % 60,
        });
        if (wallClockToInstant(date, minute, ZONE) !== expected.toMillis()) mismatches.push(`${date} minute ${minute}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('should handle zones west of UTC and their own DST dates', () => {
    expect(wallClockToInstant('2026-03-08', 150, 'America/New_York')).toBe(at('2026-03-08T07:30:00Z'));
    expect(wallClockToInstant('2026-11-01', 90, 'America/New_York')).toBe(at('2026-11-01T05:30:00Z'));
  });
});

describe(LocalDay.name, () => {
  it('should report skipped minutes as not existing only on the spring-forward day', () => {
    const spring = new LocalDay('2026-03-29', ZONE);
    expect(spring.exists(119)).toBe(true);
    expect(spring.exists(120)).toBe(false);
    expect(spring.exists(179)).toBe(false);
    expect(spring.exists(180)).toBe(true);
    const autumn = new LocalDay('2026-10-25', ZONE);
    expect([120, 150, 179].every((minute) => autumn.exists(minute))).toBe(true);
  });

  it('should expose weekday and local start of day', () => {
    const day = new LocalDay('2026-03-29', ZONE);
    expect(day.weekday).toBe(7);
    expect(day.start).toBe(at('2026-03-28T23:00:00Z'));
    expect(new LocalDay('2026-03-30', ZONE).start).toBe(at('2026-03-29T22:00:00Z'));
  });

  it('should take the fast path only on days without a transition nearby', () => {
    expect(new LocalDay('2026-03-25', ZONE).hasUniformOffset).toBe(true);
    expect(new LocalDay('2026-03-29', ZONE).hasUniformOffset).toBe(false);
    expect(new LocalDay('2026-10-25', ZONE).hasUniformOffset).toBe(false);
  });
  it('should start the day at 01:00 where clocks jump forward at midnight (America/Santiago)', () => {
    const day = new LocalDay('2026-09-06', 'America/Santiago');
    expect(day.exists(0)).toBe(false);
    expect(day.start).toBe(at('2026-09-06T04:00:00Z'));
    expect(wallClockGrid(day, 60)).toHaveLength(23);
  });

  it('should give the repeated late evening to the earlier day where clocks go back at midnight', () => {
    const saturday = new LocalDay('2026-04-04', 'America/Santiago');
    expect(saturday.instantAt(23 * 60 + 30)).toBe(at('2026-04-05T02:30:00Z'));
    expect(new LocalDay('2026-04-05', 'America/Santiago').start).toBe(at('2026-04-05T04:00:00Z'));
  });

  it('should give the same answers when a day is converted again from the cache', () => {
    const first = new LocalDay('2026-10-25', ZONE).instantAt(150);
    const again = new LocalDay('2026-10-25', ZONE).instantAt(150);
    expect(again).toBe(first);
  });
});

describe(wallClockGrid.name, () => {
  it('should give 96 quarter hours on an ordinary day', () => {
    const grid = wallClockGrid(new LocalDay('2026-03-30', ZONE), 15);
    expect(grid).toHaveLength(96);
    expect(grid[0]).toEqual({ minuteOfDay: 0, instant: at('2026-03-29T22:00:00Z') });
  });

  it('should leave out 02:00-02:45 on the spring-forward day (92 points, 23 h)', () => {
    const grid = wallClockGrid(new LocalDay('2026-03-29', ZONE), 15);
    expect(grid).toHaveLength(92);
    expect(grid.map((point) => point.minuteOfDay)).not.toContain(120);
    const around = grid.filter((point) => point.minuteOfDay >= 105 && point.minuteOfDay <= 180);
    expect(around).toEqual([
      { minuteOfDay: 105, instant: at('2026-03-29T00:45:00Z') },
      { minuteOfDay: 180, instant: at('2026-03-29T01:00:00Z') },
    ]);
  });

  it('should list 02:00-02:45 once, at the first occurrence, on the fall-back day', () => {
    const grid = wallClockGrid(new LocalDay('2026-10-25', ZONE), 15);
    expect(grid).toHaveLength(96);
    const around = grid.filter((point) => point.minuteOfDay >= 105 && point.minuteOfDay <= 180);
    expect(around.map((point) => new Date(point.instant).toISOString())).toEqual([
      '2026-10-24T23:45:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T00:15:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T00:45:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ]);
  });

  it('should be strictly increasing on every day of the year', () => {
    for (const date of datesBetween('2026-01-01', '2026-12-31')) {
      const grid = wallClockGrid(new LocalDay(date, ZONE), 15);
      expect(grid.every((point, i) => i === 0 || point.instant > grid[i - 1].instant)).toBe(true);
    }
  });
});
