/**
 * Join-to-first-frame phases as User Timing marks (`performance.mark`), so that the browser's own
 * performance timeline holds them and tests and benchmarks read them with
 * `performance.getEntriesByType('mark')`. Every mark carries the join attempt (0 for the first
 * join, 1.. for rejoins) in its detail.
 */
export const JOIN_MARK_PREFIX = 'distans.call.';

/** In the order they normally complete; `first-frame` is the first decoded remote video frame. */
export const JOIN_PHASES = [
  // The press on Join in the app (before the call engine is loaded, where the app loads it lazily).
  'press',
  'start',
  'ticket',
  'socket',
  'device',
  'transports',
  'joined',
  'produced',
  'consumed',
  'first-frame',
] as const;

export type JoinPhase = (typeof JOIN_PHASES)[number];

export interface JoinMarkDetail {
  attempt: number;
}

export function markJoinPhase(phase: JoinPhase, attempt: number): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  const detail: JoinMarkDetail = { attempt };
  performance.mark(`${JOIN_MARK_PREFIX}${phase}`, { detail });
}

/**
 * The marks of one attempt as milliseconds since that attempt's `press` or else `start` (or since `origin`, a
 * `performance.now()` value, when given: e.g. the moment the handler pressed Join).
 */
export function joinTimings(attempt = 0, origin?: number): Partial<Record<JoinPhase, number>> {
  const marks = performance
    .getEntriesByType('mark')
    .filter(
      (mark): mark is PerformanceMark =>
        mark.name.startsWith(JOIN_MARK_PREFIX) && (mark as PerformanceMark).detail?.attempt === attempt,
    );
  const start =
    origin ??
    (
      marks.find((mark) => mark.name === `${JOIN_MARK_PREFIX}press`) ??
      marks.find((mark) => mark.name === `${JOIN_MARK_PREFIX}start`)
    )?.startTime;
  if (start === undefined) return {};
  const out: Partial<Record<JoinPhase, number>> = {};
  for (const mark of marks) {
    const phase = mark.name.slice(JOIN_MARK_PREFIX.length) as JoinPhase;
    // The first of each phase in the attempt counts (first-frame may be marked per stream).
    out[phase] ??= Math.round(mark.startTime - start);
  }
  return out;
}
