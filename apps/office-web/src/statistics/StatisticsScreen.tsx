import { DateTime } from 'luxon';
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import {
  LOCALE_TAGS,
  type StatisticsDimension,
  type StatisticsFigure,
  type StatisticsRow,
  type StatisticsView,
} from '@distans/contracts';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { languageName } from '@distans/web-ui/format';
import { useI18n, type Locale } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import { Field, SubmitError, useSubmit } from '../admin/form';
import { useSession } from '../session';
import { BarChart, MAX_SERIES, type ChartSeries } from './BarChart';
import { saveDownload } from '@distans/web-ui/save-download';

const ZONE = 'Europe/Stockholm';

interface Filters {
  from: string;
  to: string;
  by: StatisticsDimension;
}

function lastTwelveMonths(): Filters {
  const to = DateTime.now().setZone(ZONE).startOf('month');
  return { from: to.minus({ months: 11 }).toFormat('yyyy-MM'), to: to.toFormat('yyyy-MM'), by: 'all' };
}

function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (
    let m = DateTime.fromISO(`${from}-01`);
    m.toFormat('yyyy-MM') <= to && months.length < 36;
    m = m.plus({ months: 1 })
  )
    months.push(m.toFormat('yyyy-MM'));
  return months;
}

/** How a column's numbers read: shares as percentages, minutes with one decimal, counts whole. */
function formatterOf(column: string, locale: Locale): (value: number) => string {
  const tag = LOCALE_TAGS[locale];
  if (column.endsWith('Share'))
    return (v) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  if (column.endsWith('Min') || column.endsWith('Mean'))
    return (v) => new Intl.NumberFormat(tag, { maximumFractionDigits: column.endsWith('Mean') ? 2 : 1 }).format(v);
  return (v) => new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(v);
}

/**
 * The statistics: a chart per figure over the months, the figure's table beneath it (the
 * chart's accessible form, and every number), and a CSV of the same rows. For one office when
 * opened from an office, for the whole country from the administrators' settings. Cells of
 * fewer visits than the API's smallest cell come blank, marked as such.
 */
