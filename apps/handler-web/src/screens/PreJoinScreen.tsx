import { useI18n } from '@distans/web-ui/i18n';
import { isJoinable } from '../api/types';
import { useBookingSummary } from '../api/use-booking-summary';
import { useAuth } from '../auth/auth-context';
import { StatusBadge } from '../components/status';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import { clock } from '@distans/web-ui/format';
import { MicLevelMeter } from '../media/MicLevelMeter';
import { useLocalMedia } from '../media/use-local-media';
import { MediaVideo } from '@distans/web-ui/media-video';
import { routeHref } from '../routing/route';

/** The device check before joining: pick camera and microphone, see yourself, see the mic move. */
export function PreJoinScreen(props: { bookingId: string; onJoin: (stream: MediaStream) => void }) {
  const { t, locale } = useI18n();
  const { profile } = useAuth();
  const heading = useScreenHeading(t('prejoin.title'));
  const { summary } = useBookingSummary(props.bookingId);
  const media = useLocalMedia();

  const joinable = summary !== null && isJoinable(summary.status);
  const canJoin = joinable && media.stream !== null && !media.starting;
  const hasVideo = (media.stream?.getVideoTracks().length ?? 0) > 0;

  const join = () => {
    const stream = media.takeStream();
    if (stream) props.onJoin(stream);
  };

  return (
    <div className="prejoin-screen">
      <p className="back-link">
        <a href={routeHref({ name: 'booking', bookingId: props.bookingId })}>
          <span aria-hidden="true">← </span>
          {t('prejoin.back')}
        </a>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('prejoin.title')}
      </h1>
      {summary && (
        <p className="lead">
          {t('prejoin.meeting', {
            time: clock(summary.start, profile.timeZone, locale),
            reference: summary.reference,
            room: summary.roomName,
            office: summary.officeName,
          })}
        </p>
      )}

      <div className="prejoin-layout">
        <figure className="preview card">
          <div className="preview-frame">
            <MediaVideo stream={media.stream} muted className="mirrored" aria-hidden="true" />
            {!hasVideo && <p className="video-placeholder">{t('prejoin.noCamera')}</p>}
          </div>
          <figcaption>{t('prejoin.previewCaption')}</figcaption>
        </figure>

        <form
          className="device-form card"
          onSubmit={(event) => {
            event.preventDefault();
            if (canJoin) join();
          }}
        >
          <h2>{t('prejoin.devices')}</h2>
          {media.problem && (
            <div className="banner error" role="alert">
              <p>{t(`prejoin.problem.${media.problem}`)}</p>
              <button type="button" className="secondary" onClick={media.retry}>
                {t('common.retry')}
              </button>
            </div>
          )}
          <div className="field">
            <label htmlFor="camera-select">{t('prejoin.camera')}</label>
            <select
              id="camera-select"
              value={media.choice.cameraId ?? ''}
              disabled={media.cameras.length === 0}
              onChange={(event) => media.choose({ cameraId: event.target.value || null })}
            >
              {media.cameras.length === 0 && <option value="">{t('prejoin.noDevices')}</option>}
              {media.cameras.map((device, index) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.label || t('prejoin.cameraN', { n: index + 1 })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="microphone-select">{t('prejoin.microphone')}</label>
            <select
              id="microphone-select"
              value={media.choice.microphoneId ?? ''}
              disabled={media.microphones.length === 0}
              onChange={(event) => media.choose({ microphoneId: event.target.value || null })}
            >
              {media.microphones.length === 0 && <option value="">{t('prejoin.noDevices')}</option>}
              {media.microphones.map((device, index) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.label || t('prejoin.microphoneN', { n: index + 1 })}
                </option>
              ))}
            </select>
          </div>
          <MicLevelMeter stream={media.stream} label={t('prejoin.micLevel')} id="mic-level" />
          <p className="hint">{t('prejoin.micHint')}</p>

          <div className="join-status" aria-live="polite">
            {summary ? (
              <StatusBadge status={summary.status} roomName={summary.roomName} officeName={summary.officeName} />
            ) : (
              <span>{t('common.loading')}</span>
            )}
            {summary && !joinable && <p className="hint">{t('detail.joinNotYet')}</p>}
          </div>
          <button type="submit" data-testid="prejoin-join" disabled={!canJoin}>
            {t('prejoin.join')}
          </button>
        </form>
      </div>
    </div>
  );
}
