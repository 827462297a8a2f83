import type { types } from 'mediasoup';
import { BandwidthRecovery } from './bandwidth-recovery';
import type { MediaLogger } from './logger';
import { MEDIA_CODECS, type MediaServerOptions } from './options';
import { MediaNotFoundError, MediaStateError } from './errors';
import {
  describeProducer,
  Peer,
  type ConsumerInfo,
  type PlainTransportInfo,
  type ProducerInfo,
  type TransportDirection,
  type WebRtcTransportInfo,
} from './peer';
import { TypedEmitter } from './typed-emitter';

/** A worker with its WebRtcServer: where a Room's router lives. */
export interface WorkerHost {
  index: number;
  worker: types.Worker;
  webRtcServer: types.WebRtcServer;
}

export type RoomEvents<PeerData = unknown> = {
  /** Loudest peer above the threshold, or null when everyone is quiet. */
  activespeaker: [peerId: string | null, volume: number | null];
  /** The room now lives on another worker: clients must build their transports again. */
  rejoin: [reason: string];
  /** A peer is gone; `joined` says whether the others had seen it. */
  peerclosed: [peer: Peer<PeerData>, reason: string, joined: boolean];
  close: [reason: string];
};

interface RouterSet {
  router: types.Router;
  audioLevels: types.AudioLevelObserver;
}

/**
 * One Room per booking session: a router, its peers, and who is speaking. The Room makes its
 * peers' transports and owns fan-out: a peer that has joined receives everything the other
 * joined peers send, and what it sends goes to them. Peers that are connected but have not
 * joined yet are kept apart, and neither see nor are seen.
 */
export class Room<PeerData = unknown> extends TypedEmitter<RoomEvents<PeerData>> {
  readonly #joining = new Map<string, Peer<PeerData>>();
  readonly #joined = new Map<string, Peer<PeerData>>();
  /** Producers already sent out to the others (a producer is announced once, however it got there). */
  readonly #announced = new WeakSet<types.Producer>();
  #closed = false;

  private constructor(
    readonly id: string,
    private host: WorkerHost,
    private routers: RouterSet,
    private readonly options: MediaServerOptions,
    private readonly logger: MediaLogger,
  ) {
    super();
    this.watchSpeakers();
  }

  /** Use MediaServer.getOrCreateRoom. */
  static async create<D>(params: {
    id: string;
    host: WorkerHost;
    options: MediaServerOptions;
    logger: MediaLogger;
  }): Promise<Room<D>> {
    const routers = await Room.makeRouter(params.host, params.id);
    return new Room<D>(params.id, params.host, routers, params.options, params.logger);
  }

  private static async makeRouter(host: WorkerHost, roomId: string): Promise<RouterSet> {
    const router = await host.worker.createRouter({ mediaCodecs: MEDIA_CODECS, appData: { roomId } });
    try {
      const audioLevels = await router.createAudioLevelObserver({ maxEntries: 1, threshold: -70, interval: 800 });
      return { router, audioLevels };
    } catch (error) {
      router.close();
      throw error;
    }
  }

