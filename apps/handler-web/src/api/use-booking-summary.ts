import { useEffect, useRef, useState } from 'react';
import { summaryOf, type AgendaView, type BookingDetail, type BookingSummary } from './types';
import { useAuth } from '../auth/auth-context';
import { useLive } from '../live/live-provider';
import { dateInZone } from '@distans/web-ui/format';

export interface SummaryState {
  summary: BookingSummary | null;
  error: unknown;
}

/**
 * What the device check and the call need to know about a booking, kept live. It comes from what
 * was already read, else from today's agenda, and only as a last resort from the booking itself
 * (that read is audit-logged as an access to the citizen's contact, which these screens do not show).
 * The screens using it are keyed by booking id, so the id never changes under a mounted hook.
 */
export function useBookingSummary(bookingId: string): SummaryState {
  const { auth, profile } = useAuth();
  const live = useLive();
  const [state, setState] = useState<SummaryState>(() => ({ summary: live.summary(bookingId) ?? null, error: null }));

  const loadedAtEpoch = useRef<number | null>(null);

  // Fetched when nothing is known yet, and again after a reconnect, when changes may have been missed.
  useEffect(() => {
    const needed =
      loadedAtEpoch.current === null
        ? !live.summary(bookingId)
        : live.epoch > 1 && live.epoch !== loadedAtEpoch.current;
    loadedAtEpoch.current = live.epoch;
    if (!needed) return;
    const load = async (): Promise<BookingSummary> => {
      const today = dateInZone(new Date(), profile.timeZone);
      const agenda = await auth.api.get<AgendaView>(`/me/agenda?date=${today}`);
      const item = agenda.items.find((candidate) => candidate.id === bookingId);
      if (item) return summaryOf(item);
      return summaryOf(await auth.api.get<BookingDetail>(`/bookings/${bookingId}`));
    };
    load()
      .then((summary) => {
        live.remember([summary]);
        setState({ summary, error: null });
      })
      .catch((error: unknown) => setState((previous) => ({ summary: previous.summary, error })));
  }, [bookingId, auth, profile.timeZone, live.epoch, live.summary, live.remember]);

  useEffect(
    () =>
      live.onBookingChanged((event) => {
        if (event.bookingId !== bookingId) return;
        setState((previous) =>
          previous.summary ? { ...previous, summary: { ...previous.summary, status: event.status } } : previous,
        );
      }),
    [bookingId, live],
  );

  return state;
}
