import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { dateInZone, longDate } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { errorText, type ErrorText } from '../errors';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSession } from '../session';
import type { BookingDecision, BookingImpactView, OfficeExceptionView, OfficeView, OpeningDayView } from './admin-api';
import { controlProps, Field, FieldProblems, SubmitError, useSubmit } from './form';
import { ImpactPanel, useImpactGuard } from './ImpactPanel';
import { weekdayName } from './WeekGrid';
import { ApiError } from '@distans/web-ui/api';

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 10);
}

function monthEnd(month: string): string {
  const d = new Date(`${shiftMonth(month, 1)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

interface Draft {
  closed: boolean;
  intervals: { opens: string; closes: string }[];
  reason: string;
}

/**
 * A month of the office's days as the API computes them (weekly hours, dated exceptions, and the
 * public holidays and eves that close it), to add, change or remove an exception on any day.
 */
export function ExceptionsCalendar(props: { office: OfficeView }) {
  const { t, locale, intl } = useI18n();
  const { auth } = useSession();
  const { announce } = useAnnouncer();
  const today = dateInZone(Date.now(), props.office.timeZone);
  const [month, setMonth] = useState(monthStart(today));
  const [days, setDays] = useState<OpeningDayView[] | null>(null);
  const [exceptions, setExceptions] = useState<Map<string, OfficeExceptionView>>(new Map());
  const [loadError, setLoadError] = useState<ErrorText | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>({ closed: true, intervals: [], reason: '' });
  const { busy, error, fields, run } = useSubmit();
  const impact = useImpactGuard(run);

  const load = useCallback(async () => {
    const range = `from=${month}&to=${monthEnd(month)}`;
    try {
      const [calendar, list] = await Promise.all([
        auth.api.get<{ days: OpeningDayView[] }>(`/offices/${props.office.id}/opening-hours?${range}`),
        auth.api.get<{ items: OfficeExceptionView[] }>(`/offices/${props.office.id}/exceptions?${range}&pageSize=62`),
      ]);
      setDays(calendar.days);
      setExceptions(new Map(list.items.map((e) => [e.date, e])));
    } catch (caught) {
      setLoadError(errorText(caught, t));
    }
    // `t` only words an error.
  }, [auth, props.office.id, month]);
  useEffect(() => {
    void load();
  }, [load, props.office.weeklyHours]);

  const choose = (date: string) => {
    setSelected(date);
    impact.dismiss();
    const existing = exceptions.get(date);
    setDraft(
      existing
        ? { closed: existing.closed, intervals: existing.intervals, reason: existing.reason }
        : { closed: true, intervals: [], reason: '' },
    );
  };

  const body = () => ({
    closed: draft.closed,
    ...(draft.closed ? {} : { intervals: draft.intervals }),
    ...(draft.reason.trim() ? { reason: draft.reason.trim() } : {}),
  });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    const date = selected;
    const change = body();
    const ok = await impact.guard(
      () => auth.api.post<BookingImpactView>(`/offices/${props.office.id}/exceptions/${date}/preview`, change),
      async (decision?: BookingDecision) => {
        await auth.api.put(`/offices/${props.office.id}/exceptions/${date}`, {
          ...change,
          ...(decision ? { onBookings: decision } : {}),
        });
        announce(t('admin.calendar.saved', { date: longDate(date, locale) }));
        await load();
      },
    );
    if (ok) setSelected(date);
  };

  const remove = async () => {
    if (!selected) return;
    const date = selected;
    // The API answers the bookings that the weekly hours would strand (409), and the same
    // panel asks what to do with them.
    await impact.guard(
      async () => {
        try {
          await auth.api.delete(`/offices/${props.office.id}/exceptions/${date}`);
          announce(t('admin.calendar.removed', { date: longDate(date, locale) }));
          await load();
          return { affected: [] };
        } catch (caught) {
          if (caught instanceof ApiError && caught.body?.code === 'BOOKINGS_AFFECTED') {
            return { affected: (caught.body.extra?.affected ?? []) as BookingImpactView['affected'] };
          }
          throw caught;
        }
      },
      async (decision?: BookingDecision) => {
        if (!decision) return;
        await auth.api.delete(`/offices/${props.office.id}/exceptions/${date}?onBookings=${decision}`);
        announce(t('admin.calendar.removed', { date: longDate(date, locale) }));
        await load();
      },
    );
  };

  const first = days?.[0];
  const leading = first ? first.weekday - 1 : 0;
  const monthName = intl.formatDate(new Date(`${month}T12:00:00Z`), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const selectedDay = days?.find((day) => day.date === selected) ?? null;
  const dayLabel = (day: OpeningDayView) =>
    day.closed
      ? day.source === 'holiday'
        ? t('admin.calendar.holiday', { name: day.holiday ?? '' })
        : t('admin.calendar.closed')
      : day.intervals.map((i) => `${i.opens}–${i.closes}`).join(', ');

  return (
    <section id="office-calendar" className="card" aria-labelledby="office-calendar-heading">
      <h2 id="office-calendar-heading">{t('admin.office.calendar')}</h2>
      <p className="hint">{t('admin.calendar.hint')}</p>
      {loadError && <ErrorMessage error={loadError} />}
      <div className="month-nav">
        <button type="button" className="secondary" onClick={() => setMonth(shiftMonth(month, -1))}>
          {t('admin.calendar.previous')}
        </button>
        <h3 aria-live="polite">{monthName}</h3>
        <button
          type="button"
          className="secondary"
          onClick={() => setMonth(shiftMonth(month, 1))}
          data-testid="calendar-next"
        >
          {t('admin.calendar.next')}
        </button>
      </div>
      <ul className="legend" aria-label={t('admin.calendar.legend')}>
        <li className="day-weekly">{t('admin.calendar.source.weekly')}</li>
        <li className="day-exception">{t('admin.calendar.source.exception')}</li>
        <li className="day-holiday">{t('admin.calendar.source.holiday')}</li>
      </ul>
      {days && (
        <div className="month-grid" role="group" aria-label={monthName}>
          {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
            <div key={weekday} className="month-weekday" aria-hidden="true">
              {weekdayName(weekday, locale, 'short')}
            </div>
          ))}
          {Array.from({ length: leading }, (_, i) => (
            <div key={`pad-${i}`} aria-hidden="true" />
          ))}
          {days.map((day) => (
            <button
              type="button"
              key={day.date}
              className={`month-day day-${day.source} ${day.closed ? 'is-closed' : ''}`}
              aria-pressed={selected === day.date}
              onClick={() => choose(day.date)}
              data-testid={`calendar-day-${day.date}`}
              data-source={day.source}
              data-closed={day.closed}
            >
              <span className="month-day-number" aria-hidden="true">
                {Number(day.date.slice(8))}
              </span>
              <span className="visually-hidden">{longDate(day.date, locale)}: </span>
              <span className="month-day-label">{dayLabel(day)}</span>
              {day.source === 'exception' && day.reason && <span className="month-day-reason">{day.reason}</span>}
            </button>
          ))}
        </div>
      )}
      {selected && selectedDay && (
        <form
          className="day-editor"
          noValidate
          onSubmit={(event) => void save(event)}
          aria-labelledby="day-editor-heading"
          data-testid="day-editor"
        >
          <h3 id="day-editor-heading">{longDate(selected, locale)}</h3>
          <p>
            {t(`admin.calendar.now.${selectedDay.source}`, { hours: dayLabel(selectedDay) })}
            {selectedDay.holiday && selectedDay.source !== 'holiday'
              ? ` ${t('admin.calendar.alsoHoliday', { name: selectedDay.holiday })}`
              : ''}
          </p>
          <SubmitError error={error} />
          <fieldset>
            <legend>{t('admin.calendar.kind')}</legend>
            <div className="choice">
              <input
                type="radio"
                id="exception-closed"
                name="exception-kind"
                checked={draft.closed}
                onChange={() => setDraft({ ...draft, closed: true })}
              />
              <label htmlFor="exception-closed">{t('admin.calendar.closedAllDay')}</label>
            </div>
            <div className="choice">
              <input
                type="radio"
                id="exception-open"
                name="exception-kind"
                checked={!draft.closed}
                onChange={() =>
                  setDraft({
                    ...draft,
                    closed: false,
                    intervals: draft.intervals.length ? draft.intervals : [{ opens: '10:00', closes: '14:00' }],
                  })
                }
              />
              <label htmlFor="exception-open">{t('admin.calendar.changedHours')}</label>
            </div>
          </fieldset>
          <FieldProblems path="intervals" errors={fields} />
          {!draft.closed &&
            draft.intervals.map((interval, index) => (
              <div className="field-row" key={index}>
                {(['opens', 'closes'] as const).map((end) => (
                  <div className="field" key={end}>
                    <label htmlFor={controlProps(`intervals.${index}.${end}`, fields).id}>
                      {t(`admin.week.${end}`)}
                    </label>
                    <input
                      {...controlProps(`intervals.${index}.${end}`, fields)}
                      type="time"
                      step={900}
                      value={interval[end]}
                      onChange={(event) =>
                        setDraft({
                          ...draft,
                          intervals: draft.intervals.map((item, i) =>
                            i === index ? { ...item, [end]: event.target.value } : item,
                          ),
                        })
                      }
                    />
                    <FieldProblems path={`intervals.${index}.${end}`} errors={fields} />
                  </div>
                ))}
              </div>
            ))}
          <Field path="reason" label={t('admin.calendar.reason')} errors={fields}>
            {(control) => (
              <input
                {...control}
                type="text"
                maxLength={200}
                value={draft.reason}
                onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
              />
            )}
          </Field>
          {impact.pending ? (
            <ImpactPanel
              pending={impact.pending}
              busy={busy}
              onDecide={(decision) => void impact.decide(decision)}
              onDismiss={impact.dismiss}
            />
          ) : (
            <div className="actions">
              <button type="submit" disabled={busy} data-testid="exception-save">
                {t('admin.calendar.save')}
              </button>
              {exceptions.has(selected) && (
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() => void remove()}
                  data-testid="exception-remove"
                >
                  {t('admin.calendar.remove')}
                </button>
              )}
            </div>
          )}
        </form>
      )}
    </section>
  );
}
