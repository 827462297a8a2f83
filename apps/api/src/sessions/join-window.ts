import { DateTime } from 'luxon';

export interface JoinWindow {
  opensAt: Date;
  closesAt: Date;
}

export function joinWindow(
  booking: { starts_at: Date; ends_at: Date },
  beforeMinutes: number,
  afterMinutes: number,
): JoinWindow {
  return {
    opensAt: new Date(booking.starts_at.getTime() - beforeMinutes * 60_000),
    closesAt: new Date(booking.ends_at.getTime() + afterMinutes * 60_000),
  };
}

/**
 * Why `now` is outside the window, in words a handler or a room screen can show, or null when it
 * is inside. Times are the office's wall clock, since that is where the meeting happens.
 */
export function outsideWindow(window: JoinWindow, now: number, zone: string): string | null {
  const local = (d: Date) => {
    const t = DateTime.fromJSDate(d, { zone });
    const today = DateTime.fromMillis(now, { zone }).hasSame(t, 'day');
    return today ? t.toFormat('HH:mm') : t.toFormat('yyyy-MM-dd HH:mm');
  };
  if (now < window.opensAt.getTime()) return `The session opens at ${local(window.opensAt)} (${zone})`;
  if (now > window.closesAt.getTime()) return `The session closed at ${local(window.closesAt)} (${zone})`;
  return null;
}
