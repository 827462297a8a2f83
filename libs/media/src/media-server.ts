import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { type MediaLogger, silentLogger } from './logger';
import { type MediaServerOptions, validateOptions, webRtcListenInfos } from './options';
import { Room, type WorkerHost } from './room';
import { SerialQueue } from './serial-queue';
import { TypedEmitter } from './typed-emitter';
import { assertWorkerBinary } from './worker-binary';

export interface WorkerStats {
  index: number;
  pid: number;
  rooms: number;
  peers: number;
}

export interface MediaStats {
  workers: WorkerStats[];
  rooms: number;
  peers: number;
  /** Workers that died since start-up. */
  workerDeaths: number;
}

export type MediaServerEvents = {
  workerdied: [info: { index: number; pid: number; error: Error }];
  workerstarted: [info: { index: number; pid: number }];
  roommoved: [room: Room<unknown>, from: { pid: number }, to: { pid: number }];
  /** A room that could not be saved because no worker was left. */
  roomlost: [room: Room<unknown>];
};

const RESPAWN_DELAYS_MS = [500, 2_000, 5_000, 15_000, 30_000];

/**
 * The SFU: a pool of mediasoup workers (one process each, one WebRtcServer each), and the Rooms on
 * them. Rooms go to workers round-robin. When a worker dies, the error is logged loudly, its rooms
 * are rebuilt on the remaining workers (peers are told to rejoin), and a replacement worker is
 * started in the background. The Node process never exits because of it.
 */
export class MediaServer extends TypedEmitter<MediaServerEvents> {
  readonly #hosts: WorkerHost[] = [];
  readonly #rooms = new Map<string, Room<unknown>>();
  readonly #roomHost = new Map<Room<unknown>, WorkerHost>();
  readonly #queue = new SerialQueue();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #logger: MediaLogger;
  #next = 0;
  #closed = false;
  #deaths = 0;

  private constructor(private readonly options: MediaServerOptions) {
    super();
    this.#logger = options.logger ?? silentLogger;
  }

