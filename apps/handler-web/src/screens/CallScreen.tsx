import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { ConnectionQuality, LinkQuality, ParticipantRole, RemoteParticipant } from '@distans/call-client';
import { useI18n } from '@distans/web-ui/i18n';
import { useBookingSummary } from '../api/use-booking-summary';
import { useAuth } from '../auth/auth-context';
import type { ActiveCall, CallSnapshot, ChatLine } from '../call/active-call';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import { clock } from '@distans/web-ui/format';
import { MediaVideo } from '@distans/web-ui/media-video';
import { navigate } from '../routing/route';

/** The meeting itself. Everything here reads the ActiveCall's snapshot; the call outlives re-renders. */
export function CallScreen(props: { bookingId: string; call: ActiveCall | null }) {
  useEffect(() => {
    // Reloaded or opened directly: there is no camera stream yet, so go through the device check.
    if (!props.call) navigate({ name: 'prejoin', bookingId: props.bookingId }, { replace: true });
  }, [props.call, props.bookingId]);
  return props.call ? <InCall call={props.call} /> : null;
}

const QUALITY_BARS: Record<ConnectionQuality, number> = { good: 3, fair: 2, poor: 1, unknown: 0 };

function InCall({ call }: { call: ActiveCall }) {
  const { t, locale } = useI18n();
  const { profile } = useAuth();
  const snapshot = useSyncExternalStore(call.subscribe, call.getSnapshot);
  const { summary } = useBookingSummary(call.bookingId);
  const heading = useScreenHeading(t('call.title'));
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const [playbackBlocked, setPlaybackBlocked] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const isHandler = profile.role === 'HANDLER';

  // Focus follows the inline confirmation: onto "Yes, end", and back to "End meeting" on cancel.
  const confirmedBefore = useRef(false);
  useEffect(() => {
    if (confirmingEnd) confirmButton.current?.focus();
    else if (confirmedBefore.current) endButton.current?.focus();
    confirmedBefore.current = confirmingEnd;
  }, [confirmingEnd]);

  const onPlaybackBlocked = useCallback(() => setPlaybackBlocked(true), []);
  const onVideoHeight = useCallback((peerId: string, height: number) => call.setVideoSize(peerId, height), [call]);

  const room = snapshot.participants.find((participant) => participant.role === 'ROOM_DEVICE') ?? null;
  const others = snapshot.participants.filter((participant) => participant !== room);
  const screens = snapshot.participants.filter((participant) => participant.screen !== null);
  const mainScreen = screens[0] ?? null;

  const cancelEnd = () => setConfirmingEnd(false);

  return (
    <div className="call-screen">
      <div className="call-heading">
        <h1 ref={heading} tabIndex={-1}>
          {t('call.title')}
          {summary && (
            <span className="heading-sub">
              {t('call.subtitle', {
                time: clock(summary.start, profile.timeZone, locale),
                room: summary.roomName,
                office: summary.officeName,
              })}
            </span>
          )}
        </h1>
        <QualityIndicator quality={snapshot.quality} link={snapshot.link} />
      </div>

      <CallBanners snapshot={snapshot} />
      {playbackBlocked && (
        <div className="banner warn">
          <p>{t('call.playbackBlocked')}</p>
          <button
            type="button"
            onClick={() => {
              document.querySelectorAll('video').forEach((video) => void video.play().catch(() => undefined));
              setPlaybackBlocked(false);
            }}
          >
            {t('call.startSound')}
          </button>
        </div>
      )}

      <div className="call-layout">
        <section className="call-stage" aria-label={t('call.videos')}>
          {/* A shared screen (a document being shown) takes the big tile; the cameras move to the strip. */}
          {mainScreen ? (
            <figure className="tile tile-main">
              {/* The sharer's sound already plays from their camera tile. */}
              <MediaVideo stream={mainScreen.screen} muted data-testid="remote-screen" data-role={mainScreen.role} />
              <figcaption>{t('call.sharedScreenOf', { who: t(`role.${mainScreen.role}`) })}</figcaption>
            </figure>
          ) : (
            <figure className={`tile tile-main${speaking(snapshot, room)}`}>
              {room ? (
                <RemoteVideo participant={room} onPlaybackBlocked={onPlaybackBlocked} onHeight={onVideoHeight} />
              ) : (
                <p className="video-placeholder">
                  {snapshot.state === 'connected' ? t('call.waitingForRoom') : t('call.connecting')}
                </p>
              )}
              <figcaption>{t('role.ROOM_DEVICE')}</figcaption>
            </figure>
          )}

          <div className="tile-strip">
            {[...(mainScreen && room ? [room] : []), ...others].map((participant) => (
              <figure key={participant.peerId} className={`tile tile-small${speaking(snapshot, participant)}`}>
                <RemoteVideo participant={participant} onPlaybackBlocked={onPlaybackBlocked} onHeight={onVideoHeight} />
                <figcaption>{t(`role.${participant.role}`)}</figcaption>
              </figure>
            ))}
            {screens.slice(1).map((participant) => (
              <figure key={`screen-${participant.peerId}`} className="tile tile-small">
                <MediaVideo
                  stream={participant.screen}
                  muted
                  data-testid="remote-screen"
                  data-role={participant.role}
                />
                <figcaption>{t('call.sharedScreenOf', { who: t(`role.${participant.role}`) })}</figcaption>
              </figure>
            ))}
            <figure className="tile tile-small tile-self">
              <MediaVideo stream={call.localStream} muted className="mirrored" data-testid="self-video" />
              {(!snapshot.cameraEnabled || !call.hasVideo) && (
                <p className="video-placeholder">{t('call.yourCameraOff')}</p>
              )}
              {!snapshot.micEnabled && <p className="tile-badge">{t('call.micOffBadge')}</p>}
              <figcaption>{t('call.you')}</figcaption>
            </figure>
          </div>
        </section>

        <ChatPanel
          lines={snapshot.chat}
          disabled={snapshot.state !== 'connected'}
          onSend={(text) => call.sendChat(text)}
        />
      </div>

      <div className="call-controls" role="group" aria-label={t('call.controls')}>
        <button
          type="button"
          className={`control${snapshot.micEnabled ? '' : ' control-off'}`}
          data-testid="mute-button"
          aria-pressed={!snapshot.micEnabled}
          onClick={() => call.setMicrophoneEnabled(!snapshot.micEnabled)}
        >
          {t('call.mute')}
          <span className="control-state">{snapshot.micEnabled ? t('call.micOn') : t('call.micOff')}</span>
        </button>
        <button
          type="button"
          className={`control${snapshot.cameraEnabled ? '' : ' control-off'}`}
          data-testid="camera-button"
          aria-pressed={!snapshot.cameraEnabled}
          disabled={!call.hasVideo}
          onClick={() => call.setCameraEnabled(!snapshot.cameraEnabled)}
        >
          {t('call.cameraOff')}
          <span className="control-state">{snapshot.cameraEnabled ? t('call.cameraIsOn') : t('call.cameraIsOff')}</span>
        </button>
        <button
          type="button"
          className={`control${snapshot.sharing ? ' control-active' : ''}`}
          data-testid="share-button"
          aria-pressed={snapshot.sharing}
          disabled={snapshot.state !== 'connected' || !('getDisplayMedia' in (navigator.mediaDevices ?? {}))}
          onClick={() => void call.toggleScreenShare()}
        >
          {t('call.share')}
          <span className="control-state">{snapshot.sharing ? t('call.sharingOn') : t('call.sharingOff')}</span>
        </button>

        <div className="control-spacer" />

        {!confirmingEnd && (
          <button type="button" className="secondary" onClick={() => call.leave()}>
            {t('call.leave')}
          </button>
        )}
        {isHandler && !confirmingEnd && (
          <button
            ref={endButton}
            type="button"
            className="danger"
            data-testid="end-button"
            onClick={() => setConfirmingEnd(true)}
          >
            {t('call.end')}
          </button>
        )}
        {isHandler && confirmingEnd && (
          <div
            className="end-confirm"
            role="group"
            aria-labelledby="end-confirm-text"
            onKeyDown={(event) => {
              if (event.key === 'Escape') cancelEnd();
            }}
          >
            <p id="end-confirm-text">{t('call.endConfirm')}</p>
            <button
              ref={confirmButton}
              type="button"
              className="danger"
              data-testid="end-confirm"
              disabled={snapshot.ending}
              onClick={() => void call.end()}
            >
              {t('call.endConfirmYes')}
            </button>
            <button type="button" className="secondary" disabled={snapshot.ending} onClick={cancelEnd}>
              {t('common.cancel')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

function speaking(snapshot: CallSnapshot, participant: RemoteParticipant | null): string {
  return participant && snapshot.activeSpeaker === participant.peerId ? ' is-speaking' : '';
}

/** One remote camera (with its sound), one per participant: `remote-video` with the participant's role. */
function RemoteVideo(props: {
  participant: RemoteParticipant;
  onPlaybackBlocked: () => void;
  onHeight: (peerId: string, height: number) => void;
}) {
  const { participant, onHeight } = props;
  const peerId = participant.peerId;
  const reportHeight = useCallback((height: number) => onHeight(peerId, height), [onHeight, peerId]);
  return (
    <>
      <MediaVideo
        stream={participant.stream}
        onHeight={reportHeight}
        data-testid="remote-video"
        data-role={participant.role}
        onPlaybackBlocked={props.onPlaybackBlocked}
      />
      <TileState participant={participant} />
    </>
  );
}

function TileState({ participant }: { participant: RemoteParticipant }) {
  const { t } = useI18n();
  return (
    <>
      {participant.videoMuted && (
        <p className="video-placeholder">{t('call.theirCameraOff', { who: t(`role.${participant.role}`) })}</p>
      )}
      {participant.audioMuted && <p className="tile-badge">{t('call.micOffBadge')}</p>}
    </>
  );
}

/** Connection status for the call; never a dialog: the meeting stays visible while it reconnects. */
function CallBanners({ snapshot }: { snapshot: CallSnapshot }) {
  const { t } = useI18n();
  return (
    <div className="call-banners">
      {snapshot.state === 'reconnecting' && (
        <p className="banner warn" role="alert" data-testid="reconnect-banner">
          <span className="spinner" aria-hidden="true" />
          {t('call.reconnecting')}
        </p>
      )}
      {snapshot.sharing && (
        <p className="banner ok" role="status">
          {t('call.youAreSharing')}
        </p>
      )}
      {snapshot.state === 'connecting' && (
        <p className="banner info" role="status">
          {t('call.connecting')}
        </p>
      )}
      {snapshot.error && (
        <div className="banner error" role="alert">
          <p>{t(`call.error.${snapshot.error.kind}`, { message: snapshot.error.message })}</p>
          {snapshot.error.kind === 'join' && (
            <p>
              <a href={`#/booking/${snapshot.bookingId}/join`}>{t('call.backToDeviceCheck')}</a>
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function QualityIndicator({ quality, link }: { quality: ConnectionQuality; link: LinkQuality | null }) {
  const { t } = useI18n();
  const bars = QUALITY_BARS[quality];
  return (
    <p
      className={`quality quality-${quality}`}
      data-testid="quality-indicator"
      data-quality={quality}
      data-layer={link?.layer ?? ''}
    >
      <span className="quality-bars" aria-hidden="true">
        {[1, 2, 3].map((bar) => (
          <span key={bar} className={bar <= bars ? 'bar on' : 'bar'} />
        ))}
      </span>
      {t('call.quality', { quality: t(`call.quality.${quality}`) })}
      {link && (link.layer !== null || link.lossPercent !== null) && (
        <span className="quality-detail" data-testid="quality-detail">
          {link.layer !== null && t('call.quality.layer', { layer: t(`call.quality.layer.${link.layer}`) })}
          {link.layer !== null && link.lossPercent !== null && ' · '}
          {link.lossPercent !== null && t('call.quality.loss', { percent: link.lossPercent / 100 })}
        </span>
      )}
    </p>
  );
}

function ChatPanel(props: { lines: ChatLine[]; disabled: boolean; onSend: (text: string) => void }) {
  const { t, locale } = useI18n();
  const { profile } = useAuth();
  const [text, setText] = useState('');
  const log = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Scrolls the log only (scrollIntoView would also scroll the page).
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [props.lines.length]);

  const send = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || props.disabled) return;
    props.onSend(trimmed);
    setText('');
  };

  const sender = (role: ParticipantRole, mine: boolean) => (mine ? t('call.you') : t(`role.${role}`));

  return (
    <section className="chat card" aria-labelledby="chat-heading">
      <h2 id="chat-heading">{t('chat.title')}</h2>
      {/* A wrapper carries the log role, so that the list keeps its list semantics. */}
      <div ref={log} className="chat-log" role="log" aria-live="polite" aria-labelledby="chat-heading" tabIndex={0}>
        {props.lines.length === 0 && <p className="chat-empty">{t('chat.empty')}</p>}
        <ol>
          {props.lines.map((line) => (
            <li key={line.id} className={line.mine ? 'chat-line mine' : 'chat-line'}>
              <span className="chat-from">{sender(line.fromRole, line.mine)}</span>{' '}
              <time className="chat-time" dateTime={line.at}>
                {clock(line.at, profile.timeZone, locale)}
              </time>
              <p className="chat-text">{line.text}</p>
            </li>
          ))}
        </ol>
      </div>
      <form className="chat-form" onSubmit={send}>
        <label htmlFor="chat-input">{t('chat.label')}</label>
        <div className="chat-row">
          <input
            id="chat-input"
            data-testid="chat-input"
            type="text"
            autoComplete="off"
            maxLength={1000}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" disabled={props.disabled || text.trim() === ''}>
            {t('chat.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
