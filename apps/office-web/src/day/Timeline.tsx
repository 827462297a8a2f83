import { DateTime } from 'luxon';
import { useEffect, useRef } from 'react';
import { useI18n } from '@distans/web-ui/i18n';
import type { DayScheduleView } from '../api';
import { BurstMark, isReleased, Needs, StatusBadge } from '../components/booking-text';

/** Vertical scale of the day: a 30-minute meeting has room for its time, name and status. */
const PX_PER_MINUTE = 2.4;

type Room = DayScheduleView['rooms'][number];
type Booking = Room['bookings'][number];

/** The span the lanes cover: the opening hours, widened to whole hours and to anything outside them. */
function daySpan(view: DayScheduleView): { start: number; end: number } {
  const zone = view.office.timeZone;
  const instants: number[] = view.openingHours.intervals.flatMap((i) => [Date.parse(i.start), Date.parse(i.end)]);
  for (const room of view.rooms) {
    for (const b of room.bookings) instants.push(Date.parse(b.start), Date.parse(b.end));
  }
  const dayStart = DateTime.fromISO(view.date, { zone });
  if (instants.length === 0) instants.push(dayStart.set({ hour: 8 }).toMillis(), dayStart.set({ hour: 17 }).toMillis());
  const first = DateTime.fromMillis(Math.min(...instants), { zone }).startOf('hour');
  const last = DateTime.fromMillis(Math.max(...instants), { zone });
  const end = last.startOf('hour').equals(last) ? last : last.startOf('hour').plus({ hours: 1 });
  return {
    start: Math.max(first.toMillis(), dayStart.toMillis()),
    end: Math.min(end.toMillis(), dayStart.plus({ days: 1 }).toMillis()),
  };
}

const minutes = (from: number, to: number) => (to - from) / 60_000;

/**
 * The rooms as lanes down the day: every booking and block at its time, in its state. A booking
 * that no longer holds its room (cancelled, no-show) moves aside when a live one shares its time.
 */
export function Timeline(props: {
  view: DayScheduleView;
  now: number;
  selectedId: string | null;
  onSelect: (booking: Booking) => void;
}) {
  const { t } = useI18n();
  const { view, now } = props;
  const zone = view.office.timeZone;
  const span = daySpan(view);
  const height = minutes(span.start, span.end) * PX_PER_MINUTE;
  const scroller = useRef<HTMLDivElement>(null);
  const hours: number[] = [];
  for (let at = span.start; at < span.end; at += 3_600_000) hours.push(at);
  const showNow = now >= span.start && now <= span.end;

  // Open on the present hour of today.
  useEffect(() => {
    if (!showNow || !scroller.current) return;
    scroller.current.scrollTop = Math.max(0, minutes(span.start, now) * PX_PER_MINUTE - 120);
    // Only when a day is first shown, not on every minute's re-read.
  }, [view.date, view.office.id]);

  const top = (instant: string) => minutes(span.start, Date.parse(instant)) * PX_PER_MINUTE;
  const tall = (from: string, to: string) => Math.max(24, minutes(Date.parse(from), Date.parse(to)) * PX_PER_MINUTE);
  const hhmm = (instant: number | string) =>
    DateTime.fromMillis(typeof instant === 'number' ? instant : Date.parse(instant), { zone }).toFormat('HH:mm');
  const overlaps = (a: Booking, b: Booking) => a.start < b.end && b.start < a.end;

  return (
    <div className="timeline" ref={scroller} data-testid="timeline">
      <div
        className="timeline-grid"
        style={{ gridTemplateColumns: `4rem repeat(${view.rooms.length}, minmax(11rem, 1fr))` }}
      >
        <div className="lane-head lane-head-time" aria-hidden="true" />
        {view.rooms.map((room) => (
          <h3 key={room.id} className="lane-head" id={`lane-${room.id}`}>
            {room.name}
            {!room.active && <span className="lane-inactive"> ({t('day.roomInactive')})</span>}
          </h3>
        ))}
        <div className="time-axis" style={{ height }} aria-hidden="true">
          {hours.map((at) => (
            <span key={at} className="hour-mark" style={{ top: minutes(span.start, at) * PX_PER_MINUTE }}>
              {hhmm(at)}
            </span>
          ))}
        </div>
        {view.rooms.map((room) => {
          const live = room.bookings.filter((b) => !isReleased(b.status));
          return (
            <section
              key={room.id}
              className="lane"
              style={{ height }}
              aria-labelledby={`lane-${room.id}`}
              data-testid="lane"
              data-room-id={room.id}
            >
              {hours.map((at) => (
                <span
                  key={at}
                  className="hour-line"
                  style={{ top: minutes(span.start, at) * PX_PER_MINUTE }}
                  aria-hidden="true"
                />
              ))}
              {view.openingHours.intervals.length === 0 && <p className="lane-closed">{t('day.closed')}</p>}
              <ol className="lane-items">
                {room.blocks.map((block) => (
                  <li
                    key={block.id}
                    className="lane-block"
                    style={{
                      top: Math.max(0, top(block.start)),
                      height: Math.min(height, tall(block.start, block.end)),
                    }}
                    data-testid="lane-block"
                  >
                    <span className="item-time">
                      {block.local.startDate === view.date ? block.local.start : '…'}–
                      {block.local.endDate === view.date ? block.local.end : '…'}
                    </span>{' '}
                    <span className="status status-blocked">▨ {t(`blockReason.${block.reason}`)}</span>
                    {block.note && <span className="item-note"> · {block.note}</span>}
                  </li>
                ))}
                {room.bookings.map((booking) => {
                  const aside = isReleased(booking.status) && live.some((other) => overlaps(booking, other));
                  const classes = ['lane-booking', `booking-${booking.status.toLowerCase()}`];
                  if (aside) classes.push('is-aside');
                  if (booking.waitingForHandler) classes.push('is-waiting');
                  if (props.selectedId === booking.id) classes.push('is-selected');
                  return (
                    <li
                      key={booking.id}
                      className={classes.join(' ')}
                      style={{ top: top(booking.start), height: tall(booking.start, booking.end) }}
                    >
                      <button
                        type="button"
                        onClick={() => props.onSelect(booking)}
                        aria-pressed={props.selectedId === booking.id}
                        data-testid="lane-booking"
                        data-booking-id={booking.id}
                        data-status={booking.status}
                      >
                        <span className="item-line">
                          <span className="item-time">
                            {booking.local.start}–{booking.local.end}
                          </span>{' '}
                          <span className="item-reference">{booking.reference}</span> <BurstMark booking={booking} />
                        </span>
                        {booking.visitorName && <span className="item-name">{booking.visitorName}</span>}
                        <StatusBadge booking={booking} />
                        <Needs booking={booking} />
                      </button>
                    </li>
                  );
                })}
              </ol>
              {showNow && (
                <span
                  className="now-line"
                  style={{ top: minutes(span.start, now) * PX_PER_MINUTE }}
                  aria-hidden="true"
                />
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}

export type LaneBooking = Booking;