  static async create(options: MediaServerOptions): Promise<MediaServer> {
    validateOptions(options);
    assertWorkerBinary(mediasoup.workerBin);
    const server = new MediaServer(options);
    try {
      for (let index = 0; index < options.workers; index += 1) await server.spawn(index);
    } catch (error) {
      server.close();
      throw error;
    }
    return server;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get workerPids(): number[] {
    return this.#hosts.map((h) => h.worker.pid);
  }

  get rooms(): ReadonlyMap<string, Room<unknown>> {
    return this.#rooms;
  }

  getRoom<D>(roomId: string): Room<D> | undefined {
    return this.#rooms.get(roomId) as Room<D> | undefined;
  }

  /** The room for `roomId`, made on the next worker if it does not exist. Serialized. */
  getOrCreateRoom<D>(roomId: string): Promise<Room<D>> {
    return this.#queue.run(async () => {
      const existing = this.#rooms.get(roomId);
      if (existing && !existing.closed) return existing as Room<D>;
      if (this.#closed) throw new Error('The media server is shutting down');
      const host = this.pickHost();
      if (!host) throw new Error('No media worker is running');
      const room = await Room.create<D>({ id: roomId, host, options: this.options, logger: this.#logger });
      this.#rooms.set(roomId, room);
      this.#roomHost.set(room, host);
      room.once('close', () => {
        if (this.#rooms.get(roomId) === (room as Room<unknown>)) this.#rooms.delete(roomId);
        this.#roomHost.delete(room);
      });
      this.#logger.info({ roomId, workerPid: host.worker.pid }, 'room created');
      return room;
    });
  }

  stats(): MediaStats {
    const workers = this.#hosts.map((host) => {
      const rooms = [...this.#roomHost.entries()].filter(([, h]) => h === host).map(([room]) => room);
      return {
        index: host.index,
        pid: host.worker.pid,
        rooms: rooms.length,
        peers: rooms.reduce((n, room) => n + room.peerCount, 0),
      };
    });
    return {
      workers,
      rooms: this.#rooms.size,
      peers: workers.reduce((n, w) => n + w.peers, 0),
      workerDeaths: this.#deaths,
    };
  }

  /** CPU and memory of each worker process, as the kernel reports them. */
  async resourceUsage(): Promise<{ pid: number; usage: types.WorkerResourceUsage }[]> {
    return Promise.all(this.#hosts.map(async (h) => ({ pid: h.worker.pid, usage: await h.worker.getResourceUsage() })));
  }

  /** Closes every room, then every worker. Safe to call more than once. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const room of [...this.#rooms.values()]) room.close('server-closed');
    this.#rooms.clear();
    for (const host of this.#hosts.splice(0)) host.worker.close();
    this.removeAllListeners();
  }

  protected override onListenerError(event: string, error: unknown): void {
    this.#logger.error({ err: error, event }, 'media server event listener failed');
  }

  private pickHost(): WorkerHost | undefined {
    const live = this.#hosts.filter((h) => !h.worker.closed && !h.worker.died);
    if (live.length === 0) return undefined;
    const host = live[this.#next % live.length];
    this.#next += 1;
    return host;
  }

  private async spawn(index: number): Promise<WorkerHost> {
    const worker = await mediasoup.createWorker({
      logLevel: this.options.logLevel ?? 'warn',
      rtcMinPort: this.options.rtcMinPort,
      rtcMaxPort: this.options.rtcMaxPort,
      appData: { index },
    });
    let webRtcServer: types.WebRtcServer;
    try {
      webRtcServer = await worker.createWebRtcServer({ listenInfos: webRtcListenInfos(this.options, index) });
    } catch (error) {
      worker.close();
      throw error;
    }
    const host: WorkerHost = { index, worker, webRtcServer };
    worker.on('died', (error) => this.onWorkerDied(host, error));
    if (this.#closed) {
      worker.close();
      throw new Error('The media server is shutting down');
    }
    this.#hosts.push(host);
    this.#hosts.sort((a, b) => a.index - b.index);
    this.#logger.info({ index, pid: worker.pid }, 'media worker started');
    this.emit('workerstarted', { index, pid: worker.pid });
    return host;
  }

  private onWorkerDied(host: WorkerHost, error: Error): void {
    this.#deaths += 1;
    const position = this.#hosts.indexOf(host);
    if (position >= 0) this.#hosts.splice(position, 1);
    const orphans = [...this.#roomHost.entries()].filter(([, h]) => h === host).map(([room]) => room);
    this.#logger.error(
      {
        err: error,
        index: host.index,
        pid: host.worker.pid,
        rooms: orphans.map((r) => r.id),
        live: this.#hosts.length,
      },
      `MEDIA WORKER ${host.worker.pid} DIED: moving ${orphans.length} room(s) to the remaining ${this.#hosts.length} worker(s)`,
    );
    this.emit('workerdied', { index: host.index, pid: host.worker.pid, error });
    if (this.#closed) return;
    void this.#queue.run(() => this.moveRooms(orphans, host));
    this.scheduleRespawn(host.index, 0);
  }

  private async moveRooms(rooms: Room<unknown>[], from: WorkerHost): Promise<void> {
    for (const room of rooms) {
      if (room.closed) continue;
      const target = this.pickHost();
      if (!target) {
        this.#logger.error({ roomId: room.id }, 'no media worker left: ending the room');
        this.emit('roomlost', room);
        room.close('media-unavailable');
        continue;
      }
      try {
        await room.rehome(target, 'media-worker-restarted');
        this.#roomHost.set(room, target);
        this.#logger.warn({ roomId: room.id, from: from.worker.pid, to: target.worker.pid }, 'room moved');
        this.emit('roommoved', room, { pid: from.worker.pid }, { pid: target.worker.pid });
      } catch (error) {
        this.#logger.error({ err: error, roomId: room.id }, 'could not move room: ending it');
        this.emit('roomlost', room);
        room.close('media-unavailable');
      }
    }
  }

  private scheduleRespawn(index: number, attempt: number): void {
    if (this.#closed || attempt >= RESPAWN_DELAYS_MS.length) {
      if (!this.#closed) this.#logger.error({ index }, 'gave up restarting media worker');
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.spawn(index).catch((error: unknown) => {
        this.#logger.error({ err: error, index, attempt }, 'media worker restart failed');
        this.scheduleRespawn(index, attempt + 1);
      });
    }, RESPAWN_DELAYS_MS[attempt]);
    timer.unref();
    this.#timers.add(timer);
  }
}
