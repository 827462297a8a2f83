import type { CallSession, CallSessionEvents, CallState, RemoteParticipant } from '@distans/call-client';
import { httpStatusOf } from '../room-api';

/** The API answers 409 while the meeting window is not open yet: ask again quietly, soon. */
const WINDOW_RETRY_MS = 4_000;
/** After the engine gave up or the session closed under us. */
const REJOIN_MS = 2_000;
const MEDIA_RETRY_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

const AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
const VIDEO: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' };

/** 'missing': no camera nor microphone could be opened; 'partial': only one of them. */
export type MediaProblem = 'missing' | 'partial' | null;

export interface VisitCallSnapshot {
  callState: CallState;
  /** A join resolved and the session has not failed or closed since (reconnects included). */
  joined: boolean;
  /** The visitor has been in the meeting at some point during this visit. */
  everJoined: boolean;
  participants: RemoteParticipant[];
  localStream: MediaStream | null;
  micEnabled: boolean;
  cameraEnabled: boolean;
  hasMicrophone: boolean;
  hasCamera: boolean;
  mediaProblem: MediaProblem;
  /** Several join attempts failed for some other reason than "the window is not open yet". */
  struggling: boolean;
}

export interface VisitCallOptions {
  bookingId: string;
  getToken: () => string;
  createSession: () => Promise<CallSession>;
  /** The handler ended the meeting for everyone. */
  onEnded: () => void;
  /** The session failed or closed; the call rejoins by itself, the owner should re-check the booking. */
  onInterrupted: () => void;
  /** The device token was refused: the device has been revoked. */
  onUnauthorized: () => void;
}

const INITIAL: VisitCallSnapshot = {
  callState: 'idle',
  joined: false,
  everJoined: false,
  participants: [],
  localStream: null,
  micEnabled: true,
  cameraEnabled: true,
  hasMicrophone: false,
  hasCamera: false,
  mediaProblem: null,
  struggling: false,
};

/**
 * One visit's call on the kiosk, with nobody to click anything: opens camera and microphone, joins,
 * retries until the meeting window opens, rejoins after the engine gives up, and on dispose() leaves,
 * stops every track and drops every reference. Network blips inside a session are the engine's job
 * (state 'reconnecting'); this class only starts over when the session itself is gone.
 */
export class VisitCall {
  private snapshot: VisitCallSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  private session: CallSession | null = null;
  private detachListeners: (() => void) | null = null;
  private stream: MediaStream | null = null;
  private timer: number | undefined;
  private failures = 0;
  private disposed = false;

