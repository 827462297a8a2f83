/**
 * The browser side of a meeting, as both web clients use it. The implementation
 * (mediasoup-client + socket.io-client against the `/session` namespace) lives beside this file;
 * the apps depend only on this contract.
 */
export type CallState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'ended' | 'failed';

export type ParticipantRole = 'HANDLER' | 'INTERPRETER' | 'ROOM_DEVICE';

export interface RemoteParticipant {
  peerId: string;
  role: ParticipantRole;
  /** Camera and microphone, as one stream to attach to a <video>. */
  stream: MediaStream;
  /** A shared screen, when the participant is sharing one. */
  screen: MediaStream | null;
  audioMuted: boolean;
  videoMuted: boolean;
}

export interface ChatMessage {
  id: string;
  fromPeerId: string;
  fromRole: ParticipantRole;
  text: string;
  at: string;
  mine: boolean;
}

/** From round-trip time and packet loss of the last few seconds. */
export type ConnectionQuality = 'good' | 'fair' | 'poor' | 'unknown';

/** What the receiving side gets now, for a quality indicator that means something. */
export interface LinkQuality {
  quality: ConnectionQuality;
  /** Share of packets lost since the previous sample, in per cent; null before any arrived. */
  lossPercent: number | null;
  /**
   * The simulcast layer of the remote camera forwarded now, as the server says: 'high' is the full
   * picture, 'low' the smallest; null while nothing is received (or the camera is off).
   */
  layer: 'high' | 'medium' | 'low' | null;
}

export interface CallSessionEvents {
  state: (state: CallState) => void;
  participants: (participants: RemoteParticipant[]) => void;
  chat: (message: ChatMessage) => void;
  quality: (quality: ConnectionQuality) => void;
  /** Every few seconds, with `quality`: loss and the picture layer received. */
  link: (link: LinkQuality) => void;
  activeSpeaker: (peerId: string | null) => void;
  /** Our own screen share started or stopped (also when stopped from the browser's own bar). */
  screenShare: (sharing: boolean) => void;
  /** The handler ended the meeting (for everyone), or the session closed. */
  ended: (reason: 'ended-by-handler' | 'left' | 'closed') => void;
}

export interface JoinOptions {
  /** Same-origin API base, '' in production. */
  apiBase: string;
  bookingId: string;
  /** Staff access token or room device token; used to fetch a fresh session ticket on every (re)join. */
  getToken: () => string;
  localStream: MediaStream;
}

export interface CallSession {
  readonly state: CallState;
  join(options: JoinOptions): Promise<void>;
  setMicrophoneEnabled(enabled: boolean): void;
  setCameraEnabled(enabled: boolean): void;
  /**
   * How tall (CSS pixels) a participant's camera is shown: the session asks the server for the
   * simulcast layer that fits, so a small tile does not take the full picture's bandwidth.
   */
  setVideoSize(peerId: string, height: number): void;
  /** Asks the browser for a screen and sends it as a second video; resolves when sharing. */
  startScreenShare(): Promise<void>;
  stopScreenShare(): void;
  readonly sharingScreen: boolean;
  sendChat(text: string): void;
  /** Handler only: ends the meeting for everyone and completes the booking. */
  endMeeting(): Promise<void>;
  /** Leaves without ending the meeting for others; releases camera and microphone. */
  leave(): void;
  on<E extends keyof CallSessionEvents>(event: E, listener: CallSessionEvents[E]): void;
  off<E extends keyof CallSessionEvents>(event: E, listener: CallSessionEvents[E]): void;
  /** The peer connection statistics of the receiving transport, for diagnostics and tests. */
  receiveStats(): Promise<RTCStatsReport | null>;
  sendStats(): Promise<RTCStatsReport | null>;
}
