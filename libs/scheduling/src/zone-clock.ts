/**
 * Wall-clock time in an IANA zone <-> UTC instants.
 *
 * DST policy (the "compatible" disambiguation of Temporal and java.time):
 * - a wall-clock time that does not exist (skipped by a spring-forward jump, e.g. 02:30 on
 *   the last Sunday of March in Europe/Stockholm) is read with the offset in force before the
 *   jump, which moves it forward by the length of the gap (02:30 -> 03:30 CEST);
 * - a wall-clock time that happens twice (fall-back, 02:00-02:59 on the last Sunday of
 *   October) means its first occurrence, i.e. the earlier offset (02:30 -> 02:30 CEST).
 * Office hours never lie in those hours in practice, but the grid and spans must still be
 * well-defined there. Luxon's DateTime.fromObject agrees on gaps but picks the second
 * occurrence of a repeated time, so conversions here use only luxon's zone offsets.
 */
import { IANAZone } from 'luxon';
import { IsoDate, MS_PER_DAY, MS_PER_MINUTE, Weekday, isoDateToUtcMs, utcMsToIsoDate, weekdayOf } from './iso-date';

export const DEFAULT_ZONE = 'Europe/Stockholm';

const MINUTES_PER_DAY = 1440;
// Real UTC offsets lie within -12h..+14h, so these margins bracket any local day.
const MAX_EAST_OFFSET_MS = 14 * 60 * MS_PER_MINUTE;
const MAX_WEST_OFFSET_MS = 12 * 60 * MS_PER_MINUTE;

const zones = new Map<string, IANAZone>();

export function resolveZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    if (!IANAZone.isValidZone(name)) throw new RangeError(`Unknown IANA time zone "${name}"`);
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

/** UTC offset in minutes in force at an instant. */
export function offsetMinutesAt(instant: number, zone: string): number {
  return resolveZone(zone).offset(instant);
}

/** The UTC offset in force at an instant as ISO 8601 writes it: '+02:00', '-05:00', '+05:30'. */
export function utcOffsetAt(instant: number, zone: string): string {
  const minutes = offsetMinutesAt(instant, zone);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// Real zones change their offset by at most a few hours at a time and at most once in a day.
const OFFSET_PROBE_MS = 6 * 60 * MS_PER_MINUTE;

/**
 * Whether the wall-clock time of an instant is read twice on that day, because clocks went back
 * around it: in Stockholm 02:00-02:59 on the last Sunday of October is first CEST, then CET. Such
 * a time must be shown with its offset, or a person cannot tell which of the two is meant.
 */
export function repeatsOnWallClock(instant: number, zone: string): boolean {
  const offset = offsetMinutesAt(instant, zone);
  for (const probe of [instant - OFFSET_PROBE_MS, instant + OFFSET_PROBE_MS]) {
    const other = offsetMinutesAt(probe, zone);
    if (other === offset) continue;
    // The instant that shows the same wall clock under the other offset, if that offset holds then.
    const twin = instant + (offset - other) * MS_PER_MINUTE;
    if (twin !== instant && offsetMinutesAt(twin, zone) === other) return true;
  }
  return false;
}

export interface LocalWallClock {
  date: IsoDate;
  /** Milliseconds since local midnight as shown on the wall clock. */
  msOfDay: number;
}

export function wallClockAt(instant: number, zone: string): LocalWallClock {
  const wall = instant + offsetMinutesAt(instant, zone) * MS_PER_MINUTE;
  const midnight = Math.floor(wall / MS_PER_DAY) * MS_PER_DAY;
  return { date: utcMsToIsoDate(midnight), msOfDay: wall - midnight };
}

export function localDateOf(instant: number, zone: string): IsoDate {
  return wallClockAt(instant, zone).date;
}

interface DayOffsets {
  /** Offset in minutes in force before the day's transition (or all day). */
  before: number;
  /** Offset in minutes in force after the day's transition (or all day). */
  after: number;
  /** First instant with the `after` offset; NaN when one offset holds all day. */
  transition: number;
}

// Luxon needs Intl formatting for each offset lookup (~10 µs), and callers convert the same
// few dates over and over (every handler of every office for the next 14 days), so the
// offsets of each (zone, date) are computed once. Plain clearing bounds the memory.
const MAX_CACHED_DAYS = 20_000;
const dayOffsetsCache = new Map<string, DayOffsets>();

function dayOffsetsOf(zone: IANAZone, wallMidnight: number): DayOffsets {
  const key = `${zone.name}|${wallMidnight}`;
  let offsets = dayOffsetsCache.get(key);
  if (!offsets) {
    // The local day lies within these instants, whatever the zone's offset.
    let low = wallMidnight - MAX_EAST_OFFSET_MS;
    let high = wallMidnight + MS_PER_DAY + MAX_WEST_OFFSET_MS;
    const before = zone.offset(low);
    const after = zone.offset(high);
    // Assumes at most one transition within these ~2 days, true of every zone in use.
    if (before !== after) {
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (zone.offset(middle) === before) low = middle;
        else high = middle;
      }
    }
    offsets = { before, after, transition: before === after ? NaN : high };
    if (dayOffsetsCache.size >= MAX_CACHED_DAYS) dayOffsetsCache.clear();
    dayOffsetsCache.set(key, offsets);
  }
  return offsets;
}

