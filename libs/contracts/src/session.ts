/**
 * The video-session signalling contract, shared by the API and the web clients (handler web, room
 * screen). Transport: socket.io namespace SESSION_NAMESPACE. The client connects with
 * `auth: { ticket }` from POST /bookings/:id/session-ticket; who it is and which session it joins
 * come only from that ticket. Each request is an event named after its type, with `data` as the
 * payload and an acknowledgement callback that receives a SessionAck.
 *
 * WebRTC parameter objects are passed through as mediasoup(-client) produces them; they are typed
 * loosely here so that this library depends on neither.
 */
import type { ErrorCode } from './http';

export const SESSION_NAMESPACE = '/session';

/** A participant's role. A room screen's display name is the room's name: never personal data. */
export const SESSION_ROLES = ['HANDLER', 'INTERPRETER', 'ROOM_DEVICE'] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

export type MediaKind = 'audio' | 'video';

/** What a producer carries, so receivers can tell a camera from a shared screen. */
export const MEDIA_SOURCES = ['microphone', 'camera', 'screen'] as const;
export type MediaSource = (typeof MEDIA_SOURCES)[number];
export type TransportDirection = 'send' | 'recv';

/** Opaque mediasoup objects: RtpCapabilities, RtpParameters, DtlsParameters, IceParameters, IceCandidate. */
export type RtpCapabilitiesJson = { codecs?: unknown[]; headerExtensions?: unknown[] } & Record<string, unknown>;
export type RtpParametersJson = { codecs: unknown[]; encodings?: unknown[] } & Record<string, unknown>;
export type DtlsParametersJson = { fingerprints: unknown[]; role?: string } & Record<string, unknown>;
export type IceParametersJson = Record<string, unknown>;
export type IceCandidateJson = Record<string, unknown>;

export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

export interface SessionTicketResponse {
  /** Present in the socket.io handshake as `auth: { ticket }`. Single use, short-lived. */
  ticket: string;
  expiresAt: string;
  namespace: typeof SESSION_NAMESPACE;
  booking: { id: string; start: string; end: string };
  you: { role: SessionRole; displayName: string };
  /** STUN and TURN servers for RTCPeerConnection; TURN credentials expire with the join window. */
  iceServers: IceServer[];
}

export interface SessionProducer {
  producerId: string;
  kind: MediaKind;
  source: MediaSource;
  paused: boolean;
}

export interface SessionPeer {
  peerId: string;
  role: SessionRole;
  displayName: string;
  producers: SessionProducer[];
}

export interface TransportParams {
  transportId: string;
  direction: TransportDirection;
  iceParameters: IceParametersJson;
  iceCandidates: IceCandidateJson[];
  dtlsParameters: DtlsParametersJson;
}

export interface ConsumerParams {
  consumerId: string;
  producerId: string;
  producerPeerId: string;
  kind: MediaKind;
  source: MediaSource;
  rtpParameters: RtpParametersJson;
  /** Starts paused: send resumeConsumer once the track is attached. */
  paused: boolean;
  producerPaused: boolean;
}

/** Chat is relayed, never stored. */
export interface ChatMessage {
  id: string;
  fromPeerId: string;
  fromRole: SessionRole;
  displayName: string;
  text: string;
  at: string;
}

export const CHAT_MAX_LENGTH = 2000;

type Empty = Record<string, never>;

