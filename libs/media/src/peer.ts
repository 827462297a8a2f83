import type { types } from 'mediasoup';
import { MediaNotFoundError, MediaStateError } from './errors';
import type { MediaLogger } from './logger';
import { SerialQueue } from './serial-queue';
import { TypedEmitter } from './typed-emitter';

export type TransportDirection = 'send' | 'recv';

export interface WebRtcTransportInfo {
  id: string;
  direction: TransportDirection;
  iceParameters: types.IceParameters;
  iceCandidates: types.IceCandidate[];
  dtlsParameters: types.DtlsParameters;
}

export interface PlainTransportInfo {
  id: string;
  direction: TransportDirection;
  ip: string;
  port: number;
  /** This end's SRTP key, when the transport encrypts: the other end needs it. */
  srtpParameters?: types.SrtpParameters;
}

export interface ConsumerInfo {
  consumerId: string;
  producerId: string;
  producerPeerId: string;
  kind: types.MediaKind;
  rtpParameters: types.RtpParameters;
  /** Always true when announced: the client resumes it once it is ready to render. */
  paused: boolean;
  producerPaused: boolean;
  /** What the sender said about the producer (for example which source it is). */
  producerAppData: Record<string, unknown>;
}

export interface ProducerInfo {
  producerId: string;
  kind: types.MediaKind;
  paused: boolean;
  appData: Record<string, unknown>;
}

export type PeerEvents = {
  newconsumer: [consumer: ConsumerInfo];
  consumerclosed: [consumerId: string, producerId: string];
  consumerpaused: [consumerId: string];
  consumerresumed: [consumerId: string];
  /** The simulcast layer forwarded now changed (null: none), as mediasoup's bandwidth estimate decides. */
  consumerlayers: [consumerId: string, spatialLayer: number | null];
  close: [reason: string];
};

export type AnyTransport = types.WebRtcTransport | types.PlainTransport;

interface TransportEntry {
  transport: AnyTransport;
  direction: TransportDirection;
}

/** mediasoup's BweDowngradeConservativeMs: how long after a drop it will not raise a layer itself. */
const MEDIASOUP_RAISE_HOLD_MS = 10_000;

/**
 * One participant's media: its transports, what it sends (producers) and what it receives
 * (consumers). The Peer only exists in mediasoup terms; who the participant is lives in `data`,
 * set by whoever authenticated it. It knows nothing of its Room: the Room creates its transports,
 * decides when it has joined, and fans every producer out to the others.
 */
export class Peer<Data = unknown> extends TypedEmitter<PeerEvents> {
  #rtpCapabilities: types.RtpCapabilities | undefined;
  #closed = false;
  readonly #transports = new Map<string, TransportEntry>();
  readonly #producers = new Map<string, types.Producer>();
  readonly #consumers = new Map<string, types.Consumer>();
  /** When each video consumer last went down a spatial layer (the estimate, or its producer). */
  readonly #loweredAt = new Map<string, number>();
  /** Consuming runs one at a time so two triggers for one producer never make two consumers. */
  readonly #consumeQueue = new SerialQueue();

  private constructor(
    readonly id: string,
    readonly data: Data,
    private readonly logger: MediaLogger,
  ) {
    super();
  }

  /** Use Room.addPeer. */
  static create<D>(params: { id: string; data: D; logger: MediaLogger }): Peer<D> {
    return new Peer(params.id, params.data, params.logger);
  }