  get closed(): boolean {
    return this.#closed;
  }
  get rtpCapabilities(): types.RtpCapabilities {
    return this.routers.router.rtpCapabilities;
  }
  get workerPid(): number {
    return this.host.worker.pid;
  }
  get workerIndex(): number {
    return this.host.index;
  }
  /** Everyone connected, joined or not. */
  get peers(): ReadonlyMap<string, Peer<PeerData>> {
    return new Map([...this.#joining, ...this.#joined]);
  }
  get peerCount(): number {
    return this.#joining.size + this.#joined.size;
  }
  /** The peers the others see and receive from. */
  get joinedPeers(): ReadonlyMap<string, Peer<PeerData>> {
    return this.#joined;
  }

  getPeer(peerId: string): Peer<PeerData> | undefined {
    return this.#joined.get(peerId) ?? this.#joining.get(peerId);
  }

  isJoined(peer: Peer<PeerData>): boolean {
    return this.#joined.get(peer.id) === peer;
  }

  /**
   * Adds a participant. A peer with the same id (the same person reconnecting) replaces the old
   * one: its transports are closed first, so nobody is left receiving from a ghost.
   */
  async addPeer(peerId: string, data: PeerData): Promise<Peer<PeerData>> {
    if (this.#closed) throw new Error(`Room ${this.id} is closed`);
    this.getPeer(peerId)?.close('replaced');
    const peer = Peer.create({ id: peerId, data, logger: this.logger });
    this.#joining.set(peerId, peer);
    peer.once('close', (reason) => {
      const joined = this.#joined.get(peerId) === peer;
      if (joined) this.#joined.delete(peerId);
      if (this.#joining.get(peerId) === peer) this.#joining.delete(peerId);
      this.emit('peerclosed', peer, reason, joined);
    });
    return peer;
  }

  /**
   * The peer becomes visible to the others with what its device can decode, and starts receiving
   * everything they already send. Joining again (after a rejoin notice) is harmless. Answers
   * whether this was the peer's first join.
   */
  async join(peer: Peer<PeerData>, rtpCapabilities: types.RtpCapabilities): Promise<boolean> {
    this.assertMember(peer);
    peer.acceptRtpCapabilities(rtpCapabilities);
    const first = !this.isJoined(peer);
    if (first) {
      this.#joining.delete(peer.id);
      this.#joined.set(peer.id, peer);
    }
    // What it began sending before its join was answered goes out now.
    await Promise.all([
      this.consumeExisting(peer),
      ...peer.producerObjects().map((producer) => this.fanOut(peer, producer)),
    ]);
    return first;
  }

  async createWebRtcTransport(peer: Peer<PeerData>, direction: TransportDirection): Promise<WebRtcTransportInfo> {
    this.assertMember(peer);
    const transport = await this.newWebRtcTransport(peer.id, direction);
    peer.addTransport(transport, direction);
    if (direction === 'recv' && this.isJoined(peer)) await this.consumeExisting(peer);
    return {
      id: transport.id,
      direction,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  }

  /**
   * Plain RTP (no ICE/DTLS): for tests, benchmarks and gateways on a trusted network only; with
   * `srtp` the media is encrypted (AES_CM_128_HMAC_SHA1_80, the keys given to connect).
   */
  async createPlainTransport(
    peer: Peer<PeerData>,
    direction: TransportDirection,
    options: { srtp?: boolean } = {},
  ): Promise<PlainTransportInfo> {
    this.assertMember(peer);
    const transport = await this.newPlainTransport(peer.id, direction, options.srtp ?? false);
    peer.addTransport(transport, direction);
    if (direction === 'recv' && this.isJoined(peer)) await this.consumeExisting(peer);
    return {
      id: transport.id,
      direction,
      ip: transport.tuple.localAddress,
      port: transport.tuple.localPort,
      ...(transport.srtpParameters ? { srtpParameters: transport.srtpParameters } : {}),
    };
  }

  /**
   * Sends media; every other joined peer receives it, and audio joins the speaker race. A peer may
   * start before its join is answered (to publish as early as possible): its media then reaches
   * nobody until it has joined, when Room.join sends it out.
   */
  async produce(
    peer: Peer<PeerData>,
    transportId: string,
    kind: types.MediaKind,
    rtpParameters: types.RtpParameters,
    appData: Record<string, unknown> = {},
  ): Promise<ProducerInfo> {
    this.assertMember(peer);
    const producer = await peer.produce(transportId, kind, rtpParameters, appData);
    if (this.isJoined(peer)) await this.fanOut(peer, producer);
    return describeProducer(producer);
  }

  /**
   * Explicitly receive one producer of another joined peer (the existing consumer if there is
   * one). Refused when the peer has not joined, has no receiving transport or cannot decode it.
   */
  async consume(peer: Peer<PeerData>, producerId: string): Promise<ConsumerInfo> {
    this.assertMember(peer);
    for (const other of this.#joined.values()) {
      if (other === peer) continue;
      const producer = other.producerObjects().find((p) => p.id === producerId);
      if (!producer) continue;
      const consumer = this.isJoined(peer) ? await this.consumeChecked(peer, producer, other.id) : undefined;
      if (!consumer)
        throw new MediaStateError('Join and create a receiving transport first, or the codec is unsupported');
      return consumer;
    }
    throw new MediaNotFoundError('Producer');
  }

  private async newWebRtcTransport(peerId: string, direction: TransportDirection): Promise<types.WebRtcTransport> {
    const transport = await this.routers.router.createWebRtcTransport({
      webRtcServer: this.host.webRtcServer,
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: this.options.initialOutgoingBitrate ?? 1_000_000,
      appData: { peerId, direction },
    });
    // What this server sends to the peer: keep the smallest picture flowing on a weak line, and
    // let a picture that the line pushed down come back.
    const recovery = this.options.bandwidthRecovery ?? 'raise';
    if (direction === 'recv' && recovery !== 'off')
      await BandwidthRecovery.watch(
        transport,
        () => void this.peers.get(peerId)?.raiseLoweredVideo(),
        recovery === 'probe',
      );
    if (direction === 'send' && this.options.maxIncomingBitrate) {
      await transport.setMaxIncomingBitrate(this.options.maxIncomingBitrate).catch(() => undefined);
    }
    return transport;
  }

  private async newPlainTransport(
    peerId: string,
    direction: TransportDirection,
    srtp: boolean,
  ): Promise<types.PlainTransport> {
    return this.routers.router.createPlainTransport({
      listenInfo: {
        protocol: 'udp',
        ip: this.options.listenIp,
        ...(this.options.announcedAddress ? { announcedAddress: this.options.announcedAddress } : {}),
        portRange: { min: this.options.rtcMinPort, max: this.options.rtcMaxPort },
      },
      rtcpMux: true,
      // A sender is recognised by its first packet; a receiver is told where to send with connect().
      comedia: direction === 'send',
      // SRTP with keys exchanged out of band (connect), as SDES gateways do; WebRTC uses DTLS-SRTP.
      ...(srtp ? { enableSrtp: true, srtpCryptoSuite: 'AES_CM_128_HMAC_SHA1_80' as const } : {}),
      appData: { peerId, direction },
    });
  }

  /** A new producer: every other joined peer receives it, and audio joins the speaker race. */
  private async fanOut(from: Peer<PeerData>, producer: types.Producer): Promise<void> {
    if (this.#announced.has(producer)) return;
    this.#announced.add(producer);
    if (producer.kind === 'audio') {
      await this.routers.audioLevels.addProducer({ producerId: producer.id }).catch((error: unknown) => {
        this.logger.warn({ err: error, roomId: this.id }, 'could not watch audio level');
      });
    }
    const others = [...this.#joined.values()].filter((p) => p !== from);
    await Promise.all(others.map((peer) => this.safeConsume(peer, producer, from.id)));
  }

  /** Everything already being sent, for a peer that just joined or got a receiving transport. */
  private async consumeExisting(peer: Peer<PeerData>): Promise<void> {
    for (const other of this.#joined.values()) {
      if (other === peer) continue;
      for (const producer of other.producerObjects()) await this.safeConsume(peer, producer, other.id);
    }
  }

  private async safeConsume(peer: Peer<PeerData>, producer: types.Producer, producerPeerId: string): Promise<void> {
    try {
      await this.consumeChecked(peer, producer, producerPeerId);
    } catch (error) {
      this.logger.warn({ err: error, roomId: this.id, peerId: peer.id }, 'could not create consumer');
    }
  }

  /** Receive only what the peer's device can decode, as the router judges it. */
  private async consumeChecked(
    peer: Peer<PeerData>,
    producer: types.Producer,
    producerPeerId: string,
  ): Promise<ConsumerInfo | undefined> {
    const rtpCapabilities = peer.rtpCapabilities;
    if (!rtpCapabilities) return undefined;
    if (!this.routers.router.canConsume({ producerId: producer.id, rtpCapabilities })) {
      this.logger.warn({ peerId: peer.id, producerId: producer.id }, 'peer cannot decode this producer');
      return undefined;
    }
    return peer.consume(producer, producerPeerId);
  }

  private assertMember(peer: Peer<PeerData>): void {
    if (peer.closed || this.getPeer(peer.id) !== peer) throw new MediaStateError('This participant has left');
  }

  /**
   * @internal Called by MediaServer when this room's worker died: a fresh router on `host`, every
   * peer kept but with its media forgotten, and a 'rejoin' so clients rebuild their transports.
   */
  async rehome(host: WorkerHost, reason: string): Promise<void> {
    if (this.#closed) return;
    for (const peer of this.peers.values()) peer.resetMedia();
    const fresh = await Room.makeRouter(host, this.id);
    if (this.#closed) {
      fresh.router.close();
      return;
    }
    if (!this.routers.router.closed) this.routers.router.close();
    this.host = host;
    this.routers = fresh;
    this.watchSpeakers();
    this.emit('rejoin', reason);
  }

  /** Closes every peer, then the router. Safe to call more than once. */
  close(reason = 'closed'): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const peer of [...this.peers.values()]) peer.close(reason);
    this.#joining.clear();
    this.#joined.clear();
    if (!this.routers.router.closed) this.routers.router.close();
    this.emit('close', reason);
    this.removeAllListeners();
  }

  protected override onListenerError(event: string, error: unknown): void {
    this.logger.error({ err: error, event, roomId: this.id }, 'room event listener failed');
  }

  private watchSpeakers(): void {
    const observer = this.routers.audioLevels;
    observer.on('volumes', (volumes) => {
      const loudest = volumes[0];
      const peerId = (loudest?.producer.appData as { peerId?: string } | undefined)?.peerId ?? null;
      this.emit('activespeaker', peerId, loudest?.volume ?? null);
    });
    observer.on('silence', () => this.emit('activespeaker', null, null));
  }
}
