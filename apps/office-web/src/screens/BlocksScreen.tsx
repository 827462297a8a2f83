import { DateTime } from 'luxon';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ROOM_BLOCK_REASONS, type RoomBlockReason } from '@distans/contracts';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { dateInZone, longDate, shiftDate } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import type { ConflictingBooking, OfficeSummary, RoomBlockView } from '../api';
import { StatusBadge } from '../components/booking-text';
import { ErrorMessage } from '../components/ErrorMessage';
import { conflictsOf, errorText, type ErrorText } from '../errors';
import { useSession } from '../session';
import { useRooms } from '../use-rooms';

/** Blocks listed from today this many days ahead (the API's longest range). */
const LIST_DAYS = 31;

/**
 * Taking a room out of use (maintenance, a court hearing, other use) for a time range. A block
 * that runs into bookings is refused, and the bookings are listed so they can be moved first.
 */
export function BlocksScreen(props: { office: OfficeSummary }) {
  const { t, locale } = useI18n();
  const { auth } = useSession();
  const { announce } = useAnnouncer();
  const zone = props.office.timeZone;
  const today = dateInZone(Date.now(), zone);
  const heading = useScreenHeading(t('blocks.title'));
  const activeRooms = useRooms(props.office.id).rooms?.filter((room) => room.active) ?? [];
  const [blocks, setBlocks] = useState<RoomBlockView[] | null>(null);
  const [roomId, setRoomId] = useState('');
  const [date, setDate] = useState(today);
  const [from, setFrom] = useState('08:00');
  const [to, setTo] = useState('12:00');
  const [endDate, setEndDate] = useState(today);
  const [reason, setReason] = useState<RoomBlockReason>('COURT_HEARING');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ErrorText | null>(null);
  const [conflicts, setConflicts] = useState<ConflictingBooking[]>([]);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setBlocks(
        await auth.api.get<RoomBlockView[]>(
          `/offices/${props.office.id}/room-blocks?from=${today}&to=${shiftDate(today, LIST_DAYS - 1)}`,
        ),
      );
    } catch (caught) {
      setError(errorText(caught, t));
    }
    // `t` only words an error.
  }, [auth, props.office.id, today]);

  useEffect(() => {
    void load();
  }, [load]);

  const firstRoom = activeRooms[0]?.id ?? '';
  useEffect(() => {
    if (!roomId && firstRoom) setRoomId(firstRoom);
  }, [roomId, firstRoom]);

  const instant = (day: string, time: string) =>
    DateTime.fromISO(`${day}T${time}`, { zone }).toISO({ suppressMilliseconds: true });

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setConflicts([]);
    try {
      await auth.api.post<RoomBlockView>(`/offices/${props.office.id}/room-blocks`, {
        roomId,
        start: instant(date, from),
        end: instant(endDate < date ? date : endDate, to),
        reason,
        ...(note.trim() ? { note: note.trim() } : {}),
        listConflicts: true,
      });
      announce(t('blocks.created'));
      setNote('');
      await load();
    } catch (caught) {
      setError(errorText(caught, t));
      setConflicts(conflictsOf<ConflictingBooking>(caught));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (block: RoomBlockView) => {
    setError(null);
    try {
      await auth.api.delete(`/offices/${props.office.id}/room-blocks/${block.id}`);
      announce(t('blocks.deleted', { room: block.roomName }));
      await load();
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };

  const span = (block: RoomBlockView) =>
    block.local.startDate === block.local.endDate
      ? `${longDate(block.local.startDate, locale)} ${block.local.start}–${block.local.end}`
      : `${longDate(block.local.startDate, locale)} ${block.local.start} – ${longDate(block.local.endDate, locale)} ${block.local.end}`;

  return (
    <div className="blocks-screen">
      <h1 ref={heading} tabIndex={-1}>
        {t('blocks.title')} <span className="heading-sub">{props.office.name}</span>
      </h1>
      <div className="two-columns">
        <form className="card block-form" onSubmit={(event) => void create(event)} data-testid="block-form">
          <h2>{t('blocks.new')}</h2>
          <div className="field">
            <label htmlFor="block-room">{t('blocks.room')}</label>
            <select id="block-room" value={roomId} onChange={(event) => setRoomId(event.target.value)}>
              {activeRooms.map((room) => (
                <option key={room.id} value={room.id}>
                  {room.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="block-date">{t('blocks.startDate')}</label>
              <input
                id="block-date"
                type="date"
                value={date}
                required
                onChange={(event) => {
                  setDate(event.target.value);
                  if (endDate < event.target.value) setEndDate(event.target.value);
                }}
              />
            </div>
            <div className="field">
              <label htmlFor="block-from">{t('blocks.from')}</label>
              <input
                id="block-from"
                type="time"
                value={from}
                required
                onChange={(event) => setFrom(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="block-end-date">{t('blocks.endDate')}</label>
              <input
                id="block-end-date"
                type="date"
                value={endDate}
                min={date}
                required
                onChange={(event) => setEndDate(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="block-to">{t('blocks.to')}</label>
              <input id="block-to" type="time" value={to} required onChange={(event) => setTo(event.target.value)} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="block-reason">{t('blocks.reason')}</label>
            <select
              id="block-reason"
              value={reason}
              onChange={(event) => setReason(event.target.value as RoomBlockReason)}
            >
              {ROOM_BLOCK_REASONS.map((option) => (
                <option key={option} value={option}>
                  {t(`blockReason.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="block-note">{t('blocks.note')}</label>
            <input
              id="block-note"
              value={note}
              maxLength={200}
              onChange={(event) => setNote(event.target.value)}
              aria-describedby="block-note-hint"
            />
            <p id="block-note-hint" className="hint">
              {t('blocks.noteHint')}
            </p>
          </div>
          <button type="submit" disabled={busy || !roomId} data-testid="block-submit">
            {t('blocks.create')}
          </button>
          {error && <ErrorMessage error={error} />}
          {conflicts.length > 0 && (
            <section className="conflicts" aria-labelledby="conflicts-title" data-testid="block-conflicts">
              <h3 id="conflicts-title">{t('blocks.conflicts', { count: conflicts.length })}</h3>
              <ul>
                {conflicts.map((booking) => (
                  <li key={booking.id} data-testid="block-conflict">
                    {longDate(booking.local.startDate, locale)} {booking.local.start}–{booking.local.end} ·{' '}
                    <strong>{booking.reference}</strong> ·{' '}
                    {locale === 'sv' ? booking.agency.nameSv : booking.agency.nameEn}{' '}
                    <StatusBadge booking={{ status: booking.status, waitingForHandler: null }} />
                  </li>
                ))}
              </ul>
              <p className="hint">{t('blocks.conflictsHint')}</p>
            </section>
          )}
        </form>
        <section className="card" aria-labelledby="block-list-title">
          <h2 id="block-list-title">{t('blocks.list', { days: LIST_DAYS })}</h2>
          {!blocks && <p className="loading">{t('common.loading')}</p>}
          {blocks && blocks.length === 0 && <p className="empty">{t('blocks.none')}</p>}
          <ul className="block-list">
            {blocks?.map((block) => (
              <li key={block.id} data-testid="block-item">
                <div>
                  <p>
                    <strong>{block.roomName}</strong> · {span(block)}
                  </p>
                  <p className="hint">
                    {t(`blockReason.${block.reason}`)}
                    {block.note && ` · ${block.note}`}
                  </p>
                </div>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void remove(block)}
                  data-testid="block-delete"
                >
                  {t('blocks.delete')}
                  <span className="visually-hidden"> {`${block.roomName}, ${span(block)}`}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