  get closed(): boolean {
    return this.#closed;
  }
  get rtpCapabilities(): types.RtpCapabilities | undefined {
    return this.#rtpCapabilities;
  }
  get producers(): ProducerInfo[] {
    return [...this.#producers.values()].map((p) => describeProducer(p));
  }
  get transportCount(): number {
    return this.#transports.size;
  }
  get consumerCount(): number {
    return this.#consumers.size;
  }
  /** Live mediasoup producers, for the Room's fan-out. */
  producerObjects(): types.Producer[] {
    return [...this.#producers.values()];
  }

  /** @internal Room.join: what this peer's device can decode, so it can receive. */
  acceptRtpCapabilities(rtpCapabilities: types.RtpCapabilities): void {
    this.assertOpen();
    this.#rtpCapabilities = rtpCapabilities;
  }

  /** @internal Room.createWebRtcTransport and createPlainTransport: a transport made for this peer. */
  addTransport(transport: AnyTransport, direction: TransportDirection): void {
    this.assertOpen();
    this.#transports.set(transport.id, { transport, direction });
    (transport as types.Transport).observer.once('close', () => this.#transports.delete(transport.id));
  }

  async connectTransport(transportId: string, dtlsParameters: types.DtlsParameters): Promise<void> {
    const transport = this.webRtcTransport(transportId);
    await transport.connect({ dtlsParameters });
  }

  /** Where to send (a receiving transport), and the other end's SRTP key when encrypting. */
  async connectPlainTransport(
    transportId: string,
    remote: { ip?: string; port?: number; srtpParameters?: types.SrtpParameters },
  ): Promise<void> {
    const entry = this.#transports.get(transportId);
    if (!entry || entry.transport.type !== 'plain') throw new MediaNotFoundError('Transport');
    await entry.transport.connect(remote);
  }

  async restartIce(transportId: string): Promise<types.IceParameters> {
    return this.webRtcTransport(transportId).restartIce();
  }

  /** @internal Room.produce, which fans the producer out to the others. */
  async produce(
    transportId: string,
    kind: types.MediaKind,
    rtpParameters: types.RtpParameters,
    appData: Record<string, unknown> = {},
  ): Promise<types.Producer> {
    this.assertOpen();
    const entry = this.#transports.get(transportId);
    if (!entry) throw new MediaNotFoundError('Transport');
    if (entry.direction !== 'send') throw new MediaStateError('That transport is for receiving');
    const producer = await entry.transport.produce({ kind, rtpParameters, appData: { ...appData, peerId: this.id } });
    this.#producers.set(producer.id, producer);
    producer.observer.once('close', () => this.#producers.delete(producer.id));
    return producer;
  }

  async pauseProducer(producerId: string): Promise<void> {
    await this.producer(producerId).pause();
  }

  async resumeProducer(producerId: string): Promise<void> {
    await this.producer(producerId).resume();
  }

  closeProducer(producerId: string): void {
    this.producer(producerId).close();
  }

  /** The client has set up its decoder: start forwarding, and ask the sender for a key frame. */
  async resumeConsumer(consumerId: string): Promise<void> {
    const consumer = this.#consumers.get(consumerId);
    if (!consumer) throw new MediaNotFoundError('Consumer');
    await consumer.resume();
    if (consumer.kind === 'video') await consumer.requestKeyFrame();
  }

  /**
   * The receiving line has recovered: raise at once the pictures that it pushed down lately.
   * mediasoup does not raise a simulcast consumer's spatial layer for 10 s after a drop for lack
   * of bandwidth (BweDowngradeConservativeMs), and every drop on a weak line starts that wait
   * again, so a recovered line would still show the small picture for up to 10 s. Pausing and
   * resuming the consumer clears the wait; the picture holds its last frame until the key frame
   * of the layer that now fits, a few hundred milliseconds on a good line.
   */
  async raiseLoweredVideo(): Promise<void> {
    const now = Date.now();
    for (const consumer of this.#consumers.values()) {
      const loweredAt = this.#loweredAt.get(consumer.id);
      if (loweredAt === undefined || now - loweredAt > MEDIASOUP_RAISE_HOLD_MS) continue;
      if (consumer.closed || consumer.paused || consumer.producerPaused) continue;
      if (consumer.type !== 'simulcast' && consumer.type !== 'svc') continue;
      const current = consumer.currentLayers?.spatialLayer;
      const wanted = consumer.preferredLayers?.spatialLayer;
      if (current === undefined || wanted === undefined || current >= wanted) continue;
      this.#loweredAt.delete(consumer.id);
      try {
        await consumer.pause();
        await consumer.resume();
        await consumer.requestKeyFrame();
      } catch {
        // Closed meanwhile: nothing to raise.
      }
    }
  }

  /**
   * The highest layer the receiver wants (its tile is small, or large): mediasoup forwards that
   * one or, when the receiver's estimated bandwidth cannot carry it, a lower one. Temporal layers
   * stay at the top within the spatial layer. A consumer of a single-layer producer ignores it.
   */
  async setPreferredLayers(consumerId: string, spatialLayer: number): Promise<void> {
    const consumer = this.#consumers.get(consumerId);
    if (!consumer) throw new MediaNotFoundError('Consumer');
    if (consumer.type !== 'simulcast' && consumer.type !== 'svc') return;
    await consumer.setPreferredLayers({ spatialLayer });
  }

  /**
   * @internal Room's fan-out: receive `producer` on this peer's receiving transport, paused. The
   * Room has checked that the peer can decode it. Returns the existing consumer when there is one,
   * and nothing when the peer cannot receive (no receiving transport yet).
   */
  consume(producer: types.Producer, producerPeerId: string): Promise<ConsumerInfo | undefined> {
    return this.#consumeQueue.run(async () => {
      if (this.#closed || !this.#rtpCapabilities || producer.closed) return undefined;
      const existing = [...this.#consumers.values()].find((c) => c.producerId === producer.id);
      if (existing) return this.describe(existing, producerPeerId);
      const recv = [...this.#transports.values()].find((t) => t.direction === 'recv' && !t.transport.closed);
      if (!recv) return undefined;
      const consumer = await recv.transport.consume({
        producerId: producer.id,
        rtpCapabilities: this.#rtpCapabilities,
        paused: true,
        appData: { producerPeerId, producerAppData: { ...producer.appData } },
      });
      this.#consumers.set(consumer.id, consumer);
      consumer.observer.once('close', () => this.#consumers.delete(consumer.id));
      consumer.on('producerclose', () => {
        this.emit('consumerclosed', consumer.id, consumer.producerId);
      });
      consumer.on('producerpause', () => this.emit('consumerpaused', consumer.id));
      consumer.on('producerresume', () => this.emit('consumerresumed', consumer.id));
      let spatialLayer: number | null = null;
      consumer.on('layerschange', (layers) => {
        const next = layers?.spatialLayer ?? null;
        if (spatialLayer !== null && next !== null && next < spatialLayer) this.#loweredAt.set(consumer.id, Date.now());
        spatialLayer = next;
        this.emit('consumerlayers', consumer.id, next);
      });
      consumer.observer.once('close', () => this.#loweredAt.delete(consumer.id));
      const info = this.describe(consumer, producerPeerId);
      this.emit('newconsumer', info);
      return info;
    });
  }

  /**
   * Forget every transport, producer and consumer, keeping identity and what it can decode: used
   * when the room moves to another worker and the client must build its media again.
   */
  resetMedia(): void {
    for (const { transport } of this.#transports.values()) transport.close();
    this.#transports.clear();
    this.#producers.clear();
    this.#consumers.clear();
  }

  close(reason = 'closed'): void {
    if (this.#closed) return;
    this.#closed = true;
    this.resetMedia();
    this.emit('close', reason);
    this.removeAllListeners();
  }

  protected override onListenerError(event: string, error: unknown): void {
    this.logger.error({ err: error, event, peerId: this.id }, 'peer event listener failed');
  }

  private describe(consumer: types.Consumer, producerPeerId: string): ConsumerInfo {
    return {
      consumerId: consumer.id,
      producerId: consumer.producerId,
      producerPeerId,
      kind: consumer.kind,
      rtpParameters: consumer.rtpParameters,
      paused: consumer.paused,
      producerPaused: consumer.producerPaused,
      producerAppData: (consumer.appData.producerAppData as Record<string, unknown> | undefined) ?? {},
    };
  }

  private webRtcTransport(transportId: string): types.WebRtcTransport {
    const entry = this.#transports.get(transportId);
    if (!entry || entry.transport.type !== 'webrtc') throw new MediaNotFoundError('Transport');
    return entry.transport;
  }

  private producer(producerId: string): types.Producer {
    const producer = this.#producers.get(producerId);
    if (!producer) throw new MediaNotFoundError('Producer');
    return producer;
  }

  private assertOpen(): void {
    if (this.#closed) throw new MediaStateError('This participant has left');
  }
}

export function describeProducer(p: types.Producer): ProducerInfo {
  return { producerId: p.id, kind: p.kind, paused: p.paused, appData: { ...p.appData } };
}