/** Every request: its payload (`req`) and the `data` of a successful acknowledgement (`res`). */
export interface SessionRequests {
  routerCapabilities: { req: Empty; res: { rtpCapabilities: RtpCapabilitiesJson } };
  /** Become visible to the others; consumers for what they already send follow as newConsumer. */
  join: { req: { rtpCapabilities: RtpCapabilitiesJson }; res: { self: SessionPeer; peers: SessionPeer[] } };
  createTransport: { req: { direction: TransportDirection }; res: TransportParams };
  connectTransport: { req: { transportId: string; dtlsParameters: DtlsParametersJson }; res: Empty };
  produce: {
    req: { transportId: string; kind: MediaKind; rtpParameters: RtpParametersJson; source?: MediaSource };
    res: { producerId: string };
  };
  /** Explicitly receive one producer (also answered with the existing consumer if there is one). */
  consume: { req: { producerId: string }; res: ConsumerParams };
  resumeConsumer: { req: { consumerId: string }; res: Empty };
  /**
   * The highest simulcast layer worth receiving for how big the picture is shown (0 = smallest);
   * the server still sends less when the link cannot carry it.
   */
  setPreferredLayers: { req: { consumerId: string; spatialLayer: number }; res: Empty };
  pauseProducer: { req: { producerId: string }; res: Empty };
  resumeProducer: { req: { producerId: string }; res: Empty };
  /** Stop sending one source for good (e.g. a screen share); the others get consumerClosed. */
  closeProducer: { req: { producerId: string }; res: Empty };
  restartIce: { req: { transportId: string }; res: { iceParameters: IceParametersJson } };
  chat: { req: { text: string }; res: { message: ChatMessage } };
  leave: { req: Empty; res: Empty };
  /** Handler only: ends the meeting for everyone and completes the booking. */
  end: { req: Empty; res: Empty };
}

export type SessionRequestType = keyof SessionRequests;

export const SESSION_REQUEST_TYPES = [
  'routerCapabilities',
  'join',
  'createTransport',
  'connectTransport',
  'produce',
  'consume',
  'resumeConsumer',
  'setPreferredLayers',
  'pauseProducer',
  'resumeProducer',
  'closeProducer',
  'restartIce',
  'chat',
  'leave',
  'end',
] as const satisfies readonly SessionRequestType[];

/** Discriminated union of every request, for code that handles them generically. */
export type SessionRequest = {
  [K in SessionRequestType]: { type: K; data: SessionRequests[K]['req'] };
}[SessionRequestType];

export const SESSION_ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'NOT_JOINED',
  'UNKNOWN_REQUEST',
  'INTERNAL',
] as const;
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number];

export interface SessionError {
  code: SessionErrorCode;
  /** The API's stable code for the same refusal (as in `ErrorBody.code`), e.g. 'SESSION_NOT_OPEN'. */
  errorCode?: ErrorCode;
  message: string;
  /** Field path to problems, as in the HTTP error shape. */
  details?: Record<string, string[]>;
}

export type SessionAck<T> = { ok: true; data: T } | { ok: false; error: SessionError };

export type SessionAckFor<K extends SessionRequestType> = SessionAck<SessionRequests[K]['res']>;

export const SESSION_LEAVE_REASONS = ['LEFT', 'DROPPED', 'REPLACED', 'ENDED', 'WORKER_LOST'] as const;
export type SessionLeaveReason = (typeof SESSION_LEAVE_REASONS)[number];

export const SESSION_END_REASONS = ['ENDED_BY_HANDLER', 'MEDIA_UNAVAILABLE', 'SERVER_SHUTDOWN'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** Everything the server pushes, by event name. */
export interface SessionEvents {
  peerJoined: SessionPeer;
  peerLeft: { peerId: string; reason: SessionLeaveReason };
  newConsumer: ConsumerParams;
  consumerClosed: { consumerId: string };
  consumerPaused: { consumerId: string };
  consumerResumed: { consumerId: string };
  /** The simulcast layer now forwarded to this receiver (null: none, e.g. the link is too poor). */
  consumerLayers: { consumerId: string; spatialLayer: number | null };
  activeSpeaker: { peerId: string | null };
  chat: ChatMessage;
  sessionEnded: { reason: SessionEndReason };
  /**
   * The media server moved this session (a media process failed). Keep the peer list; close
   * every transport, then routerCapabilities, join, createTransport and produce again.
   */
  rejoin: { reason: 'media-worker-restarted' };
}

export type SessionEventType = keyof SessionEvents;

/** Discriminated union of every server event. */
export type SessionEvent = { [K in SessionEventType]: { type: K; data: SessionEvents[K] } }[SessionEventType];

/** socket.io typings for `io<SessionServerToClient, SessionClientToServer>()` and the server. */
export type SessionClientToServer = {
  [K in SessionRequestType]: (data: SessionRequests[K]['req'], ack: (response: SessionAckFor<K>) => void) => void;
};
export type SessionServerToClient = { [K in SessionEventType]: (data: SessionEvents[K]) => void };