/**
 * One calendar day in one zone, able to turn wall-clock minutes into instants with plain
 * arithmetic, so that inner loops never touch luxon.
 */
export class LocalDay {
  readonly weekday: Weekday;
  /** True when one offset holds all day (no DST transition near it). */
  readonly hasUniformOffset: boolean;
  private readonly wallMidnight: number;
  private readonly offsets: DayOffsets;

  constructor(
    readonly date: IsoDate,
    zoneName: string,
  ) {
    this.weekday = weekdayOf(date);
    this.wallMidnight = isoDateToUtcMs(date);
    this.offsets = dayOffsetsOf(resolveZone(zoneName), this.wallMidnight);
    this.hasUniformOffset = Number.isNaN(this.offsets.transition);
  }

  /** The instant of a wall-clock minute of this day (0..1439), per the module's DST policy. */
  instantAt(minuteOfDay: number): number {
    const wall = this.wallMidnight + minuteOfDay * MS_PER_MINUTE;
    const withBefore = wall - this.offsets.before * MS_PER_MINUTE;
    if (this.hasUniformOffset) return withBefore;
    const withAfter = wall - this.offsets.after * MS_PER_MINUTE;
    const beforeFits = withBefore < this.offsets.transition;
    const afterFits = withAfter >= this.offsets.transition;
    if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
    if (afterFits) return withAfter;
    // Either only the earlier offset fits, or the time falls in a gap and is read with it.
    return withBefore;
  }

  /** False for wall-clock minutes skipped by a spring-forward jump. */
  exists(minuteOfDay: number): boolean {
    if (this.hasUniformOffset) return true;
    const wall = this.wallMidnight + minuteOfDay * MS_PER_MINUTE;
    return (
      wall - this.offsets.before * MS_PER_MINUTE < this.offsets.transition ||
      wall - this.offsets.after * MS_PER_MINUTE >= this.offsets.transition
    );
  }

  /** The instant at which this local day begins. */
  get start(): number {
    return this.instantAt(0);
  }
}

export function localDay(date: IsoDate, zone: string): LocalDay {
  return new LocalDay(date, zone);
}

/** Instant of a wall-clock minute on a local date, per the module's DST policy. */
export function wallClockToInstant(date: IsoDate, minuteOfDay: number, zone: string): number {
  return new LocalDay(date, zone).instantAt(minuteOfDay);
}

export interface GridPoint {
  minuteOfDay: number;
  instant: number;
}

/**
 * Wall-clock grid 00:00, 00:00+step, ... of a local day as instants, in increasing order.
 * Skipped wall-clock times are left out and repeated ones appear once (first occurrence),
 * so every label occurs at most once per day.
 */
export function wallClockGrid(day: LocalDay, stepMin: number): GridPoint[] {
  const points: GridPoint[] = [];
  for (let minute = 0; minute < MINUTES_PER_DAY; minute += stepMin) {
    if (day.exists(minute)) points.push({ minuteOfDay: minute, instant: day.instantAt(minute) });
  }
  return points;
}