export function StatisticsScreen(props: { officeId?: string }) {
  const { t } = useI18n();
  const { auth, profile } = useSession();
  const heading = useScreenHeading(t('stats.title'));
  const [draft, setDraft] = useState<Filters>(lastTwelveMonths);
  const [filters, setFilters] = useState<Filters>(draft);
  const [views, setViews] = useState<StatisticsView[] | null>(null);
  const { busy, error, fields, run } = useSubmit();
  const withSecurity = profile.role === 'ADMIN' && !props.officeId;
  const figures = useMemo<StatisticsFigure[]>(
    () => [
      'bookings',
      'waiting',
      'sessions',
      'interpreters',
      'satisfaction',
      ...(withSecurity ? (['security'] as const) : []),
    ],
    [withSecurity],
  );
  const dimensions: StatisticsDimension[] = props.officeId
    ? ['all', 'agency', 'caseType']
    : ['all', 'region', 'office', 'agency', 'caseType'];

  const query = useCallback(
    (f: Filters) => {
      const params = new URLSearchParams({ from: f.from, to: f.to, by: f.by });
      if (props.officeId) params.set('officeId', props.officeId);
      return params;
    },
    [props.officeId],
  );

  useEffect(() => {
    void run(async () => {
      const params = query(filters);
      setViews(
        await Promise.all(figures.map((figure) => auth.api.get<StatisticsView>(`/statistics/${figure}?${params}`))),
      );
    });
  }, [auth, figures, filters, query, run]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft });
  };

  return (
    <div className="admin-screen statistics-screen">
      <h1 ref={heading} tabIndex={-1}>
        {t('stats.title')}
      </h1>
      <p className="hint">{t('stats.hint')}</p>
      <form className="card filters" noValidate onSubmit={apply} data-testid="stats-filters">
        <Field path="from" label={t('stats.from')} errors={fields}>
          {(control) => (
            <input
              {...control}
              type="month"
              value={draft.from}
              onChange={(event) => setDraft({ ...draft, from: event.target.value })}
              data-testid="stats-from"
            />
          )}
        </Field>
        <Field path="to" label={t('stats.to')} errors={fields}>
          {(control) => (
            <input
              {...control}
              type="month"
              value={draft.to}
              onChange={(event) => setDraft({ ...draft, to: event.target.value })}
              data-testid="stats-to"
            />
          )}
        </Field>
        <Field path="by" label={t('stats.by')} errors={fields}>
          {(control) => (
            <select
              {...control}
              value={draft.by}
              onChange={(event) => setDraft({ ...draft, by: event.target.value as StatisticsDimension })}
              data-testid="stats-by"
            >
              {dimensions.map((dimension) => (
                <option key={dimension} value={dimension}>
                  {t(`stats.by.${dimension}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy} data-testid="stats-apply">
            {t('stats.apply')}
          </button>
        </div>
      </form>
      <SubmitError error={error} />
      {busy && !views && <p className="loading">{t('common.loading')}</p>}
      {views?.map((view) => (
        <FigureCard key={view.figure} view={view} query={query(filters)} />
      ))}
    </div>
  );
}

function FigureCard(props: { view: StatisticsView; query: URLSearchParams }) {
  const { view } = props;
  const { t, locale } = useI18n();
  const { auth } = useSession();
  const { announce } = useAnnouncer();
  const headingId = useId();
  const [column, setColumn] = useState<string>(view.columns[0]);
  const { busy, error, run } = useSubmit();
  const months = monthsOf(view.from, view.to);
  const monthLabel = (month: string) =>
    DateTime.fromISO(`${month}-01`)
      .setLocale(LOCALE_TAGS[locale])
      .toFormat(months.length > 12 ? 'LLL yy' : 'LLL');
  const longMonth = (month: string) =>
    DateTime.fromISO(`${month}-01`).setLocale(LOCALE_TAGS[locale]).toFormat('LLLL yyyy');
  const groupName = (row: StatisticsRow) => (row.group ? (locale === 'sv' ? row.group.nameSv : row.group.nameEn) : '');
  const categoryName = (category: string) =>
    view.figure === 'security' ? t(`stats.security.${category}`) : languageName(category, locale);
  const seriesName = (row: StatisticsRow) =>
    row.category ? categoryName(row.category) : groupName(row) || t('stats.total');
  const format = formatterOf(column, locale);

  // One series per category (languages, event kinds) or else per group, the largest first.
  const totals = new Map<string, number>();
  for (const row of view.rows) totals.set(seriesName(row), (totals.get(seriesName(row)) ?? 0) + (row.n ?? 0));
  const names = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)!).slice(0, MAX_SERIES);
  const series: ChartSeries[] = names.map((name) => ({
    label: name,
    values: months.map((month) => {
      const cells = view.rows.filter((row) => row.month === month && seriesName(row) === name);
      const values = cells.map((row) => row.values[column]).filter((v): v is number => v !== null);
      return values.length ? values.reduce((a, b) => a + b, 0) : null;
    }),
  }));
  const hasGroups = view.by !== 'all';
  const hasCategories = view.figure === 'interpreters' || view.figure === 'security';
  const suppressed = view.rows.filter((row) => row.suppressed).length;

  const exportCsv = () =>
    run(async () => {
      const { blob, filename } = await auth.api.download(`/statistics/${view.figure}/export?${props.query}`);
      saveDownload(blob, filename ?? `distans-${view.figure}.csv`);
      announce(t('stats.exported'));
    });

  return (
    <section className="card figure" aria-labelledby={headingId} data-testid={`stats-${view.figure}`}>
      <div className="figure-head">
        <h2 id={headingId}>{t(`stats.figure.${view.figure}`)}</h2>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void exportCsv()}
          data-testid={`stats-export-${view.figure}`}
        >
          {t('stats.export')}
        </button>
      </div>
      <p className="hint">{t(`stats.figure.${view.figure}.hint`, { min: view.minCell })}</p>
      <SubmitError error={error} />
      {view.columns.length > 1 && (
        <div className="field inline-field">
          <label htmlFor={`${headingId}-column`}>{t('stats.chartValue')}</label>
          <select
            id={`${headingId}-column`}
            value={column}
            onChange={(event) => setColumn(event.target.value)}
            data-testid={`stats-column-${view.figure}`}
          >
            {view.columns.map((c) => (
              <option key={c} value={c}>
                {t(`stats.column.${c}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {view.rows.length === 0 ? (
        <p className="hint" data-testid={`stats-empty-${view.figure}`}>
          {t('stats.empty')}
        </p>
      ) : (
        <>
          <BarChart
            months={months}
            monthLabel={monthLabel}
            series={series}
            format={format}
            summary={t('stats.chartSummary', {
              figure: t(`stats.figure.${view.figure}`),
              value: t(`stats.column.${column}`),
              from: longMonth(view.from),
              to: longMonth(view.to),
            })}
          />
          {suppressed > 0 && (
            <p className="hint" data-testid={`stats-suppressed-${view.figure}`}>
              {t('stats.suppressedCount', { count: suppressed, min: view.minCell })}
            </p>
          )}
          {/* Focusable, so that a keyboard can scroll a table wider than the screen. */}
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label={t('stats.table', { figure: t(`stats.figure.${view.figure}`) })}
          >
            <table className="admin-table stats-table" data-testid={`stats-table-${view.figure}`}>
              <caption className="visually-hidden">{t(`stats.figure.${view.figure}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stats.month')}</th>
                  {hasGroups && <th scope="col">{t(`stats.by.${view.by}`)}</th>}
                  {hasCategories && <th scope="col">{t(`stats.category.${view.figure}`)}</th>}
                  <th scope="col">{t(`stats.n.${view.figure}`)}</th>
                  {view.columns.map((c) => (
                    <th scope="col" key={c}>
                      {t(`stats.column.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.rows.map((row) => (
                  <tr
                    key={`${row.month}-${row.group?.id ?? ''}-${row.category ?? ''}`}
                    data-suppressed={row.suppressed || undefined}
                  >
                    <th scope="row">{longMonth(row.month)}</th>
                    {hasGroups && <td>{groupName(row)}</td>}
                    {hasCategories && <td>{row.category ? categoryName(row.category) : ''}</td>}
                    <td>{row.suppressed ? t('stats.suppressed', { min: view.minCell }) : format(row.n ?? 0)}</td>
                    {view.columns.map((c) => (
                      <td key={c}>{row.values[c] === null ? '–' : formatterOf(c, locale)(row.values[c])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
