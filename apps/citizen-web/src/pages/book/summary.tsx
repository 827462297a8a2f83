import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useI18n } from '@distans/web-ui/i18n';

export interface SummaryRow {
  key: string;
  label: string;
  value: ReactNode;
  /** Where the answer is changed: a Change link whose hidden text names the answer. */
  change?: string;
}

/** GOV.UK's summary list: label, answer, and a Change link per answer. */
export function SummaryList(props: { rows: SummaryRow[] }) {
  const { t } = useI18n();
  return (
    <dl className="summary-list">
      {props.rows.map((row) => (
        <div className="summary-row" key={row.key} data-testid={`summary-${row.key}`}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
          {row.change && (
            <dd className="summary-change">
              <Link href={row.change} data-testid={`change-${row.key}`}>
                {t('check.change')}
                <span className="visually-hidden"> {row.label}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
