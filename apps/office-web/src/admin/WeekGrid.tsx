import { useState, type FormEvent } from 'react';
import type { WeeklyIntervalDto } from '@distans/contracts';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { useI18n } from '@distans/web-ui/i18n';
import { useSession } from '../session';
import type { BookingDecision, BookingImpactView, OfficeView } from './admin-api';
import { CheckField, controlProps, FieldProblems, SubmitError, useSubmit, type FieldErrors } from './form';
import { ImpactPanel, useImpactGuard } from './ImpactPanel';

type Weekday = WeeklyIntervalDto['weekday'];
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
type Interval = { opens: string; closes: string };
export type Week = Record<Weekday, Interval[]>;

export function weekOf(hours: WeeklyIntervalDto[]): Week {
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, []])) as unknown as Week;
  for (const { weekday, opens, closes } of hours) week[weekday].push({ opens, closes });
  return week;
}

/** The grid as the API takes it, in grid order, so that its error paths point back at cells. */
export function hoursOf(week: Week): { hours: WeeklyIntervalDto[]; cell: Map<number, string> } {
  const hours: WeeklyIntervalDto[] = [];
  const cell = new Map<number, string>();
  for (const weekday of WEEKDAYS) {
    week[weekday].forEach((interval, row) => {
      cell.set(hours.length, `${weekday}-${row}`);
      hours.push({ weekday, ...interval });
    });
  }
  return { hours, cell };
}

/** A weekday's name in the reader's language (2024-01-01 was a Monday). */
export function weekdayName(weekday: number, locale: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

/**
 * The office's regular week: each day closed, or open in one or more intervals. Saving goes
 * through the API's preview first, so bookings the new hours would strand are shown before.
 */
export function WeekGrid(props: { office: OfficeView; onSaved: (office: OfficeView) => void }) {
  const { t } = useI18n();
  const { auth } = useSession();
  const { announce } = useAnnouncer();
  const [week, setWeek] = useState<Week>(() => weekOf(props.office.weeklyHours));
  const [holidays, setHolidays] = useState(props.office.closedOnPublicHolidays);
  const { busy, error, fields, run } = useSubmit();
  const impact = useImpactGuard(run);
  const [sent, setSent] = useState<Map<number, string>>(new Map());

  const body = () => {
    const { hours, cell } = hoursOf(week);
    setSent(cell);
    return { weeklyHours: hours, closedOnPublicHolidays: holidays };
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const change = body();
    const saveWith = async (decision?: BookingDecision) => {
      const office = await auth.api.patch<OfficeView>(`/offices/${props.office.id}`, {
        ...change,
        ...(decision ? { onBookings: decision } : {}),
      });
      props.onSaved(office);
      announce(t('admin.saved'));
    };
    await impact.guard(() => auth.api.post<BookingImpactView>(`/offices/${props.office.id}/preview`, change), saveWith);
  };

  return (
    <form
      id="office-hours"
      className="card admin-form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-labelledby="office-hours-heading"
      data-testid="week-grid"
    >
      <h2 id="office-hours-heading">{t('admin.office.weeklyHours')}</h2>
      <p className="hint">{t('admin.week.hint', { zone: props.office.timeZone })}</p>
      <SubmitError error={error} />
      <FieldProblems path="weeklyHours" errors={fields} />
      <WeekHoursTable week={week} onChange={setWeek} errors={cellErrorsOf(fields, sent)} />
      <CheckField
        path="closedOnPublicHolidays"
        label={t('admin.week.closedOnHolidays')}
        checked={holidays}
        errors={fields}
        onChange={setHolidays}
      />
      {impact.pending ? (
        <ImpactPanel
          pending={impact.pending}
          busy={busy}
          onDecide={(decision) => void impact.decide(decision)}
          onDismiss={impact.dismiss}
        />
      ) : (
        <button type="submit" disabled={busy} data-testid="week-save">
          {t('admin.week.save')}
        </button>
      )}
    </form>
  );
}

/** Field paths of the API (weeklyHours.3.opens) turned into the grid's cells (weekday-row.opens). */
export function cellErrorsOf(fields: FieldErrors, sent: Map<number, string>): FieldErrors {
  const cells: FieldErrors = {};
  for (const [path, problems] of Object.entries(fields)) {
    const match = /^weeklyHours\.(\d+)\.(opens|closes|weekday)$/.exec(path);
    const cell = match ? sent.get(Number(match[1])) : undefined;
    if (cell) cells[`${cell}.${match![2]}`] = problems;
  }
  return cells;
}

/** A week as rows of days, each closed or open in intervals: for offices and for people's working hours. */
export function WeekHoursTable(props: { week: Week; onChange: (week: Week) => void; errors: FieldErrors }) {
  const { t, locale } = useI18n();
  const { week } = props;
  const cellErrors = props.errors;
  const update = (weekday: Weekday, change: (rows: Interval[]) => Interval[]) =>
    props.onChange({ ...week, [weekday]: change(week[weekday]) });
  return (
    <table className="week-grid">
      <thead>
        <tr>
          <th scope="col">{t('admin.week.day')}</th>
          <th scope="col">{t('admin.week.hours')}</th>
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((weekday) => {
          const day = weekdayName(weekday, locale);
          const rows = week[weekday];
          return (
            <tr key={weekday} data-testid={`week-day-${weekday}`}>
              <th scope="row">{day}</th>
              <td>
                {rows.length === 0 && <span className="closed-mark">{t('admin.week.closed')}</span>}
                {rows.map((row, index) => (
                  <div className="interval" key={index}>
                    {(['opens', 'closes'] as const).map((end) => {
                      const path = `${weekday}-${index}.${end}`;
                      return (
                        <span className="time-cell" key={end}>
                          <label htmlFor={controlProps(path, cellErrors).id}>
                            {t(`admin.week.${end}`)}
                            <span className="visually-hidden">
                              {' '}
                              {day} {index + 1}
                            </span>
                          </label>
                          <input
                            {...controlProps(path, cellErrors)}
                            type="time"
                            step={900}
                            value={row[end]}
                            onChange={(event) =>
                              update(weekday, (list) =>
                                list.map((item, i) => (i === index ? { ...item, [end]: event.target.value } : item)),
                              )
                            }
                          />
                          <FieldProblems path={path} errors={cellErrors} />
                        </span>
                      );
                    })}
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => update(weekday, (list) => list.filter((_, i) => i !== index))}
                    >
                      {t('admin.week.remove')}
                      <span className="visually-hidden">
                        {' '}
                        {day} {index + 1}
                      </span>
                    </button>
                  </div>
                ))}
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    update(weekday, (list) => [
                      ...list,
                      list.length ? { opens: '13:00', closes: '16:00' } : { opens: '09:00', closes: '16:00' },
                    ])
                  }
                  data-testid={`week-add-${weekday}`}
                >
                  {t(rows.length ? 'admin.week.addInterval' : 'admin.week.open')}
                  <span className="visually-hidden"> {day}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
