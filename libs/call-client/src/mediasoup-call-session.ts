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
  LinkQuality,
  RemoteParticipant,
} from './call-session';
import { markJoinPhase } from './join-timings';
import { layerForHeight } from './layers';
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

/** A join attempt that a rejoin (or the end of the call) overtook; it stops without building more. */
class SupersededError extends Error {
  constructor() {
    super('A newer join attempt took over');
  }
}

const REQUEST_TIMEOUT_MS = 10_000;
const QUALITY_INTERVAL_MS = 2_000;
/** How long and how often to look for the first decoded frame of a new video consumer. */
const FIRST_FRAME_WATCH_MS = 30_000;
const FIRST_FRAME_POLL_MS = 20;
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
  /** How tall each participant's camera is shown (CSS px), and the layer asked for per consumer. */
  private readonly videoHeights = new Map<string, number>();
  private readonly requestedLayers = new Map<string, number>();
  /** The simulcast layer the server forwards now, per consumer (null: none). */
  private readonly forwardedLayers = new Map<string, number | null>();
  /** Packet counts of the previous quality sample, for the loss since then. */
  private lastReceive = { received: 0, lost: 0 };
  /** Consumers whose producer the sender has paused (muted microphone, camera off). */
  private readonly pausedConsumers = new Set<string>();
  private readonly listeners = new Map<keyof CallSessionEvents, Set<(...args: never[]) => void>>();
  private screenTrack: MediaStreamTrack | null = null;
  private micEnabled = true;
  private camEnabled = true;
  private qualityTimer: ReturnType<typeof setInterval> | null = null;
  private rejoining = false;
  private finished = false;
  /** Join attempts so far (0 is the first join), for the phase marks of join-timings.ts. */
  private attempt = -1;
  /** Whether this attempt has seen its first decoded remote video frame. */
  private firstFrameSeen = false;
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
      // A rejoin overtook the first join (the server asked for one, or the socket dropped): it
      // carries on, and its own failures are its to handle.
      if (error instanceof SupersededError && !this.finished) {
        this.qualityTimer = setInterval(() => void this.sampleQuality(), QUALITY_INTERVAL_MS);
        return;
      }
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

  setVideoSize(peerId: string, height: number): void {
    this.videoHeights.set(peerId, height);
    for (const [consumerId, entry] of this.consumers) {
      if (entry.peerId === peerId && entry.source === 'camera') this.requestLayer(consumerId, entry.consumer);
    }
  }

  /** Asks for the layer that fits the tile, once per change (the server lowers it further on a poor link). */
  private requestLayer(consumerId: string, consumer: Consumer): void {
    const entry = this.consumers.get(consumerId);
    const height = entry ? this.videoHeights.get(entry.peerId) : undefined;
    if (height === undefined || consumer.kind !== 'video') return;
    const layer = layerForHeight(height * (window.devicePixelRatio || 1), spatialLayersOf(consumer));
    if (this.requestedLayers.get(consumerId) === layer) return;
    this.requestedLayers.set(consumerId, layer);
    void this.request('setPreferredLayers', { consumerId, spatialLayer: layer }).catch(() => {
      this.requestedLayers.delete(consumerId);
    });
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
    this.attempt += 1;
    this.firstFrameSeen = false;
    const attempt = this.attempt;
    // A later attempt (a rejoin) or the end of the call makes this one stale: stop, build nothing more.
    const stillCurrent = (): void => {
      if (attempt !== this.attempt || this.finished) throw new SupersededError();
    };
    markJoinPhase('start', attempt);
    const ticket = await fetchTicket(options);
    stillCurrent();
    markJoinPhase('ticket', attempt);
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
    stillCurrent();
    this.listen(socket);
    markJoinPhase('socket', attempt);

    // Independent of each other, so in one round trip: the router's codecs and both transports.
    const device = new Device();
    this.device = device;
    const [{ rtpCapabilities }, sendParams, recvParams] = await Promise.all([
      this.request('routerCapabilities', {}),
      this.request('createTransport', { direction: 'send' }),
      this.request('createTransport', { direction: 'recv' }),
    ]);
    stillCurrent();
    await device.load({ routerRtpCapabilities: rtpCapabilities as unknown as RtpCapabilities });
    stillCurrent();
    markJoinPhase('device', attempt);
    const iceServers = ticket.iceServers.map((server) => ({ ...server }));
    // Both exist before joining, so every consumer the join announces finds its transport.
    this.sendTransport = this.buildTransport('send', sendParams, iceServers);
    this.recvTransport = this.buildTransport('recv', recvParams, iceServers);
    markJoinPhase('transports', attempt);

    // Publish at once, beside the join rather than after it (the server sends it out when the
    // join is done): camera first, since the others wait for a picture; the voice right behind.
    const audio = options.localStream.getAudioTracks()[0];
    const video = options.localStream.getVideoTracks()[0];
    const producing = Promise.all([
      video ? this.produce('camera', video) : null,
      audio ? this.produce('microphone', audio) : null,
      this.screenTrack ? this.produce('screen', this.screenTrack) : null,
    ]);
    // Awaited below; until then a failure must not go unhandled.
    producing.catch(() => undefined);
    const { peers } = await this.request('join', { rtpCapabilities: device.rtpCapabilities });
    stillCurrent();
    markJoinPhase('joined', attempt);
    const present = new Set(peers.map((peer) => peer.peerId));
    for (const peerId of [...this.participants.keys()]) if (!present.has(peerId)) this.participants.delete(peerId);
    for (const peer of peers) this.addParticipant(peer);
    this.emitParticipants();

    await producing;
    stillCurrent();
    markJoinPhase('produced', attempt);
    this.toggleSource('microphone', this.micEnabled);
    this.toggleSource('camera', this.camEnabled);
    this.setState('connected');
  }

  private buildTransport(
    direction: 'send' | 'recv',
    params: SessionRequests['createTransport']['res'],
    iceServers: RTCIceServer[],
  ): Transport {
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
            encodings: simulcastEncodings(track),
            codecOptions: { videoGoogleStartBitrate: 1000 },
            appData: { source },
            // The camera belongs to the app and outlives this producer: a rejoin sends it again.
            stopTracks: false,
          })
        : await transport.produce({ track, appData: { source }, stopTracks: false });
    if (transport !== this.sendTransport || transport.closed) {
      // A rejoin started meanwhile: this producer belongs to a torn-down transport.
      producer.close();
      return;
    }
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
      this.addParticipant(peer);
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
    socket.on('consumerLayers', ({ consumerId, spatialLayer }) => this.forwardedLayers.set(consumerId, spatialLayer));
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
    if (transport !== this.recvTransport || transport.closed || this.consumers.has(params.consumerId)) {
      // Torn down meanwhile (a rejoin): keep nothing of it, or a dead track would sit in a tile.
      consumer.close();
      return;
    }
    this.consumers.set(params.consumerId, { consumer, peerId: params.producerPeerId, source: params.source });
    if (params.producerPaused) this.pausedConsumers.add(params.consumerId);
    // The join's answer may not have named this peer yet: addParticipant attaches it then.
    const participant = this.participants.get(params.producerPeerId);
    if (participant) this.attachTrack(participant, params.source, consumer.track);
    consumer.on('trackended', () => this.dropConsumer(params.consumerId));
    this.emitParticipants();
    // The layer the tile wants, before the resume: the key frame that the resume asks for is then
    // one of that layer, not of a layer that a change right after would leave for another key frame.
    if (params.kind === 'video' && params.source === 'camera') this.requestLayer(params.consumerId, consumer);
    // Consumers start paused on the server so no packets are lost before the track is attached.
    await this.request('resumeConsumer', { consumerId: params.consumerId }).catch(() => undefined);
    if (params.kind === 'video') {
      markJoinPhase('consumed', this.attempt);
      void this.watchFirstFrame(consumer, this.attempt);
    }
  }

  /** Marks `first-frame` once the receiver has decoded a frame (polling its statistics briefly). */
  private async watchFirstFrame(consumer: Consumer, attempt: number): Promise<void> {
    const until = performance.now() + FIRST_FRAME_WATCH_MS;
    while (!consumer.closed && attempt === this.attempt && !this.firstFrameSeen && performance.now() < until) {
      const report = await consumer.getStats().catch(() => null);
      let decoded = 0;
      report?.forEach((stat: { type: string; framesDecoded?: number }) => {
        if (stat.type === 'inbound-rtp') decoded += stat.framesDecoded ?? 0;
      });
      if (decoded > 0 && attempt === this.attempt && !this.firstFrameSeen) {
        this.firstFrameSeen = true;
        markJoinPhase('first-frame', attempt);
        return;
      }
      await delay(FIRST_FRAME_POLL_MS);
    }
  }

  /** A participant we now know of (or know better), with the tracks already received from it. */
  private addParticipant(peer: SessionPeer): void {
    const existing = this.participants.get(peer.peerId);
    if (existing) {
      existing.peer = peer;
      return;
    }
    const participant = emptyParticipant(peer);
    this.participants.set(peer.peerId, participant);
    for (const entry of this.consumers.values()) {
      if (entry.peerId === peer.peerId) this.attachTrack(participant, entry.source, entry.consumer.track);
    }
  }

  private attachTrack(participant: Participant, source: MediaSource, track: MediaStreamTrack): void {
    if (source === 'screen') {
      participant.screen = new MediaStream([track]);
      return;
    }
    // One camera track and one microphone track per participant: a replaced one goes.
    for (const old of participant.camera.getTracks()) {
      if (old.kind === track.kind && old !== track) participant.camera.removeTrack(old);
    }
    if (!participant.camera.getTracks().includes(track)) participant.camera.addTrack(track);
  }

  private dropConsumer(consumerId: string): void {
    const entry = this.consumers.get(consumerId);
    if (!entry) return;
    this.consumers.delete(consumerId);
    this.pausedConsumers.delete(consumerId);
    this.requestedLayers.delete(consumerId);
    this.forwardedLayers.delete(consumerId);
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
          if (error instanceof SupersededError) return;
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
      if (this.currentState === 'reconnecting') {
        this.emit('quality', 'poor');
        this.emit('link', { quality: 'poor', lossPercent: null, layer: null });
      }
      return;
    }
    try {
      const recv = this.recvTransport ? await this.recvTransport.getStats() : null;
      const totals = readQualitySample(await this.sendTransport.getStats(), recv);
      // Loss since the previous sample: a burst a minute ago says nothing about the link now.
      const received = totals.received - this.lastReceive.received;
      const lost = totals.lost - this.lastReceive.lost;
      this.lastReceive = { received: totals.received, lost: totals.lost };
      const recent = received + lost > 0 && received >= 0 ? Math.max(0, lost) / (received + Math.max(0, lost)) : null;
      const quality = classifyQuality({ roundTripTime: totals.roundTripTime, lossFraction: recent });
      this.emit('quality', quality);
      this.emit('link', {
        quality,
        lossPercent: recent === null ? null : Math.round(recent * 1000) / 10,
        layer: this.cameraLayer(),
      });
    } catch {
      this.emit('quality', 'unknown');
    }
  }

  /** The forwarded layer of the first remote camera, in words. */
  private cameraLayer(): LinkQuality['layer'] {
    for (const [consumerId, entry] of this.consumers) {
      if (entry.source !== 'camera' || entry.consumer.kind !== 'video') continue;
      if (this.pausedConsumers.has(consumerId)) return null;
      const layer = this.forwardedLayers.get(consumerId);
      const layers = spatialLayersOf(entry.consumer);
      if (layer === undefined) return layers === 1 ? 'high' : null;
      if (layer === null) return null;
      return layer >= layers - 1 ? 'high' : layer === 0 ? 'low' : 'medium';
    }
    return null;
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

/**
 * Simulcast layers for a camera, VP8: three (quarter, half, full size) or, for a source of 360
 * lines or fewer, two, since a quarter of it would be too small to be worth sending.
 */
function simulcastEncodings(track: MediaStreamTrack): RTCRtpEncodingParameters[] {
  const height = track.getSettings?.().height ?? 720;
  if (height <= 360) {
    return [
      { rid: 'r0', maxBitrate: 200_000, scaleResolutionDownBy: 2 },
      { rid: 'r1', maxBitrate: 700_000 },
    ];
  }
  return [
    // The smallest layer is what a weak line keeps: 15 frames a second leave it room for audio
    // and retransmissions on a 300 kbit/s line.
    { rid: 'r0', maxBitrate: 100_000, scaleResolutionDownBy: 4, maxFramerate: 15 },
    { rid: 'r1', maxBitrate: 500_000, scaleResolutionDownBy: 2 },
    { rid: 'r2', maxBitrate: 1_200_000 },
  ];
}

/** Spatial layers the consumer can get, from its scalability mode (e.g. 'L3T3' or 'S3T3'); 1 without simulcast. */
function spatialLayersOf(consumer: Consumer): number {
  const mode = consumer.rtpParameters.encodings?.[0]?.scalabilityMode;
  const match = mode ? /^[LS](\d+)T\d+/.exec(mode) : null;
  return match ? Number(match[1]) : 1;
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
