import {
  SESSION_NAMESPACE,
  type ConsumerParams,
  type MediaSource,
  type SessionAckFor,
  type SessionClientToServer,
  type SessionPeer,
  type SessionRequests,
  type SessionRequestType,
  type SessionServerToClient,
  type SessionTicketResponse,
} from '@distans/contracts';
import { Device } from 'mediasoup-client';
import type { Consumer, Producer, RtpCapabilities, RtpParameters, Transport } from 'mediasoup-client/types';
import { io, type Socket } from 'socket.io-client';
import type {
  CallSession,
  CallSessionEvents,
  CallState,
  ChatMessage,
  JoinOptions,
  RemoteParticipant,
} from './call-session';
import { classifyQuality, readQualitySample } from './quality';

type SessionSocket = Socket<SessionServerToClient, SessionClientToServer>;

/** The API refused to issue a ticket, e.g. the join window is not open yet (409 with when it opens). */
export class TicketError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const REQUEST_TIMEOUT_MS = 10_000;
const QUALITY_INTERVAL_MS = 2_000;
/** Backoff between rejoin attempts; a peer back within 30 s replaces its old self on the server. */
const REJOIN_DELAYS_MS = [500, 1_000, 2_000, 3_000, 5_000];

interface Participant {
  peer: SessionPeer;
  camera: MediaStream;
  screen: MediaStream | null;
}

/**
 * A meeting over the `/session` namespace with mediasoup-client. It rejoins by itself (fresh
 * ticket, new transports) when the signalling socket or a transport is lost, and when the server
 * says the media moved to another worker; the app only sees 'reconnecting' and then 'connected'.
 */
export class MediasoupCallSession implements CallSession {
  private currentState: CallState = 'idle';
  private options: JoinOptions | null = null;
  private socket: SessionSocket | null = null;
  private device: Device | null = null;
  private sendTransport: Transport | null = null;
  private recvTransport: Transport | null = null;
  private readonly producers = new Map<MediaSource, Producer>();
  private readonly consumers = new Map<string, { consumer: Consumer; peerId: string; source: MediaSource }>();
  private readonly participants = new Map<string, Participant>();
  /** Consumers whose producer the sender has paused (muted microphone, camera off). */
  private readonly pausedConsumers = new Set<string>();
  private readonly listeners = new Map<keyof CallSessionEvents, Set<(...args: never[]) => void>>();
  private screenTrack: MediaStreamTrack | null = null;
  private micEnabled = true;
  private camEnabled = true;
  private qualityTimer: ReturnType<typeof setInterval> | null = null;
  private rejoining = false;
  private finished = false;
  private readonly onOnline = (): void => {
    if (this.currentState === 'reconnecting') void this.rejoin();
  };

  get state(): CallState {
    return this.currentState;
  }

  get sharingScreen(): boolean {
    return this.screenTrack !== null;
  }

  async join(options: JoinOptions): Promise<void> {
    if (this.currentState !== 'idle') throw new Error('This call session has already been used');
    this.options = options;
    this.setState('connecting');
    window.addEventListener('online', this.onOnline);
    try {
      await this.connect();
    } catch (error) {
      this.teardown();
      window.removeEventListener('online', this.onOnline);
      this.currentState = 'idle';
      throw error;
    }
    this.qualityTimer = setInterval(() => void this.sampleQuality(), QUALITY_INTERVAL_MS);
  }

  setMicrophoneEnabled(enabled: boolean): void {
    this.micEnabled = enabled;
    this.toggleSource('microphone', enabled);
  }

  setCameraEnabled(enabled: boolean): void {
    this.camEnabled = enabled;
    this.toggleSource('camera', enabled);
  }

  async startScreenShare(): Promise<void> {
    if (this.screenTrack) return;
    const display = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    const track = display.getVideoTracks()[0];
    if (!track) throw new Error('No screen was chosen');
    this.screenTrack = track;
    track.addEventListener('ended', () => this.stopScreenShare());
    if (this.sendTransport) await this.produce('screen', track);
    this.emit('screenShare', true);
  }

  stopScreenShare(): void {
    const wasSharing = this.screenTrack !== null;
    const producer = this.producers.get('screen');
    this.producers.delete('screen');
    producer?.close();
    this.screenTrack?.stop();
    this.screenTrack = null;
    if (producer && this.socket?.connected) {
      void this.request('closeProducer', { producerId: producer.id }).catch(() => undefined);
    }
    // Also when the share never reached the server (stopped before the transport was up).
    if (wasSharing || producer) this.emit('screenShare', false);
  }

