/**
 * Half-open spans of epoch milliseconds, [start, end).
 *
 * "Normalized" lists are sorted by start, hold no empty spans and no two spans that overlap
 * or touch. The binary operations below require normalized input (and return normalized
 * output) so that they run in linear time; pass raw data through `normalizeSpans` first.
 */
export interface Span {
  start: number;
  end: number;
}

/** Sorts, drops empty or inverted spans and merges overlapping or touching ones. */
export function normalizeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      if (span.end > last.end) last.end = span.end;
    } else {
      merged.push({ start: span.start, end: span.end });
    }
  }
  return merged;
}

/** Union of any number of span lists (raw or normalized). */
export function unionSpans(...lists: readonly (readonly Span[])[]): Span[] {
  return normalizeSpans(lists.flat());
}

/** The parts of `from` not covered by `cut`. Both normalized. */
export function subtractSpans(from: readonly Span[], cut: readonly Span[]): Span[] {
  const result: Span[] = [];
  let j = 0;
  for (const span of from) {
    let cursor = span.start;
    // Cuts ending before this span cannot touch any later span either.
    while (j < cut.length && cut[j].end <= cursor) j++;
    let k = j;
    while (k < cut.length && cut[k].start < span.end) {
      if (cut[k].start > cursor) result.push({ start: cursor, end: cut[k].start });
      if (cut[k].end > cursor) cursor = cut[k].end;
      if (cursor >= span.end) break;
      k++;
    }
    if (cursor < span.end) result.push({ start: cursor, end: span.end });
  }
  return result;
}

/** The parts covered by both lists. Both normalized. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const result: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (start < end) result.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return result;
}

/** Whether two spans share at least one instant (touching spans do not overlap). */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end && a.start < a.end && b.start < b.end;
}

/** Index of the last span starting before (or, if `orAt`, at) `instant`; -1 if none. */
function lastStarting(spans: readonly Span[], instant: number, orAt: boolean): number {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const start = spans[mid].start;
    if (start < instant || (orAt && start === instant)) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * Whether `span` lies entirely inside one span of the normalized list. An empty or inverted
 * span is never contained: it can only come from a bug, and must not look bookable.
 */
export function contains(spans: readonly Span[], span: Span): boolean {
  if (span.end <= span.start) return false;
  const index = lastStarting(spans, span.start, true);
  return index >= 0 && spans[index].end >= span.end;
}

/** Whether `span` overlaps any span of the normalized list. */
export function overlapsAny(spans: readonly Span[], span: Span): boolean {
  if (span.end <= span.start) return false;
  // Only the last span starting before `span.end` can reach into it: earlier ones end sooner.
  const index = lastStarting(spans, span.end, false);
  return index >= 0 && spans[index].end > span.start;
}

/** Total length in milliseconds of a normalized list. */
export function totalLength(spans: readonly Span[]): number {
  let total = 0;
  for (const span of spans) total += span.end - span.start;
  return total;
}
