import type { types } from 'mediasoup';
import type { MediaLogger } from './logger';
import { MEDIA_CODECS, type MediaServerOptions } from './options';
import { Peer, type TransportDirection } from './peer';
import { TypedEmitter } from './typed-emitter';

/** A worker with its WebRtcServer: where a Room's router lives. */
export interface WorkerHost {
  index: number;
  worker: types.Worker;
  webRtcServer: types.WebRtcServer;
}

export type RoomEvents = {
  /** Loudest peer above the threshold, or null when everyone is quiet. */
  activespeaker: [peerId: string | null, volume: number | null];
  /** The room now lives on another worker: clients must build their transports again. */
  rejoin: [reason: string];
  peerclosed: [peerId: string, reason: string];
  close: [reason: string];
};

interface RouterSet {
  router: types.Router;
  audioLevels: types.AudioLevelObserver;
}

/** One Room per booking session: a router, its peers, and who is speaking. */
export class Room<PeerData = unknown> extends TypedEmitter<RoomEvents> {
  readonly #peers = new Map<string, Peer<PeerData>>();
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
  get peers(): ReadonlyMap<string, Peer<PeerData>> {
    return this.#peers;
  }

  getPeer(peerId: string): Peer<PeerData> | undefined {
    return this.#peers.get(peerId);
  }

  /**
   * Adds a participant. A peer with the same id (the same person reconnecting) replaces the old
   * one: its transports are closed first, so nobody is left receiving from a ghost.
   */
  async addPeer(peerId: string, data: PeerData): Promise<Peer<PeerData>> {
    if (this.#closed) throw new Error(`Room ${this.id} is closed`);
    this.#peers.get(peerId)?.close('replaced');
    const peer = await Peer.create({ id: peerId, data, room: this, logger: this.logger });
    this.#peers.set(peerId, peer);
    peer.once('close', (reason) => {
      if (this.#peers.get(peerId) === peer) this.#peers.delete(peerId);
      this.emit('peerclosed', peerId, reason);
    });
    return peer;
  }

  /** @internal */
  async newWebRtcTransport(peerId: string, direction: TransportDirection): Promise<types.WebRtcTransport> {
    const transport = await this.routers.router.createWebRtcTransport({
      webRtcServer: this.host.webRtcServer,
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: this.options.initialOutgoingBitrate ?? 1_000_000,
      appData: { peerId, direction },
    });
    if (direction === 'send' && this.options.maxIncomingBitrate) {
      await transport.setMaxIncomingBitrate(this.options.maxIncomingBitrate).catch(() => undefined);
    }
    return transport;
  }

  /** @internal */
  async newPlainTransport(peerId: string, direction: TransportDirection): Promise<types.PlainTransport> {
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
      appData: { peerId, direction },
    });
  }

  /** @internal */
  canConsume(producerId: string, rtpCapabilities: types.RtpCapabilities): boolean {
    return this.routers.router.canConsume({ producerId, rtpCapabilities });
  }

  /** @internal A new producer: every other joined peer receives it, and audio joins the speaker race. */
  async fanOut(from: Peer<PeerData>, producer: types.Producer): Promise<void> {
    if (producer.kind === 'audio') {
      await this.routers.audioLevels.addProducer({ producerId: producer.id }).catch((error: unknown) => {
        this.logger.warn({ err: error, roomId: this.id }, 'could not watch audio level');
      });
    }
    const others = [...this.#peers.values()].filter((p) => p !== from && p.joined);
    await Promise.all(others.map((peer) => this.safeConsume(peer, producer, from.id)));
  }

  /** @internal Everything already being sent, for a peer that just joined or got a receiving transport. */
  async consumeExisting(peer: Peer<PeerData>): Promise<void> {
    for (const other of this.#peers.values()) {
      if (other === peer || !other.joined) continue;
      for (const producer of other.producerObjects()) await this.safeConsume(peer, producer, other.id);
    }
  }

  private async safeConsume(peer: Peer<PeerData>, producer: types.Producer, producerPeerId: string): Promise<void> {
    try {
      await peer.consume(producer, producerPeerId);
    } catch (error) {
      this.logger.warn({ err: error, roomId: this.id, peerId: peer.id }, 'could not create consumer');
    }
  }

  /**
   * @internal Called by MediaServer when this room's worker died: a fresh router on `host`, every
   * peer kept but with its media forgotten, and a 'rejoin' so clients rebuild their transports.
   */
  async rehome(host: WorkerHost, reason: string): Promise<void> {
    if (this.#closed) return;
    for (const peer of this.#peers.values()) peer.resetMedia();
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
    for (const peer of [...this.#peers.values()]) peer.close(reason);
    this.#peers.clear();
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
