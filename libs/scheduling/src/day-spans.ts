import { Span, normalizeSpans } from './spans';
import { MinuteRange } from './weekly-hours';
import { LocalDay } from './zone-clock';

/**
 * Local minute ranges of one day as normalized instant spans. Ranges touching a DST gap are
 * shifted per the zone-clock policy; any that collapse to nothing are dropped.
 */
export function spansOfDay(day: LocalDay, ranges: readonly MinuteRange[]): Span[] {
  const spans: Span[] = [];
  for (const range of ranges) spans.push({ start: day.instantAt(range.from), end: day.instantAt(range.to) });
  return normalizeSpans(spans);
}
