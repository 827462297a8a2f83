import { useCallback, useEffect, useState } from 'react';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { clock, dateTime } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import type { DeviceView, OfficeSummary, PairingCodeView, RoomOption } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { errorText, type ErrorText } from '../errors';
import { useSession } from '../session';
import { useRooms } from '../use-rooms';

/** Presence has no event of its own (a kiosk that loses power says nothing): read it again this often. */
const DEVICE_REFRESH_MS = 30_000;

/** The kiosks in the office's rooms: pair a new one with a code, see which are online, revoke. */
export function RoomScreensScreen(props: { office: OfficeSummary }) {
  const { t } = useI18n();
  const heading = useScreenHeading(t('screens.title'));
  const { rooms, failed } = useRooms(props.office.id);
  return (
    <div className="screens-screen">
      <h1 ref={heading} tabIndex={-1}>
        {t('screens.title')} <span className="heading-sub">{props.office.name}</span>
      </h1>
      <p className="lead">{t('screens.intro')}</p>
      {failed && <p className="banner error">{t('screens.roomsFailed')}</p>}
      {rooms?.length === 0 && <p className="empty">{t('day.noRooms')}</p>}
      <div className="room-cards">
        {rooms?.map((room) => (
          <RoomDevices key={room.id} room={room} timeZone={props.office.timeZone} />
        ))}
      </div>
    </div>
  );
}

function RoomDevices(props: { room: RoomOption; timeZone: string }) {
  const { t, locale } = useI18n();
  const { auth } = useSession();
  const { announce } = useAnnouncer();
  const { room } = props;
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [code, setCode] = useState<PairingCodeView | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);

  const load = useCallback(async () => {
    try {
      setDevices(await auth.api.get<DeviceView[]>(`/rooms/${room.id}/devices`));
    } catch (caught) {
      setError(errorText(caught, t));
    }
    // `t` only words an error.
  }, [auth, room.id]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), DEVICE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  // A code is single use: once a kiosk has paired, the list shows it and the code can go.
  useEffect(() => {
    if (!code) return;
    const left = Date.parse(code.expiresAt) - Date.now();
    const timer = setTimeout(() => setCode(null), Math.max(0, left));
    return () => clearTimeout(timer);
  }, [code]);

  const createCode = async () => {
    setError(null);
    try {
      const created = await auth.api.post<PairingCodeView>(`/rooms/${room.id}/pairing-codes`);
      setCode(created);
      announce(t('screens.codeAnnounce', { room: room.name, code: created.code.split('').join(' ') }));
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };

  const revoke = async (device: DeviceView) => {
    setError(null);
    try {
      await auth.api.delete(`/devices/${device.id}`);
      setConfirming(null);
      announce(t('screens.revoked'));
      await load();
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };

  const active = devices?.filter((device) => !device.revokedAt) ?? [];
  const revoked = devices?.filter((device) => device.revokedAt) ?? [];

  return (
    <section
      className="card room-card"
      aria-labelledby={`room-${room.id}`}
      data-testid="room-devices"
      data-room-id={room.id}
    >
      <h2 id={`room-${room.id}`}>{room.name}</h2>
      {!room.active && <p className="hint">{t('day.roomInactive')}</p>}
      {code ? (
        <div className="pairing-code" data-testid="pairing-code-panel">
          <p>{t('screens.codeFor', { room: room.name })}</p>
          <p className="code" data-testid="pairing-code" aria-label={code.code.split('').join(' ')}>
            {code.code}
          </p>
          <p className="hint">{t('screens.codeValid', { time: clock(code.expiresAt, props.timeZone, locale) })}</p>
          <button type="button" className="secondary" onClick={() => setCode(null)}>
            {t('screens.hideCode')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => void createCode()} data-testid="create-pairing-code">
          {t('screens.createCode')}
        </button>
      )}
      {error && <ErrorMessage error={error} />}
      <h3>{t('screens.devices')}</h3>
      {devices && active.length === 0 && <p className="empty">{t('screens.noDevices')}</p>}
      <ul className="device-list">
        {active.map((device) => (
          <li key={device.id} data-testid="device" data-online={device.online}>
            <p>
              <span className={`presence ${device.online ? 'online' : 'offline'}`}>
                <span aria-hidden="true">{device.online ? '●' : '○'}</span>{' '}
                {device.online ? t('screens.online') : t('screens.offline')}
              </span>{' '}
              {device.label || t('screens.unnamed')}
            </p>
            <p className="hint">
              {device.lastSeenAt
                ? t('screens.lastSeen', { time: dateTime(device.lastSeenAt, props.timeZone, locale) })
                : t('screens.neverSeen')}
              {' · '}
              {t('screens.paired', { time: dateTime(device.createdAt, props.timeZone, locale) })}
            </p>
            {confirming === device.id ? (
              <div className="confirm" role="group" aria-label={t('screens.revokeQuestion')}>
                <p>{t('screens.revokeQuestion')}</p>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void revoke(device)}
                  data-testid="revoke-confirm"
                >
                  {t('screens.revokeYes')}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            ) : (
              <button type="button" className="secondary" onClick={() => setConfirming(device.id)} data-testid="revoke">
                {t('screens.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {revoked.length > 0 && <p className="hint">{t('screens.revokedCount', { count: revoked.length })}</p>}
    </section>
  );
}