  sendChat(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    void this.request('chat', { text: trimmed })
      .then(({ message }) => this.emit('chat', { ...toChat(message), mine: true }))
      .catch(() => undefined);
  }

  async endMeeting(): Promise<void> {
    await this.request('end', {});
    this.finish('ended-by-handler');
  }

  leave(): void {
    if (this.finished) return;
    if (this.socket?.connected) void this.request('leave', {}).catch(() => undefined);
    this.finish('left');
  }

  on<E extends keyof CallSessionEvents>(event: E, listener: CallSessionEvents[E]): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }

  off<E extends keyof CallSessionEvents>(event: E, listener: CallSessionEvents[E]): void {
    this.listeners.get(event)?.delete(listener);
  }

  async receiveStats(): Promise<RTCStatsReport | null> {
    return this.recvTransport ? this.recvTransport.getStats() : null;
  }

  async sendStats(): Promise<RTCStatsReport | null> {
    return this.sendTransport ? this.sendTransport.getStats() : null;
  }

  // --- connection ------------------------------------------------------------------------------

  private async connect(): Promise<void> {
    const options = this.options!;
    const ticket = await fetchTicket(options);
    const socket: SessionSocket = io(`${options.apiBase}${SESSION_NAMESPACE}`, {
      auth: { ticket: ticket.ticket },
      transports: ['websocket'],
      reconnection: false,
    });
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    this.listen(socket);

    this.device = new Device();
    const { rtpCapabilities } = await this.request('routerCapabilities', {});
    await this.device.load({ routerRtpCapabilities: rtpCapabilities as unknown as RtpCapabilities });
    const iceServers = ticket.iceServers.map((server) => ({ ...server }));
    this.sendTransport = await this.createTransport('send', iceServers);
    this.recvTransport = await this.createTransport('recv', iceServers);

    const { peers } = await this.request('join', { rtpCapabilities: this.device.rtpCapabilities });
    this.participants.clear();
    for (const peer of peers) this.participants.set(peer.peerId, emptyParticipant(peer));
    this.emitParticipants();

    const audio = options.localStream.getAudioTracks()[0];
    const video = options.localStream.getVideoTracks()[0];
    if (audio) await this.produce('microphone', audio);
    if (video) await this.produce('camera', video);
    if (this.screenTrack) await this.produce('screen', this.screenTrack);
    this.toggleSource('microphone', this.micEnabled);
    this.toggleSource('camera', this.camEnabled);
    this.setState('connected');
  }

  private async createTransport(direction: 'send' | 'recv', iceServers: RTCIceServer[]): Promise<Transport> {
    const params = await this.request('createTransport', { direction });
    const options = {
      id: params.transportId,
      iceParameters: params.iceParameters as never,
      iceCandidates: params.iceCandidates as never,
      dtlsParameters: params.dtlsParameters as never,
      iceServers,
    };
    const transport =
      direction === 'send' ? this.device!.createSendTransport(options) : this.device!.createRecvTransport(options);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.request('connectTransport', { transportId: transport.id, dtlsParameters: dtlsParameters })
        .then(() => callback())
        .catch((error: Error) => errback(error));
    });
    if (direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        const source = (appData as { source?: MediaSource }).source ?? (kind === 'audio' ? 'microphone' : 'camera');
        this.request('produce', { transportId: transport.id, kind, rtpParameters: rtpParameters, source })
          .then(({ producerId }) => callback({ id: producerId }))
          .catch((error: Error) => errback(error));
      });
    }
    transport.on('connectionstatechange', (state) => {
      if (transport !== this.sendTransport && transport !== this.recvTransport) return;
      if (state === 'failed') void this.rejoin();
      if (state === 'disconnected') void this.restartIce(transport);
    });
    return transport;
  }

  private async produce(source: MediaSource, track: MediaStreamTrack): Promise<void> {
    const transport = this.sendTransport!;
    const producer =
      source === 'camera'
        ? await transport.produce({
            track,
            // Simulcast: the SFU forwards the layer each receiver's network can carry.
            encodings: [
              { rid: 'r0', maxBitrate: 150_000, scaleResolutionDownBy: 4 },
              { rid: 'r1', maxBitrate: 500_000, scaleResolutionDownBy: 2 },
              { rid: 'r2', maxBitrate: 1_200_000 },
            ],
            codecOptions: { videoGoogleStartBitrate: 1000 },
            appData: { source },
            // The camera belongs to the app and outlives this producer: a rejoin sends it again.
            stopTracks: false,
          })
        : await transport.produce({ track, appData: { source }, stopTracks: false });
    this.producers.set(source, producer);
  }

  private toggleSource(source: 'microphone' | 'camera', enabled: boolean): void {
    const producer = this.producers.get(source);
    if (!producer) return;
    if (enabled === !producer.paused) return;
    if (enabled) producer.resume();
    else producer.pause();
    if (this.socket?.connected) {
      void this.request(enabled ? 'resumeProducer' : 'pauseProducer', { producerId: producer.id }).catch(
        () => undefined,
      );
    }
  }

  private listen(socket: SessionSocket): void {
    socket.on('peerJoined', (peer) => {
      const existing = this.participants.get(peer.peerId);
      this.participants.set(peer.peerId, existing ? { ...existing, peer } : emptyParticipant(peer));
      this.emitParticipants();
    });
    socket.on('peerLeft', ({ peerId }) => {
      for (const [consumerId, entry] of this.consumers) {
        if (entry.peerId === peerId) this.dropConsumer(consumerId);
      }
      this.participants.delete(peerId);
      this.emitParticipants();
    });
    socket.on('newConsumer', (params) => void this.consume(params));
    socket.on('consumerClosed', ({ consumerId }) => {
      this.dropConsumer(consumerId);
      this.emitParticipants();
    });
    socket.on('consumerPaused', ({ consumerId }) => {
      this.pausedConsumers.add(consumerId);
      this.emitParticipants();
    });
    socket.on('consumerResumed', ({ consumerId }) => {
      this.pausedConsumers.delete(consumerId);
      this.emitParticipants();
    });
    socket.on('activeSpeaker', ({ peerId }) => this.emit('activeSpeaker', peerId));
    socket.on('chat', (message) => this.emit('chat', { ...toChat(message), mine: false }));
    socket.on('sessionEnded', ({ reason }) =>
      this.finish(reason === 'ENDED_BY_HANDLER' ? 'ended-by-handler' : 'closed'),
    );
    socket.on('rejoin', () => void this.rejoin());
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') void this.rejoin();
    });
  }

  private async consume(params: ConsumerParams): Promise<void> {
    const transport = this.recvTransport;
    if (!transport || this.consumers.has(params.consumerId)) return;
    const consumer = await transport.consume({
      id: params.consumerId,
      producerId: params.producerId,
      kind: params.kind,
      rtpParameters: params.rtpParameters as unknown as RtpParameters,
    });
    this.consumers.set(params.consumerId, { consumer, peerId: params.producerPeerId, source: params.source });
    if (params.producerPaused) this.pausedConsumers.add(params.consumerId);
    const participant = this.participants.get(params.producerPeerId);
    if (participant) {
      if (params.source === 'screen') participant.screen = new MediaStream([consumer.track]);
      else participant.camera.addTrack(consumer.track);
    }
    consumer.on('trackended', () => this.dropConsumer(params.consumerId));
    this.emitParticipants();
    // Consumers start paused on the server so no packets are lost before the track is attached.
    await this.request('resumeConsumer', { consumerId: params.consumerId }).catch(() => undefined);
  }

  private dropConsumer(consumerId: string): void {
    const entry = this.consumers.get(consumerId);
    if (!entry) return;
    this.consumers.delete(consumerId);
    this.pausedConsumers.delete(consumerId);
    const participant = this.participants.get(entry.peerId);
    if (participant) {
      if (entry.source === 'screen') participant.screen = null;
      else participant.camera.removeTrack(entry.consumer.track);
    }
    entry.consumer.close();
  }

  private async restartIce(transport: Transport): Promise<void> {
    try {
      const { iceParameters } = await this.request('restartIce', { transportId: transport.id });
      await transport.restartIce({ iceParameters: iceParameters as never });
    } catch {
      void this.rejoin();
    }
  }

  /** Tears down media and signalling and joins again with a fresh ticket, until it works or ends. */
  private async rejoin(): Promise<void> {
    if (this.rejoining || this.finished || !this.options) return;
    this.rejoining = true;
    this.setState('reconnecting');
    try {
      for (let attempt = 0; !this.finished; attempt += 1) {
        this.teardown();
        try {
          await this.connect();
          return;
        } catch (error) {
          if (error instanceof TicketError && (error.status === 404 || error.status === 401)) {
            this.finish('closed');
            return;
          }
          await delay(REJOIN_DELAYS_MS[Math.min(attempt, REJOIN_DELAYS_MS.length - 1)]);
        }
      }
    } finally {
      this.rejoining = false;
    }
  }

  private teardown(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.removeAllListeners();
    socket?.disconnect();
    for (const consumerId of [...this.consumers.keys()]) this.dropConsumer(consumerId);
    for (const producer of this.producers.values()) producer.close();
    this.producers.clear();
    this.sendTransport?.close();
    this.recvTransport?.close();
    this.sendTransport = null;
    this.recvTransport = null;
    this.device = null;
    for (const participant of this.participants.values()) {
      for (const track of participant.camera.getTracks()) participant.camera.removeTrack(track);
      participant.screen = null;
    }
  }

  private finish(reason: 'ended-by-handler' | 'left' | 'closed'): void {
    if (this.finished) return;
    this.finished = true;
    if (this.qualityTimer) clearInterval(this.qualityTimer);
    window.removeEventListener('online', this.onOnline);
    this.teardown();
    this.participants.clear();
    this.screenTrack?.stop();
    this.screenTrack = null;
    for (const track of this.options?.localStream.getTracks() ?? []) track.stop();
    this.setState('ended');
    this.emitParticipants();
    this.emit('ended', reason);
  }

  private async sampleQuality(): Promise<void> {
    if (this.currentState !== 'connected' || !this.sendTransport) {
      if (this.currentState === 'reconnecting') this.emit('quality', 'poor');
      return;
    }
    try {
      const sample = readQualitySample(
        await this.sendTransport.getStats(),
        this.recvTransport ? await this.recvTransport.getStats() : null,
      );
      this.emit('quality', classifyQuality(sample));
    } catch {
      this.emit('quality', 'unknown');
    }
  }

  // --- plumbing ----------------------------------------------------------------------------------

  private request<K extends SessionRequestType>(
    type: K,
    data: SessionRequests[K]['req'],
  ): Promise<SessionRequests[K]['res']> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error('Not connected'));
    return new Promise((resolve, reject) => {
      const emit = socket.timeout(REQUEST_TIMEOUT_MS).emit as unknown as (
        event: K,
        payload: SessionRequests[K]['req'],
        ack: (error: Error | null, response: SessionAckFor<K>) => void,
      ) => void;
      emit.call(socket.timeout(REQUEST_TIMEOUT_MS), type, data, (error, response) => {
        if (error) return reject(error);
        if (response.ok) resolve(response.data);
        else reject(new Error(response.error.message));
      });
    });
  }

  private setState(state: CallState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    this.emit('state', state);
  }

  private emitParticipants(): void {
    const list: RemoteParticipant[] = [...this.participants.values()].map((p) => {
      const camera = p.peer.producers;
      return {
        peerId: p.peer.peerId,
        role: p.peer.role,
        stream: p.camera,
        screen: p.screen,
        audioMuted: this.isPaused(p.peer.peerId, 'microphone', camera),
        videoMuted: this.isPaused(p.peer.peerId, 'camera', camera),
      };
    });
    this.emit('participants', list);
  }

  private isPaused(peerId: string, source: MediaSource, producers: SessionPeer['producers']): boolean {
    for (const [consumerId, entry] of this.consumers) {
      if (entry.peerId === peerId && entry.source === source) return this.pausedConsumers.has(consumerId);
    }
    // Nothing received yet: go by what the peer announced; no such source at all means off.
    return producers.find((p) => p.source === source)?.paused ?? true;
  }

  private emit<E extends keyof CallSessionEvents>(event: E, ...args: Parameters<CallSessionEvents[E]>): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as unknown as (...a: typeof args) => void)(...args);
  }
}

async function fetchTicket(options: JoinOptions): Promise<SessionTicketResponse> {
  const response = await fetch(`${options.apiBase}/bookings/${options.bookingId}/session-ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.getToken()}` },
  });
  const body = (await response.json().catch(() => null)) as (SessionTicketResponse & { message?: string }) | null;
  if (!response.ok || !body)
    throw new TicketError(response.status, body?.message ?? `Could not join (${response.status})`);
  return body;
}

function emptyParticipant(peer: SessionPeer): Participant {
  return { peer, camera: new MediaStream(), screen: null };
}

function toChat(message: import('@distans/contracts').ChatMessage): Omit<ChatMessage, 'mine'> {
  return {
    id: message.id,
    fromPeerId: message.fromPeerId,
    fromRole: message.fromRole,
    text: message.text,
    at: message.at,
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
