import { useCallback, useEffect, useRef, useState } from 'react';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { clock } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { playAlertTone } from '@distans/web-ui/sound';
import { useSoundPreference } from '@distans/web-ui/sound-preference';
import type { StaffCallView } from '../api';
import { errorText } from '../errors';
import { useLive } from '../live';
import { useSession } from '../session';

/** While a call is open, the tone comes back this often (unless sound is off). */
const REPEAT_TONE_MS = 20_000;
/** "You took the call" stays this long. */
const TAKEN_SHOWN_MS = 20_000;

/**
 * Calls for staff from the visiting rooms: a banner on every screen with one entry per open call,
 * which stays until someone (here or at another console) takes it. A tone sounds when a call comes
 * in and again while it is open; screen readers hear it at once (role=alert).
 */
export function AlertCenter() {
  const { t, locale } = useI18n();
  const { auth, offices } = useSession();
  const zoneOf = (officeId: string) => offices.find((office) => office.id === officeId)?.timeZone ?? 'Europe/Stockholm';
  const live = useLive();
  const { announce } = useAnnouncer();
  const { muted } = useSoundPreference();
  const [calls, setCalls] = useState<StaffCallView[]>([]);
  const [taken, setTaken] = useState<{ room: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const mutedRef = useRef(muted);
  mutedRef.current = muted;

  const load = useCallback(async () => {
    try {
      setCalls(await auth.api.get<StaffCallView[]>('/staff-calls'));
    } catch {
      // The next event or reconnect reads again; the banner keeps what it had.
    }
  }, [auth]);

  useEffect(() => {
    void load();
  }, [load, live.epoch]);

  useEffect(() => {
    const offCall = live.on('staff.call', (event) => {
      if (!mutedRef.current) playAlertTone();
      announce(t('alerts.incoming', { room: event.roomName }));
      void load();
    });
    const offAck = live.on('staff.call.acknowledged', (event) => {
      setCalls((previous) => previous.filter((call) => call.id !== event.callId));
    });
    return () => {
      offCall();
      offAck();
    };
  }, [live, load, announce, t]);

  const open = calls.length > 0;
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      if (!mutedRef.current) playAlertTone();
    }, REPEAT_TONE_MS);
    return () => clearInterval(timer);
  }, [open]);

  useEffect(() => {
    if (!taken) return;
    const timer = setTimeout(() => setTaken(null), TAKEN_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [taken]);

  const acknowledge = async (call: StaffCallView) => {
    setFailure(null);
    try {
      await auth.api.post<StaffCallView>(`/staff-calls/${call.id}/acknowledge`);
      setCalls((previous) => previous.filter((candidate) => candidate.id !== call.id));
      setTaken({ room: call.room.name });
    } catch (error) {
      setFailure(errorText(error, t).text);
    }
  };

  return (
    <div className="alert-center">
      <div role="alert" data-testid="staff-alerts">
        {open && (
          <section className="staff-alerts" aria-labelledby="staff-alerts-title">
            <h2 id="staff-alerts-title">{t('alerts.title', { count: calls.length })}</h2>
            <ul>
              {calls.map((call) => (
                <li key={call.id} className="staff-alert" data-testid="staff-alert" data-call-id={call.id}>
                  <span className="staff-alert-icon" aria-hidden="true">
                    !
                  </span>
                  <p>
                    {t('alerts.entry', {
                      room: call.room.name,
                      office: call.office.name,
                      time: clock(call.calledAt, zoneOf(call.office.id), locale),
                    })}
                  </p>
                  <button type="button" onClick={() => void acknowledge(call)} data-testid="acknowledge-call">
                    {t('alerts.acknowledge')}
                  </button>
                </li>
              ))}
            </ul>
            {failure && <p className="field-error">{failure}</p>}
          </section>
        )}
      </div>
      <div role="status">
        {!open && taken && (
          <p className="banner ok alert-taken" data-testid="alert-taken">
            {t('alerts.taken', { room: taken.room })}
          </p>
        )}
      </div>
    </div>
  );
}
