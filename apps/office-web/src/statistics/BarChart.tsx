import { useId } from 'react';

export interface ChartSeries {
  label: string;
  /** One value per month; null where the cell is suppressed or empty. */
  values: (number | null)[];
}

/**
 * Colours for up to six series, each with at least 3:1 contrast against the white card (WCAG
 * 1.4.11); the legend names them and the table beside the chart carries every number.
 */
const PALETTE = ['#1f5fa8', '#b3541e', '#2a7a3b', '#7a3fa0', '#9c2f4f', '#4d5b66'];
export const MAX_SERIES = PALETTE.length;

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 8, bottom: 34, left: 44 };

/** A step of 1, 2 or 5 times a power of ten that makes about four gridlines up to `max`. */
function niceStep(max: number): number {
  if (max <= 0) return 1;
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((s) => s * magnitude).find((s) => s >= raw)!;
}

/**
 * Grouped bars over months, in plain SVG. A chart library would bring far more than these few
 * shapes need, and the accessible form of a chart is its data table anyway: this one is an image
 * with a summary for screen readers, and the figure's table follows it.
 */
export function BarChart(props: {
  months: string[];
  monthLabel: (month: string) => string;
  series: ChartSeries[];
  format: (value: number) => string;
  /** The chart as one sentence, for screen readers. */
  summary: string;
}) {
  const titleId = useId();
  const series = props.series.slice(0, MAX_SERIES);
  const highest = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const step = niceStep(highest);
  const max = Math.max(step, Math.ceil(highest / step) * step);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotWidth / Math.max(1, props.months.length);
  const barWidth = Math.max(2, (band * 0.8) / Math.max(1, series.length));
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
  // Every label fits while there are few months; otherwise every other one.
  const labelEvery = props.months.length > 12 ? 2 : 1;

  return (
    <div className="bar-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>{props.summary}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" className="axis">
              {props.format(tick)}
            </text>
          </g>
        ))}
        {props.months.map((month, m) => (
          <g key={month}>
            {series.map((s, i) => {
              const value = s.values[m];
              if (value === null || value === undefined) return null;
              const x = MARGIN.left + m * band + band * 0.1 + i * barWidth;
              return (
                <rect
                  key={s.label}
                  x={x}
                  y={y(value)}
                  width={Math.max(1, barWidth - 1)}
                  height={Math.max(0, MARGIN.top + plotHeight - y(value))}
                  fill={PALETTE[i]}
                />
              );
            })}
            {m % labelEvery === 0 && (
              <text
                x={MARGIN.left + m * band + band / 2}
                y={HEIGHT - MARGIN.bottom + 16}
                textAnchor="middle"
                className="axis"
              >
                {props.monthLabel(month)}
              </text>
            )}
          </g>
        ))}
        <line
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={MARGIN.top + plotHeight}
          y2={MARGIN.top + plotHeight}
          className="baseline"
        />
      </svg>
      {series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.label}>
              <span className="swatch" style={{ background: PALETTE[i] }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
