import { useCallback, useState } from 'react';
import type { RemoteParticipant } from '@distans/call-client';
import type { ApiClient } from '@distans/web-ui/api';
import { LanguageSwitch, useI18n } from '@distans/web-ui/i18n';
import type { VisitCall, VisitCallSnapshot } from '../call/visit-call';
import { CallStaffButton } from '../components/CallStaffButton';
import { CameraIcon, MicrophoneIcon } from '../components/icons';
import { MediaVideo } from '@distans/web-ui/media-video';
import { useVideoFlowing } from '../components/use-video-flowing';
import type { Visit } from '../room-api';
import { WelcomePanel } from './WelcomeScreen';

interface CallScreenProps {
  visit: Visit;
  call: VisitCall;
  snapshot: VisitCallSnapshot;
  api: ApiClient;
}

/**
 * The meeting: the handler fills the screen (a shared document takes over, the handler's camera
 * moves to a tile), an interpreter gets a tile, the visitor a small self view. A dropped connection
 * only shows a calm banner; nothing here ever asks the visitor to decide anything.
 */
export function CallScreen({ visit, call, snapshot, api }: CallScreenProps) {
  const { t } = useI18n();
  const [soundBlocked, setSoundBlocked] = useState(false);
  const { participants, localStream, micEnabled, cameraEnabled, hasCamera, hasMicrophone } = snapshot;

  const reconnecting = snapshot.callState === 'reconnecting' || !snapshot.joined;
  const sharer = participants.find((p) => p.screen !== null) ?? null;
  const handler = participants.find((p) => p.role === 'HANDLER') ?? null;
  const mainCamera = sharer ? null : (handler ?? participants[0] ?? null);
  const tiles = participants.filter((p) => p !== mainCamera);
  const roleName = (p: RemoteParticipant) => t(`call.remote.${p.role}`);
  // The full-screen handler gets the top layer, a small tile a smaller one; no quality detail is
  // shown here: the visitor only needs the picture, and the reconnecting banner when it is gone.
  const onVideoHeight = useCallback((peerId: string, height: number) => call.setVideoSize(peerId, height), [call]);

  const remoteCamera = (p: RemoteParticipant, className: string) => (
    <RemoteCamera
      key={p.peerId}
      participant={p}
      className={className}
      label={roleName(p)}
      muted={soundBlocked}
      onSoundBlocked={() => setSoundBlocked(true)}
      onHeight={onVideoHeight}
    />
  );

  return (
    <main className="screen call" aria-labelledby="call-title">
      <h1 id="call-title" className="visually-hidden">
        {t('call.title')}
      </h1>

      <div className="banner-slot" role="status">
        {reconnecting && (
          <p className="reconnect-banner" data-testid="reconnect-banner">
            <span className="spinner" aria-hidden="true" />
            {t('call.reconnecting')}
          </p>
        )}
      </div>

      <div className="stage">
        {sharer?.screen && (
          <div className="main-video">
            <MediaVideo
              stream={sharer.screen}
              muted
              aria-label={t('call.remote.screen', { role: roleName(sharer) })}
              className="video screen-video"
              data-testid="remote-screen"
              data-role={sharer.role}
            />
            <p className="video-label">{t('call.remote.screen', { role: roleName(sharer) })}</p>
          </div>
        )}
        {mainCamera && remoteCamera(mainCamera, 'main-video')}
        {!sharer && !mainCamera && snapshot.joined && (
          <div className="stage-waiting">
            <WelcomePanel visit={visit} headingLevel={2} />
          </div>
        )}

        <div className="tiles">
          {tiles.map((p) => remoteCamera(p, 'tile'))}
          {localStream && (
            <div className={`tile self${cameraEnabled && hasCamera ? '' : ' camera-off'}`}>
              <MediaVideo
                stream={localStream}
                muted
                aria-label={t('call.self')}
                className="video mirrored"
                data-testid="self-video"
              />
              {!(cameraEnabled && hasCamera) && <p className="video-placeholder">{t('call.selfCameraOff')}</p>}
              {!(micEnabled && hasMicrophone) && (
                <p className="tile-flag">
                  <MicrophoneIcon off />
                  {t('call.selfMuted')}
                </p>
              )}
              <p className="video-label">{t('call.self')}</p>
            </div>
          )}
        </div>
      </div>

      <div className="controls" role="group" aria-label={t('call.controls')}>
        <button
          type="button"
          className={`big-button toggle${micEnabled ? '' : ' is-off'}`}
          data-testid="mute-button"
          data-enabled={micEnabled}
          aria-disabled={!hasMicrophone}
          onClick={() => hasMicrophone && call.setMicrophoneEnabled(!micEnabled)}
        >
          <MicrophoneIcon off={!micEnabled} />
          <span>{micEnabled ? t('call.mute') : t('call.unmute')}</span>
        </button>
        <button
          type="button"
          className={`big-button toggle${cameraEnabled ? '' : ' is-off'}`}
          data-testid="camera-button"
          data-enabled={cameraEnabled}
          aria-disabled={!hasCamera}
          onClick={() => hasCamera && call.setCameraEnabled(!cameraEnabled)}
        >
          <CameraIcon off={!cameraEnabled} />
          <span>{cameraEnabled ? t('call.cameraOff') : t('call.cameraOn')}</span>
        </button>
        <CallStaffButton api={api} />
        {soundBlocked && (
          <button type="button" className="big-button primary" onClick={() => setSoundBlocked(false)}>
            {t('call.soundBlocked')}
          </button>
        )}
        {/* The visitor's choice lasts for this visit; the next visitor starts in their own language. */}
        <LanguageSwitch remember={false} />
      </div>
    </main>
  );
}

interface RemoteCameraProps {
  participant: RemoteParticipant;
  className: string;
  label: string;
  muted: boolean;
  onSoundBlocked: () => void;
  onHeight: (peerId: string, height: number) => void;
}

/** A remote camera; the <video> stays mounted with the camera off, since it also carries the voice. */
function RemoteCamera({ participant, className, label, muted, onSoundBlocked, onHeight }: RemoteCameraProps) {
  const { t } = useI18n();
  const peerId = participant.peerId;
  const reportHeight = useCallback((height: number) => onHeight(peerId, height), [onHeight, peerId]);
  const flowing = useVideoFlowing(participant.stream);
  // Trust the tracks over the flag: hiding a working camera is worse than showing a paused one.
  const cameraOff = participant.videoMuted && !flowing;
  return (
    <div className={`${className}${cameraOff ? ' camera-off' : ''}`}>
      <MediaVideo
        stream={participant.stream}
        muted={muted}
        aria-label={label}
        className="video"
        data-testid="remote-video"
        data-role={participant.role}
        onPlaybackBlocked={onSoundBlocked}
        onHeight={reportHeight}
      />
      {cameraOff && <p className="video-placeholder">{t('call.remote.cameraOff', { role: label })}</p>}
      <p className="video-label">{label}</p>
    </div>
  );
}
