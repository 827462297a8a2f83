import { createHash, randomUUID } from 'node:crypto';
import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  SESSION_NAMESPACE,
  SESSION_REQUEST_TYPES,
  type ConsumerParams,
  type MediaSource,
  type SessionAck,
  type SessionClientToServer,
  type SessionError,
  type SessionLeaveReason,
  type SessionPeer,
  type SessionRequests,
  type SessionRequestType,
  type SessionServerToClient,
} from '@distans/contracts';
import { MediaError, type ConsumerInfo, type Peer, type Room } from '@distans/media';
import type { types } from 'mediasoup';
import type { Namespace, Socket } from 'socket.io';
import { DomainError, ForbiddenError, InvalidInputError, ServiceUnavailableError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { MediaService } from './media.service';
import { REQUEST_PARSERS } from './session-requests';
import { SessionIdentity, SessionTicketsService } from './session-tickets.service';
import { SessionsService } from './sessions.service';

interface PeerData {
  identity: SessionIdentity;
  socketId: string;
  participationId: string | null;
}

interface SocketData {
  identity: SessionIdentity;
  peerId: string;
  /** Set on connection; undefined only between the handshake and the connection event. */
  ready?: Promise<Peer<PeerData>>;
  /** Set when the server itself ends this connection (leave, end, replaced): no grace period. */
  closing: boolean;
}

type SessionSocket = Socket<SessionClientToServer, SessionServerToClient, Record<string, never>, SocketData>;
type SessionNamespace = Namespace<SessionClientToServer, SessionServerToClient, Record<string, never>, SocketData>;

interface Call {
  socket: SessionSocket;
  identity: SessionIdentity;
  room: Room<PeerData>;
  peer: Peer<PeerData>;
}

type Handlers = {
  [K in SessionRequestType]: (call: Call, data: SessionRequests[K]['req']) => Promise<SessionRequests[K]['res']>;
};

/** A request from a connection that is not (or no longer) in the session. */
class NotJoinedError extends DomainError {
  readonly status = 409;
  readonly error = 'Conflict';
  readonly sessionCode = 'NOT_JOINED';
  protected readonly defaultCode = 'CONFLICT';
}

const LEAVE_REASONS: Record<string, SessionLeaveReason> = {
  left: 'LEFT',
  dropped: 'DROPPED',
  replaced: 'REPLACED',
  ended: 'ENDED',
  'media-unavailable': 'WORKER_LOST',
};

/**
 * Signalling for the video sessions, on socket.io namespace /session.
 *
 * Authentication happens in the handshake (namespace middleware): the single-use ticket decides
 * who the peer is and which booking's room it enters; nothing the client sends can change either.
 * Requests are events named after their type, each parsed by REQUEST_PARSERS and answered through
 * the acknowledgement with `{ ok, data }` or `{ ok: false, error }`; no request can throw past
 * `dispatch`.
 */
@WebSocketGateway({ namespace: SESSION_NAMESPACE, cors: { origin: false } })
export class SessionGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(SessionGateway.name);
  @WebSocketServer() private readonly nsp: SessionNamespace;
  private readonly graceTimers = new Map<string, NodeJS.Timeout>();
  private readonly watchedRooms = new WeakSet<Room<PeerData>>();

  constructor(
    private readonly tickets: SessionTicketsService,
    private readonly sessions: SessionsService,
    private readonly media: MediaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(nsp: SessionNamespace): void {
    nsp.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: unknown) => {
          const refusal = new Error(
            error instanceof DomainError ? error.message : 'Could not join the session',
          ) as Error & {
            data?: unknown;
          };
          const { code, errorCode } = toSessionError(error);
          refusal.data = { code, ...(errorCode ? { errorCode } : {}) };
          if (!(error instanceof DomainError)) this.logger.error({ err: error }, 'session handshake failed');
          next(refusal);
        },
      );
    });
  }

  handleConnection(socket: SessionSocket): void {
    // Listeners first, synchronously: a request sent right after connecting must not be lost
    // while the room is being prepared; each request waits for `ready` instead.
    const raw = socket as unknown as Socket;
    for (const type of SESSION_REQUEST_TYPES) {
      raw.on(type, (...args: unknown[]) => void this.dispatch(socket, type, args));
    }
    raw.onAny((event: unknown, ...args: unknown[]) => {
      if ((SESSION_REQUEST_TYPES as readonly unknown[]).includes(event)) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function') {
        (ack as (r: SessionAck<never>) => void)({
          ok: false,
          error: { code: 'UNKNOWN_REQUEST', message: `Unknown request ${String(event).slice(0, 40)}` },
        });
      }
    });
    socket.data.closing = false;
    const ready = this.attach(socket);
    socket.data.ready = ready;
    ready.catch((error: unknown) => {
      this.logger.error({ err: error, bookingId: socket.data.identity.bookingId }, 'could not open the session room');
      socket.disconnect(true);
    });
  }

  async handleDisconnect(socket: SessionSocket): Promise<void> {
    if (socket.data.closing || socket.data.ready === undefined) return;
    const peer = await socket.data.ready.catch(() => undefined);
    if (!peer || peer.closed) return;
    // A dropped connection keeps its place for a while: the same person coming back (with a
    // fresh ticket) replaces it; otherwise it is removed so that nobody stays as a ghost.
    const key = graceKey(socket.data.identity.bookingId, peer.id);
    this.cancelGrace(key);
    const timer = setTimeout(() => {
      this.graceTimers.delete(key);
      if (peer.closed) return;
      const room = this.media.server.getRoom<PeerData>(socket.data.identity.bookingId);
      peer.close('dropped');
      if (room) this.closeIfEmpty(room);
    }, this.config.SESSION_RECONNECT_GRACE_SECONDS * 1000);
    timer.unref();
    this.graceTimers.set(key, timer);
  }

  onModuleDestroy(): void {
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
  }

  private async authenticate(socket: SessionSocket): Promise<void> {
    if (!this.media.enabled) throw new ServiceUnavailableError('Video is switched off on this server');
    const auth: unknown = socket.handshake.auth;
    const keys = auth && typeof auth === 'object' ? Object.keys(auth) : [];
    if (keys.some((key) => key !== 'ticket')) {
      // Identity and room come from the ticket only; a client naming either is refused outright.
      throw new InvalidInputError('The handshake takes a session ticket and nothing else');
    }
    const identity = await this.tickets.redeem((auth as { ticket?: unknown } | undefined)?.ticket);
    socket.data.identity = identity;
    socket.data.peerId = peerIdFor(identity);
  }

  private async attach(socket: SessionSocket): Promise<Peer<PeerData>> {
    const { identity, peerId } = socket.data;
    const room = await this.media.server.getOrCreateRoom<PeerData>(identity.bookingId);
    this.watchRoom(room);
    const old = room.getPeer(peerId);
    if (old) {
      this.cancelGrace(graceKey(identity.bookingId, peerId));
      const oldSocket = this.nsp.sockets.get(old.data.socketId);
      if (oldSocket) {
        oldSocket.data.closing = true;
        oldSocket.disconnect(true);
      }
    }
    // Closes the old peer (its transports, producers and the consumers of its media) first.
    const peer = await room.addPeer(peerId, { identity, socketId: socket.id, participationId: null });
    this.watchPeer(peer, socket);
    await socket.join(identity.bookingId);
    if (!socket.connected) {
      socket.data.closing = true;
      peer.close('left');
      this.closeIfEmpty(room);
    }
    return peer;
  }

  private async dispatch(socket: SessionSocket, type: SessionRequestType, args: unknown[]): Promise<void> {
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (r: SessionAck<unknown>) => void) : null;
    let response: SessionAck<unknown>;
    try {
      const data = (REQUEST_PARSERS[type] as (raw: unknown) => unknown)(args.length > 1 ? args : args[0]);
      const peer = await socket.data.ready;
      if (!peer || peer.closed) throw new NotJoinedError('This connection has left the session');
      const room = this.media.server.getRoom<PeerData>(socket.data.identity.bookingId);
      if (!room || room.closed) throw new NotJoinedError('The session has closed');
      const call: Call = { socket, identity: socket.data.identity, room, peer };
      const handler = this.handlers[type] as (call: Call, data: unknown) => Promise<unknown>;
      response = { ok: true, data: await handler(call, data) };
    } catch (error) {
      const sessionError = toSessionError(error);
      if (sessionError.code === 'INTERNAL') {
        this.logger.error({ err: error, type, bookingId: socket.data.identity?.bookingId }, 'session request failed');
      }
      response = { ok: false, error: sessionError };
    }
    ack?.(response);
  }

  private readonly handlers: Handlers = {
    routerCapabilities: async ({ room }) => ({ rtpCapabilities: room.rtpCapabilities }),

    join: async ({ socket, identity, room, peer }, { rtpCapabilities }) => {
      const first = await room.join(peer, rtpCapabilities as unknown as types.RtpCapabilities);
      if (first) {
        peer.data.participationId = await this.sessions.recordJoin(identity);
        socket.to(identity.bookingId).emit('peerJoined', describePeer(peer));
        await this.startWhenEveryoneIsIn(room, identity);
      }
      const peers = [...room.joinedPeers.values()].filter((p) => p !== peer).map(describePeer);
      return { self: describePeer(peer), peers };
    },

    createTransport: async ({ room, peer }, { direction }) => {
      const t = await room.createWebRtcTransport(peer, direction);
      return {
        transportId: t.id,
        direction: t.direction,
        iceParameters: t.iceParameters,
        iceCandidates: t.iceCandidates,
        dtlsParameters: t.dtlsParameters,
      };
    },

    connectTransport: async ({ peer }, { transportId, dtlsParameters }) => {
      await peer.connectTransport(transportId, dtlsParameters as unknown as types.DtlsParameters);
      return {};
    },

    produce: async ({ room, peer }, { transportId, kind, rtpParameters, source }) => {
      const produced = await room.produce(peer, transportId, kind, rtpParameters as unknown as types.RtpParameters, {
        source: source ?? defaultSource(kind),
      });
      return { producerId: produced.producerId };
    },

    consume: async ({ room, peer }, { producerId }) => toConsumerParams(await room.consume(peer, producerId)),

    resumeConsumer: async ({ peer }, { consumerId }) => {
      await peer.resumeConsumer(consumerId);
      return {};
    },

    setPreferredLayers: async ({ peer }, { consumerId, spatialLayer }) => {
      await peer.setPreferredLayers(consumerId, spatialLayer);
      return {};
    },

    pauseProducer: async ({ peer }, { producerId }) => {
      await peer.pauseProducer(producerId);
      return {};
    },

    resumeProducer: async ({ peer }, { producerId }) => {
      await peer.resumeProducer(producerId);
      return {};
    },

    closeProducer: async ({ peer }, { producerId }) => {
      peer.closeProducer(producerId);
      return {};
    },

    restartIce: async ({ peer }, { transportId }) => ({ iceParameters: await peer.restartIce(transportId) }),

    chat: async ({ socket, identity, room, peer }, { text }) => {
      if (!room.isJoined(peer)) throw new NotJoinedError('Join the session before chatting');
      // Relayed only: chat is never stored.
      const message = {
        id: randomUUID(),
        fromPeerId: peer.id,
        fromRole: identity.role,
        displayName: identity.displayName,
        text,
        at: new Date().toISOString(),
      };
      socket.to(identity.bookingId).emit('chat', message);
      return { message };
    },

    leave: async ({ socket, room, peer }) => {
      socket.data.closing = true;
      peer.close('left');
      this.closeIfEmpty(room);
      setImmediate(() => socket.disconnect(true));
      return {};
    },

    end: async ({ identity, room }) => {
      if (identity.role !== 'HANDLER') throw new ForbiddenError('Only the case handler can end the meeting');
      await this.sessions.complete(identity.bookingId, { id: identity.actorId, role: identity.role });
      setImmediate(() => this.endSession(room, 'ended'));
      return {};
    },
  };

  private async startWhenEveryoneIsIn(room: Room<PeerData>, identity: SessionIdentity): Promise<void> {
    const roles = new Set([...room.joinedPeers.values()].map((p) => p.data.identity.role));
    if (!roles.has('HANDLER') || !roles.has('ROOM_DEVICE')) return;
    try {
      await this.sessions.start(identity.bookingId, { id: identity.actorId, role: identity.role });
    } catch (error) {
      this.logger.error({ err: error, bookingId: identity.bookingId }, 'could not mark the booking as in session');
    }
  }

  private endSession(room: Room<PeerData>, reason: 'ended' | 'media-unavailable'): void {
    const sockets = [...room.peers.values()]
      .map((p) => this.nsp.sockets.get(p.data.socketId))
      .filter((s): s is SessionSocket => s !== undefined);
    this.nsp
      .to(room.id)
      .emit('sessionEnded', { reason: reason === 'ended' ? 'ENDED_BY_HANDLER' : 'MEDIA_UNAVAILABLE' });
    for (const socket of sockets) socket.data.closing = true;
    room.close(reason);
    for (const socket of sockets) socket.disconnect(true);
  }

  private watchRoom(room: Room<PeerData>): void {
    if (this.watchedRooms.has(room)) return;
    this.watchedRooms.add(room);
    room.on('activespeaker', (peerId) => this.nsp.to(room.id).emit('activeSpeaker', { peerId }));
    room.on('rejoin', () => {
      this.logger.warn({ bookingId: room.id, workerPid: room.workerPid }, 'session moved to another media worker');
      this.nsp.to(room.id).emit('rejoin', { reason: 'media-worker-restarted' });
    });
    // Only peers the others have seen are announced as gone; an ended room needs no farewells.
    room.on('peerclosed', (peer, why, joined) => {
      const reason = LEAVE_REASONS[why] ?? 'DROPPED';
      if (!joined || reason === 'ENDED' || reason === 'WORKER_LOST') return;
      this.nsp.to(room.id).except(peer.data.socketId).emit('peerLeft', { peerId: peer.id, reason });
    });
    room.on('close', (reason) => {
      if (reason !== 'media-unavailable') return;
      this.nsp.to(room.id).emit('sessionEnded', { reason: 'MEDIA_UNAVAILABLE' });
      this.nsp.in(room.id).disconnectSockets(true);
    });
  }

  private watchPeer(peer: Peer<PeerData>, socket: SessionSocket): void {
    peer.on('newconsumer', (consumer) => socket.emit('newConsumer', toConsumerParams(consumer)));
    peer.on('consumerclosed', (consumerId) => socket.emit('consumerClosed', { consumerId }));
    peer.on('consumerpaused', (consumerId) => socket.emit('consumerPaused', { consumerId }));
    peer.on('consumerresumed', (consumerId) => socket.emit('consumerResumed', { consumerId }));
    peer.on('consumerlayers', (consumerId, spatialLayer) =>
      socket.emit('consumerLayers', { consumerId, spatialLayer }),
    );
    peer.once('close', (why) => {
      const reason = LEAVE_REASONS[why] ?? 'DROPPED';
      const participation = peer.data.participationId;
      if (participation) {
        this.sessions.recordLeave(participation, reason).catch((error: unknown) => {
          this.logger.warn({ err: error, participation }, 'could not record when a participant left');
        });
      }
    });
  }

  private closeIfEmpty(room: Room<PeerData>): void {
    if (room.peerCount === 0) room.close('empty');
  }

  private cancelGrace(key: string): void {
    const timer = this.graceTimers.get(key);
    if (timer) clearTimeout(timer);
    this.graceTimers.delete(key);
  }
}

