import type { CallSession } from './call-session';
import { MediasoupCallSession } from './mediasoup-call-session';

export * from './call-session';
export { TicketError } from './mediasoup-call-session';

/** A new, unjoined meeting session; one per meeting, discard after it ends. */
export function createCallSession(): CallSession {
  return new MediasoupCallSession();
}
export { JOIN_MARK_PREFIX, JOIN_PHASES, joinTimings, type JoinPhase } from './join-timings';