  constructor(private readonly options: VisitCallOptions) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): VisitCallSnapshot => this.snapshot;

  start(): void {
    this.schedule(0);
  }

  setMicrophoneEnabled(enabled: boolean): void {
    this.update({ micEnabled: enabled });
    if (this.session && this.snapshot.joined) this.session.setMicrophoneEnabled(enabled);
    else this.stream?.getAudioTracks().forEach((track) => (track.enabled = enabled));
  }

  setCameraEnabled(enabled: boolean): void {
    this.update({ cameraEnabled: enabled });
    if (this.session && this.snapshot.joined) this.session.setCameraEnabled(enabled);
    else this.stream?.getVideoTracks().forEach((track) => (track.enabled = enabled));
  }

  /** How tall a participant's video is shown: the session receives the layer that fits. */
  setVideoSize(peerId: string, height: number): void {
    this.session?.setVideoSize(peerId, height);
  }

  receiveStats(): Promise<RTCStatsReport | null> {
    return this.session?.receiveStats() ?? Promise.resolve(null);
  }

  sendStats(): Promise<RTCStatsReport | null> {
    return this.session?.sendStats() ?? Promise.resolve(null);
  }

  /** Idempotent. Leaves the session, releases camera and microphone, forgets everything. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    window.clearTimeout(this.timer);
    this.detachSession();
    this.stopStream();
    this.snapshot = { ...INITIAL };
    this.emit();
    this.listeners.clear();
  }

  private schedule(delayMs: number): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.attempt(), delayMs);
  }

  private async attempt(): Promise<void> {
    this.timer = undefined;
    if (this.disposed) return;

    // Camera and microphone open while the call engine loads: neither waits for the other.
    const engine = this.options.createSession().then(
      (session) => ({ session }),
      (error: unknown) => ({ error }),
    );
    let stream: MediaStream;
    try {
      stream = await this.ensureStream();
    } catch {
      if (this.disposed) return;
      this.update({ mediaProblem: 'missing' });
      this.schedule(MEDIA_RETRY_MS);
      return;
    }
    if (this.disposed) return;

    let session: CallSession;
    try {
      const loaded = await engine;
      if ('error' in loaded) throw loaded.error;
      session = loaded.session;
    } catch {
      // The engine could not be loaded (network, or a deploy in between): try again shortly.
      if (this.disposed) return;
      this.failures += 1;
      this.update({ struggling: this.failures >= 3 });
      this.schedule(this.backoff());
      return;
    }
    if (this.disposed) return;
    this.attachSession(session);
    try {
      await session.join({
        apiBase: '',
        bookingId: this.options.bookingId,
        getToken: this.options.getToken,
        localStream: stream,
      });
    } catch (error) {
      if (this.session !== session) return;
      // A join that failed has released what it took; leave() would also stop our camera and
      // microphone, which the next attempt a few seconds later would only have to reopen.
      this.detachSession(false);
      const status = httpStatusOf(error);
      if (status === 401) {
        this.options.onUnauthorized();
        return;
      }
      const notOpenYet = status === 409;
      if (!notOpenYet) this.failures += 1;
      this.update({ callState: 'idle', joined: false, struggling: this.failures >= 3 });
      this.schedule(notOpenYet ? WINDOW_RETRY_MS : this.backoff());
      return;
    }
    if (this.session !== session) return;
    this.failures = 0;
    // Keep the visitor's choices across rejoins.
    session.setMicrophoneEnabled(this.snapshot.micEnabled);
    session.setCameraEnabled(this.snapshot.cameraEnabled);
    this.update({ joined: true, everJoined: true, struggling: false, callState: session.state });
  }

  private backoff(): number {
    return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(this.failures, 5));
  }

  private attachSession(session: CallSession): void {
    const onState: CallSessionEvents['state'] = (state) => {
      if (this.session !== session) return;
      this.update({ callState: state });
      if (state === 'failed') this.interrupted();
    };
    const onParticipants: CallSessionEvents['participants'] = (participants) => {
      if (this.session === session) this.update({ participants });
    };
    const onEnded: CallSessionEvents['ended'] = (reason) => {
      if (this.session !== session) return;
      switch (reason) {
        case 'left':
          return;
        case 'ended-by-handler':
          this.options.onEnded();
          return;
        case 'closed':
          this.interrupted();
          return;
      }
    };
    session.on('state', onState);
    session.on('participants', onParticipants);
    session.on('ended', onEnded);
    this.session = session;
    this.detachListeners = () => {
      session.off('state', onState);
      session.off('participants', onParticipants);
      session.off('ended', onEnded);
    };
  }

  private detachSession(leave = true): void {
    const session = this.session;
    this.session = null;
    this.detachListeners?.();
    this.detachListeners = null;
    if (!session || !leave) return;
    try {
      session.leave();
    } catch {
      // Leaving a session that never fully joined may throw; there is nothing more to release.
    }
  }

  /** The session is gone (engine gave up, or closed): start over, and let the owner re-check the visit. */
  private interrupted(): void {
    this.detachSession();
    this.update({ joined: false, participants: [], callState: 'idle' });
    this.options.onInterrupted();
    if (!this.disposed) this.schedule(REJOIN_MS);
  }

  /** The open camera and microphone, reopened when a previous leave() (or unplugging) ended them. */
  private async ensureStream(): Promise<MediaStream> {
    const current = this.stream;
    if (current && current.getTracks().some((track) => track.readyState === 'live')) return current;
    this.stopStream();
    const stream = await openCameraAndMicrophone();
    if (this.disposed) {
      stream.getTracks().forEach((track) => track.stop());
      throw new Error('disposed');
    }
    stream.getAudioTracks().forEach((track) => (track.enabled = this.snapshot.micEnabled));
    stream.getVideoTracks().forEach((track) => (track.enabled = this.snapshot.cameraEnabled));
    this.stream = stream;
    const hasMicrophone = stream.getAudioTracks().length > 0;
    const hasCamera = stream.getVideoTracks().length > 0;
    this.update({
      localStream: stream,
      hasMicrophone,
      hasCamera,
      mediaProblem: hasMicrophone && hasCamera ? null : 'partial',
    });
    return stream;
  }

  private stopStream(): void {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
  }

  private update(patch: Partial<VisitCallSnapshot>): void {
    if (this.disposed) return;
    this.snapshot = { ...this.snapshot, ...patch };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * Camera and microphone together, else whichever one works: a visitor who can be heard but not
 * seen (or the reverse) can still have the meeting. The kiosk browser grants permission by policy.
 */
async function openCameraAndMicrophone(): Promise<MediaStream> {
  // Missing outside a secure context (plain http on a non-localhost address).
  if (!navigator.mediaDevices?.getUserMedia) throw new Error('getUserMedia is not available');
  let lastError: unknown = null;
  for (const constraints of [{ audio: AUDIO, video: VIDEO }, { audio: AUDIO }, { video: VIDEO }]) {
    try {
      return await navigator.mediaDevices.getUserMedia(constraints);
    } catch (error) {
      lastError = error;
      if (error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError')) break;
    }
  }
  throw lastError;
}
