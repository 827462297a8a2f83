import { useCallback, useEffect, useRef, useState } from 'react';
import type { DayScheduleView } from '../api';
import { useLive } from '../live';
import { useSession } from '../session';

/** A safety net under the socket, and what moves the "waiting for the handler" marks along. */
const POLL_MS = 60_000;
/** Several changes in a burst (check-in, then session start) cause one read. */
const REFETCH_DEBOUNCE_MS = 250;

/**
 * One office's day, read again whenever one of its bookings changes (live), after every reconnect
 * and once a minute. A slower answer for a day already left never overwrites the newer one.
 */
export function useDaySchedule(officeId: string, date: string) {
  const { auth } = useSession();
  const live = useLive();
  const [view, setView] = useState<DayScheduleView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latest.current;
    try {
      const next = await auth.api.get<DayScheduleView>(`/offices/${officeId}/schedule?date=${date}`);
      if (request !== latest.current) return;
      setView(next);
      setError(null);
    } catch (caught) {
      if (request === latest.current) setError(caught);
    }
  }, [auth, officeId, date]);

  useEffect(() => {
    void load();
  }, [load, live.epoch]);

  useEffect(() => {
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  useEffect(() => {
    let debounce: ReturnType<typeof setTimeout> | undefined;
    const off = live.on('booking.changed', (event) => {
      if (event.officeId !== officeId) return;
      clearTimeout(debounce);
      debounce = setTimeout(() => void load(), REFETCH_DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(debounce);
      off();
    };
  }, [live, officeId, load]);

  return { view: view?.date === date && view.office.id === officeId ? view : null, error, reload: load };
}
