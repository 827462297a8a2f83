import {
  createCallSession,
  type CallSession,
  type CallSessionEvents,
  type CallState,
  type ChatMessage,
  type ConnectionQuality,
  type LinkQuality,
  type RemoteParticipant,
} from '@distans/call-client';

export type EndReason = Parameters<CallSessionEvents['ended']>[0];

/** A chat line as shown: the session's messages plus our own, shown at once while they are sent. */
export interface ChatLine extends ChatMessage {
  pending?: boolean;
}

export interface CallSnapshot {
  bookingId: string;
  state: CallState;
  participants: RemoteParticipant[];
  chat: ChatLine[];
  quality: ConnectionQuality;
  /** Loss and the picture layer received, for the handler's quality indicator. */
  link: LinkQuality | null;
  activeSpeaker: string | null;
  micEnabled: boolean;
  cameraEnabled: boolean;
  sharing: boolean;
  /** Why joining or an action failed, as the error said it (the API's messages are human-readable). */
  error: { kind: 'join' | 'share' | 'end'; message: string } | null;
  ending: boolean;
  /** This participant asked to end the meeting (as opposed to hearing that someone else ended it). */
  endRequestedHere: boolean;
  ended: EndReason | null;
}

/**
 * One meeting, from the click on "Join" until it ends: wraps a CallSession and keeps a snapshot of
 * everything the call screen shows, for `useSyncExternalStore`. It lives outside React's component
 * tree so that re-renders (and StrictMode's double effects) never join or leave by accident.
 */
export class ActiveCall {
  private readonly session: CallSession = createCallSession();
  private snapshot: CallSnapshot;
  private readonly listeners = new Set<() => void>();
  private disposed = false;

  constructor(
    readonly bookingId: string,
    readonly localStream: MediaStream,
    private readonly getToken: () => string,
  ) {
    this.snapshot = {
      bookingId,
      state: 'idle',
      participants: [],
      chat: [],
      quality: 'unknown',
      link: null,
      activeSpeaker: null,
      micEnabled: localStream.getAudioTracks().some((track) => track.enabled),
      cameraEnabled: localStream.getVideoTracks().some((track) => track.enabled),
      sharing: false,
      error: null,
      ending: false,
      endRequestedHere: false,
      ended: null,
    };
    this.session.on('state', this.onState);
    this.session.on('participants', this.onParticipants);
    this.session.on('chat', this.onChat);
    this.session.on('quality', this.onQuality);
    this.session.on('link', this.onLink);
    this.session.on('activeSpeaker', this.onActiveSpeaker);
    this.session.on('screenShare', this.onScreenShare);
    this.session.on('ended', this.onEnded);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CallSnapshot => this.snapshot;

  get hasVideo(): boolean {
    return this.localStream.getVideoTracks().length > 0;
  }

  join(): void {
    this.update({ state: 'connecting', error: null });
    this.session
      .join({ apiBase: '', bookingId: this.bookingId, getToken: this.getToken, localStream: this.localStream })
      .catch((error: unknown) => this.update({ state: 'failed', error: { kind: 'join', message: messageOf(error) } }));
  }

  setMicrophoneEnabled(enabled: boolean): void {
    this.session.setMicrophoneEnabled(enabled);
    this.update({ micEnabled: enabled });
  }

  setCameraEnabled(enabled: boolean): void {
    this.session.setCameraEnabled(enabled);
    this.update({ cameraEnabled: enabled });
  }

  /** How tall a participant's video is shown, so the session receives the layer that fits. */
  setVideoSize(peerId: string, height: number): void {
    this.session.setVideoSize(peerId, height);
  }

  async toggleScreenShare(): Promise<void> {
    if (this.session.sharingScreen) {
      this.session.stopScreenShare();
      return;
    }
    try {
      // The session's screenShare event says when it started, and when it stopped (also from the
      // browser's own "stop sharing" bar).
      await this.session.startScreenShare();
      this.update({ error: null });
    } catch (error) {
      // Cancelling the browser's picker is a choice, not an error worth showing.
      if (error instanceof DOMException && error.name === 'NotAllowedError') return;
      this.update({ sharing: false, error: { kind: 'share', message: messageOf(error) } });
    }
  }

  sendChat(text: string): void {
    if (this.snapshot.state !== 'connected') return;
    const line: ChatLine = {
      id: `local-${crypto.randomUUID()}`,
      fromPeerId: '',
      fromRole: 'HANDLER',
      text,
      at: new Date().toISOString(),
      mine: true,
      pending: true,
    };
    this.update({ chat: [...this.snapshot.chat, line] });
    this.session.sendChat(text);
  }

  /** Ends the meeting for everyone; the API completes the booking. */
  async end(): Promise<void> {
    this.update({ ending: true, endRequestedHere: true, error: null });
    try {
      await this.session.endMeeting();
      this.finish('ended-by-handler');
    } catch (error) {
      this.update({ ending: false, error: { kind: 'end', message: messageOf(error) } });
    }
  }

  /** Leaves, the meeting going on for the others (the handler can join again). */
  leave(): void {
    if (this.disposed) return;
    this.session.leave();
    this.finish('left');
  }

  /** Releases everything; idempotent. The session stops its own tracks; stopping them here covers a failed join. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.session.off('state', this.onState);
    this.session.off('participants', this.onParticipants);
    this.session.off('chat', this.onChat);
    this.session.off('quality', this.onQuality);
    this.session.off('link', this.onLink);
    this.session.off('activeSpeaker', this.onActiveSpeaker);
    this.session.off('screenShare', this.onScreenShare);
    this.session.off('ended', this.onEnded);
    if (!this.snapshot.ended) this.session.leave();
    this.localStream.getTracks().forEach((track) => track.stop());
    this.listeners.clear();
  }

  /** Statistics pass-through for diagnostics (the end-to-end test reads these). */
  receiveStats(): Promise<RTCStatsReport | null> {
    return this.session.receiveStats();
  }

  sendStats(): Promise<RTCStatsReport | null> {
    return this.session.sendStats();
  }

  private finish(reason: EndReason): void {
    if (this.snapshot.ended) return;
    this.update({ ended: reason, ending: false, sharing: false });
  }

  private readonly onState = (state: CallState): void => {
    this.update({ state });
  };

  private readonly onParticipants = (participants: RemoteParticipant[]): void => {
    this.update({ participants });
  };

  private readonly onScreenShare = (sharing: boolean): void => {
    this.update({ sharing });
  };

  private readonly onChat = (message: ChatMessage): void => {
    let chat = this.snapshot.chat;
    if (message.mine) {
      // Our own message came back from the server: replace the line we showed while sending it.
      const pending = chat.findIndex((line) => line.pending && line.text === message.text);
      if (pending >= 0) chat = chat.filter((_, index) => index !== pending);
    }
    this.update({ chat: [...chat, message] });
  };

  private readonly onQuality = (quality: ConnectionQuality): void => {
    this.update({ quality });
  };

  private readonly onLink = (link: LinkQuality): void => {
    this.update({ link });
  };

  private readonly onActiveSpeaker = (peerId: string | null): void => {
    this.update({ activeSpeaker: peerId });
  };

  private readonly onEnded = (reason: EndReason): void => {
    this.finish(reason);
  };

  private update(patch: Partial<CallSnapshot>): void {
    if (this.disposed) return;
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.forEach((listener) => listener());
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
