/**
 * Sets of feasible start instants, as normalized span lists, so that "is there a free
 * resource at start s" becomes span algebra computed once instead of a check per slot.
 *
 * Instants are whole milliseconds, which lets the closed bound "s <= x" be written as the
 * half-open "s < x + 1" and keeps every set in the usual [start, end) form.
 */
import { Span } from './spans';

/** Starts s for which [s, s + lengthMs) lies inside one span of the normalized list. */
export function startsFittingIn(spans: readonly Span[], lengthMs: number): Span[] {
  const starts: Span[] = [];
  for (const span of spans) {
    if (span.end - span.start >= lengthMs) starts.push({ start: span.start, end: span.end - lengthMs + 1 });
  }
  return starts;
}

/**
 * Starts s for which [s, s + lengthMs) overlaps some busy span of the normalized list, i.e.
 * busy.start - lengthMs < s < busy.end. Normalized; subtract it from a range to get the
 * starts that are clear of all of them.
 */
export function startsBlockedBy(busy: readonly Span[], lengthMs: number): Span[] {
  const blocked: Span[] = [];
  for (const span of busy) {
    const start = span.start - lengthMs + 1;
    const last = blocked[blocked.length - 1];
    // Busy spans are disjoint and sorted, but widened to the left they may now touch.
    if (last && start <= last.end) last.end = Math.max(last.end, span.end);
    else blocked.push({ start, end: span.end });
  }
  return blocked;
}
