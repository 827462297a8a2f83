import { useEffect, useState } from 'react';
import type { RoomStaffCall } from '@distans/contracts';
import type { ApiClient } from '@distans/web-ui/api';
import { useI18n } from '@distans/web-ui/i18n';
import { useStaffCall } from '../staff-call';
import { BellIcon } from './icons';

/** How long the answer to a press stands in for the room's status, which is read again at once. */
const POSTED_BRIDGE_MS = 15_000;

/**
 * Rings the staff of this office (POST /room-screen/call-staff) and tells the visitor honestly
 * what is happening: the call has been sent; staff are on their way once someone has taken it at
 * a console; and if nobody has by the office's set time, what else they can do.
 */
export function CallStaffButton({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const { call: listed, phone, skewMs, refresh } = useStaffCall();
  const [posted, setPosted] = useState<RoomStaffCall | null>(null);
  const [calling, setCalling] = useState(false);
  const [failed, setFailed] = useState(false);
  const [now, setNow] = useState(() => Date.now() + skewMs);

  // The room's status is the truth; our own press's answer only bridges until the status has it.
  const call = listed ?? (posted && now - Date.parse(posted.calledAt) < POSTED_BRIDGE_MS ? posted : null);
  const open = call !== null && call.acknowledgedAt === null;

  useEffect(() => {
    if (!open) return;
    const timer = window.setInterval(() => setNow(Date.now() + skewMs), 1_000);
    return () => window.clearInterval(timer);
  }, [open, skewMs]);

  const callStaff = () => {
    if (calling) return;
    setCalling(true);
    setFailed(false);
    api
      .post<RoomStaffCall>('/room-screen/call-staff')
      .then((answer) => {
        setPosted(answer);
        setNow(Date.now() + skewMs);
        refresh();
      })
      .catch(() => setFailed(true))
      .finally(() => setCalling(false));
  };

  const fallback = open && now >= Date.parse(call.fallbackAt);
  return (
    <div className="call-staff">
      <button
        type="button"
        className="big-button staff-button"
        data-testid="call-staff-button"
        onClick={callStaff}
        // Not `disabled`: that would throw keyboard focus out of the button while it rings.
        aria-disabled={calling}
      >
        <BellIcon />
        <span>{calling ? t('staff.calling') : open ? t('staff.callAgain') : t('staff.call')}</span>
      </button>
      <div className="call-staff-status" role="status">
        {call?.acknowledgedAt && (
          <p className="notice ok" data-testid="call-staff-confirmation">
            {t('staff.onTheWay')}
          </p>
        )}
        {open && !fallback && (
          <p className="notice" data-testid="call-staff-sent">
            {t('staff.sent')}
          </p>
        )}
        {fallback && (
          <p className="notice warn" data-testid="call-staff-fallback">
            {phone ? t('staff.fallbackPhone', { phone }) : t('staff.fallback')}
          </p>
        )}
        {failed && <p className="notice error">{t('staff.failed')}</p>}
      </div>
    </div>
  );
}
