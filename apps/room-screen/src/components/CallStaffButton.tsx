import { useEffect, useState } from 'react';
import type { ApiClient } from '@distans/web-ui/api';
import { useI18n } from '@distans/web-ui/i18n';
import { BellIcon } from './icons';

type CallStaffState = 'idle' | 'calling' | 'called' | 'failed';

/** How long "Staff are on their way" stays up. The button can be pressed again at any time. */
const CONFIRMATION_MS = 60_000;

/** Rings the staff of this office (POST /room-screen/call-staff) and says so on screen. */
export function CallStaffButton({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const [state, setState] = useState<CallStaffState>('idle');

  useEffect(() => {
    if (state !== 'called' && state !== 'failed') return;
    const timer = window.setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  const callStaff = () => {
    if (state === 'calling') return;
    setState('calling');
    api
      .post('/room-screen/call-staff')
      .then(() => setState('called'))
      .catch(() => setState('failed'));
  };

  return (
    <div className="call-staff">
      <button
        type="button"
        className="big-button staff-button"
        data-testid="call-staff-button"
        onClick={callStaff}
        // Not `disabled`: that would throw keyboard focus out of the button while it rings.
        aria-disabled={state === 'calling'}
      >
        <BellIcon />
        <span>{state === 'calling' ? t('staff.calling') : t('staff.call')}</span>
      </button>
      <div className="call-staff-status" role="status">
        {state === 'called' && (
          <p className="notice ok" data-testid="call-staff-confirmation">
            {t('staff.onTheWay')}
          </p>
        )}
        {state === 'failed' && <p className="notice error">{t('staff.failed')}</p>}
      </div>
    </div>
  );
}