/** Stable per person and booking, so a reconnect replaces its old self; opaque to other peers. */
function peerIdFor(identity: SessionIdentity): string {
  return createHash('sha256')
    .update(`${identity.bookingId}:${identity.role}:${identity.actorId}`)
    .digest('base64url')
    .slice(0, 16);
}

function graceKey(bookingId: string, peerId: string): string {
  return `${bookingId}:${peerId}`;
}

function defaultSource(kind: types.MediaKind): MediaSource {
  return kind === 'audio' ? 'microphone' : 'camera';
}

function sourceOf(appData: Record<string, unknown>, kind: types.MediaKind): MediaSource {
  return typeof appData.source === 'string' ? (appData.source as MediaSource) : defaultSource(kind);
}

function describePeer(peer: Peer<PeerData>): SessionPeer {
  return {
    peerId: peer.id,
    role: peer.data.identity.role,
    displayName: peer.data.identity.displayName,
    producers: peer.producers.map((p) => ({
      producerId: p.producerId,
      kind: p.kind,
      source: sourceOf(p.appData, p.kind),
      paused: p.paused,
    })),
  };
}

function toConsumerParams(c: ConsumerInfo): ConsumerParams {
  return {
    consumerId: c.consumerId,
    producerId: c.producerId,
    producerPeerId: c.producerPeerId,
    kind: c.kind,
    source: sourceOf(c.producerAppData, c.kind),
    rtpParameters: c.rtpParameters,
    paused: c.paused,
    producerPaused: c.producerPaused,
  };
}

/** Every failure as one error shape; the error says its own code, unknown ones say nothing about internals. */
export function toSessionError(error: unknown): SessionError {
  if (error instanceof DomainError) return error.toSessionError();
  if (error instanceof MediaError) return { code: error.sessionCode, message: error.message };
  // mediasoup refuses malformed WebRTC parameters with TypeError or UnsupportedError.
  if (error instanceof Error && (error.name === 'TypeError' || error.name === 'UnsupportedError')) {
    return { code: 'BAD_REQUEST', message: `Invalid media parameters: ${error.message.slice(0, 200)}` };
  }
  // mediasoup 3.21+ names a call on a closed worker WorkerClosedError, and a reference to an entity
  // the worker does not have NotFoundError (both were InvalidStateError before).
  if (error instanceof Error && error.name === 'WorkerClosedError') {
    return { code: 'CONFLICT', message: 'That media object is closed' };
  }
  if (error instanceof Error && error.name === 'NotFoundError') {
    return { code: 'NOT_FOUND', message: 'That media object does not exist' };
  }
  return { code: 'INTERNAL', message: 'Something went wrong in the session; try again' };
}
