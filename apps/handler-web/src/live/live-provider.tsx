import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BookingChangedEvent, BookingStatus } from '@distans/contracts';
import { useI18n } from '@distans/web-ui/i18n';
import { connectLive, type LiveConnection } from '@distans/web-ui/live-client';
import { summaryOf, type AgendaView, type BookingSummary } from '../api/types';
import { useAuth } from '../auth/auth-context';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { playCheckInChime } from '@distans/web-ui/sound';
import { useSoundPreference } from '@distans/web-ui/sound-preference';
import { clock, dateInZone } from '@distans/web-ui/format';

export type { LiveConnection };

/** How long a freshly checked-in booking keeps its attention-drawing highlight. */
const FRESH_HIGHLIGHT_MS = 60_000;

interface LiveValue {
  connection: LiveConnection;
  /** Bumped on every (re)connect: anything shown may have missed events and should be fetched again. */
  epoch: number;
  /** Listens to booking changes pushed by the server; returns the unsubscribe function. */
  onBookingChanged: (listener: (event: BookingChangedEvent) => void) => () => void;
  /** Remembers bookings as fetched; a booking seen to have moved to CHECKED_IN fires the cues. */
  remember: (items: BookingSummary[]) => void;
  /** What is known about a booking from earlier reads and live events. */
  summary: (bookingId: string) => BookingSummary | undefined;
  /** Checked in within the last minute: these get the pulsing highlight. */
  fresh: ReadonlySet<string>;
  /** Bookings whose visitor has waited for this handler past the reminder time, until they join. */
  reminders: readonly string[];
  dismissReminder: (bookingId: string) => void;
}

const LiveContext = createContext<LiveValue | null>(null);

/**
 * The `/live` socket for the signed-in handler, plus the check-in cues (sound, highlight and a
 * screen-reader announcement). The socket reconnects on its own; when the server drops it (the
 * token expired) the token is refreshed and the socket connects again with a growing back-off.
 */
export function LiveProvider(props: { children: ReactNode }) {
  const { auth, profile } = useAuth();
  const { t, locale } = useI18n();
  const { announce } = useAnnouncer();
  const { muted } = useSoundPreference();
  const [connection, setConnection] = useState<LiveConnection>('connecting');
  const [epoch, setEpoch] = useState(0);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [reminders, setReminders] = useState<readonly string[]>([]);
  const listeners = useRef(new Set<(event: BookingChangedEvent) => void>());
  const known = useRef(new Map<string, BookingSummary>());
  const cued = useRef(new Set<string>());

  // The cue reads the latest language and mute choice without re-creating the socket.
  const latest = useRef({ t, locale, muted, announce, timeZone: profile.timeZone });
  latest.current = { t, locale, muted, announce, timeZone: profile.timeZone };

  const cue = useCallback(
    async (bookingId: string) => {
      if (cued.current.has(bookingId)) return;
      cued.current.add(bookingId);
      const { muted: isMuted } = latest.current;
      if (!isMuted) playCheckInChime();
      setFresh((previous) => new Set(previous).add(bookingId));
      setTimeout(() => {
        setFresh((previous) => {
          const next = new Set(previous);
          next.delete(bookingId);
          return next;
        });
      }, FRESH_HIGHLIGHT_MS);

      let summary = known.current.get(bookingId);
      if (!summary) {
        // Not on a day the handler has looked at; today's agenda has it (check-in is only on the day).
        try {
          const today = dateInZone(new Date(), latest.current.timeZone);
          const view = await auth.api.get<AgendaView>(`/me/agenda?date=${today}`);
          view.items.forEach((item) => known.current.set(item.id, summaryOf(item)));
          summary = known.current.get(bookingId);
        } catch {
          // The announcement below still says that someone checked in.
        }
      }
      const { t: tr, locale: lang, timeZone } = latest.current;
      latest.current.announce(
        summary
          ? tr('cue.checkedIn', {
              time: clock(summary.start, timeZone, lang),
              reference: summary.reference,
              room: summary.roomName,
              office: summary.officeName,
            })
          : tr('cue.checkedInUnknown'),
      );
    },
    [auth],
  );

  const noteStatus = useCallback(
    (bookingId: string, status: BookingStatus) => {
      if (status !== 'CHECKED_IN') setReminders((previous) => previous.filter((id) => id !== bookingId));
      const previous = known.current.get(bookingId);
      if (previous) known.current.set(bookingId, { ...previous, status });
      if (status === 'CHECKED_IN' && previous?.status !== 'CHECKED_IN') void cue(bookingId);
    },
    [cue],
  );

  const remember = useCallback(
    (items: BookingSummary[]) => {
      for (const item of items) {
        const previous = known.current.get(item.id);
        known.current.set(item.id, item);
        // Only a change we saw happen is news; a visitor already waiting at first sight is just shown.
        if (previous && previous.status !== 'CHECKED_IN' && item.status === 'CHECKED_IN') void cue(item.id);
      }
    },
    [cue],
  );

  useEffect(
    () =>
      connectLive({
        token: () => auth.accessToken ?? '',
        // The server drops the socket when the token has expired: refresh it, then back off.
        beforeRetry: () => auth.refresh(),
        retryAfterMs: (kicks) => Math.min(30_000, 1_000 * 2 ** (kicks - 1)),
        onConnection: (state) => {
          setConnection(state);
          if (state === 'connected') setEpoch((value) => value + 1);
        },
        on: {
          'booking.changed': (event) => {
            noteStatus(event.bookingId, event.status);
            listeners.current.forEach((listener) => listener(event));
          },
          // The visitor is waiting and this handler has not joined: a tone, a banner and an announcement.
          'handler.reminder': (event) => {
            if (!latest.current.muted) playCheckInChime();
            setReminders((previous) =>
              previous.includes(event.bookingId) ? previous : [...previous, event.bookingId],
            );
            const summary = known.current.get(event.bookingId);
            const { t: tr, locale: lang, timeZone } = latest.current;
            latest.current.announce(
              summary
                ? tr('reminder.text', {
                    time: clock(summary.start, timeZone, lang),
                    reference: summary.reference,
                    room: summary.roomName,
                    office: summary.officeName,
                  })
                : tr('reminder.textUnknown'),
            );
          },
        },
      }),
    [auth, noteStatus],
  );

  const onBookingChanged = useCallback((listener: (event: BookingChangedEvent) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const summary = useCallback((bookingId: string) => known.current.get(bookingId), []);
  const dismissReminder = useCallback(
    (bookingId: string) => setReminders((previous) => previous.filter((id) => id !== bookingId)),
    [],
  );

  const value = useMemo<LiveValue>(
    () => ({ connection, epoch, onBookingChanged, remember, summary, fresh, reminders, dismissReminder }),
    [connection, epoch, onBookingChanged, remember, summary, fresh, reminders, dismissReminder],
  );
  return <LiveContext.Provider value={value}>{props.children}</LiveContext.Provider>;
}

export function useLive(): LiveValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive outside LiveProvider');
  return value;
}
