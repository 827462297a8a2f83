/**
 * How many 1:1 video sessions one mediasoup worker carries.
 *
 *   source scripts/worker-bin.sh
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/media-sessions.ts [seconds-per-step]
 *
 * For N = 10, 20, 40, 80, 125, 160 concurrent sessions on ONE worker, each of the two peers of a
 * session sends synthetic RTP over loopback (Opus ~50 packets/s of 160 bytes, VP8 ~100 packets/s
 * of ~1,100 bytes) into a plain-RTP producer, and receives the other peer's audio and video
 * through paused-then-resumed consumers into a UDP sink: 4 consumers per session.
 *
 * Every step runs twice, in the same minutes: `rtp`, plain RTP from this process as before, and
 * `srtp`, as every WebRTC packet is: the traffic comes from a separate process
 * (media-sessions/srtp-sender.ts) whose own mediasoup worker encrypts it with
 * AES_CM_128_HMAC_SHA1_80, the benchmarked worker decrypts what it receives and encrypts what it
 * forwards (SRTP PlainTransports), and the sinks count the encrypted packets.
 *
 * Prints per step: packet loss at the sinks, forwarded packets per second and per worker core
 * (the rate divided by the worker's CPU share; LiveKit publishes 38,000-56,000 per core), worker CPU (getResourceUsage, user+system over wall
 * time), CPU per consumer, the ratio to the N = 10 baseline of this same run, worker RSS, and the
 * CPU of this Node process (which generates and sinks all traffic, so it can be the bottleneck on
 * small machines), and the datagrams the kernel dropped at full socket queues during the step
 * (media-sessions/udp-drops.ts): at the worker's sockets (counted as the worker's loss), at the
 * sinks' and at the generator's (the harness's, not the worker's). Goal: >= 125 sessions (500 consumers) with <= 0.5% loss, CPU per consumer
 * roughly flat. Loopback only; bounded in time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { types } from 'mediasoup';
import { MediaServer, type Peer, type Room } from '@distans/media';
import {
  opusProducerParameters,
  rtpSender,
  rtpSink,
  type RtpSink,
  vp8ProducerParameters,
} from '../libs/media/testing/rtp';
import { type Feed, sendTick } from './media-sessions/feed';
import type { SenderReply, SenderRequest, SrtpStream, SrtpTarget } from './media-sessions/srtp-sender';
import { type DropCounts, dropsSince, udpDropsByProcess } from './media-sessions/udp-drops';

type Mode = 'rtp' | 'srtp';

const STEPS = (process.env.BENCH_STEPS ?? '10,20,40,80,125,160').split(',').map(Number);
const MODES: Mode[] = (process.env.BENCH_MODES ?? 'rtp,srtp').split(',') as Mode[];
const SECONDS = Number(process.argv[2] ?? 5);
const WARMUP_MS = 1000;
const DRAIN_MS = 500;
const TICK_MS = 10;
const HARD_LIMIT_MS = 10 * 60_000;

interface Step {
  mode: Mode;
  /** Packets the worker took in (SRTP mode); sent minus this is lost before the worker. */
  intoWorker?: number;
  /** Datagrams the kernel dropped at full receive queues during the step, per process. */
  drops: DropCounts;
  wallMs: number;
  sessions: number;
  consumers: number;
  sent: number;
  received: number;
  workerCpu: number;
  nodeCpu: number;
  rssMb: number;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function peerSetup(
  room: Room<unknown>,
  id: string,
  sinks: RtpSink[],
  streams: Feed[],
  ssrcBase: number,
): Promise<Peer<unknown>> {
  const peer = await room.addPeer(id, {});
  await room.join(peer, room.rtpCapabilities);
  const sink = await rtpSink();
  sinks.push(sink);
  const recv = await room.createPlainTransport(peer, 'recv');
  await peer.connectPlainTransport(recv.id, { ip: '127.0.0.1', port: sink.port });
  const send = await room.createPlainTransport(peer, 'send');
  await room.produce(peer, send.id, 'audio', opusProducerParameters(ssrcBase + 1));
  await room.produce(peer, send.id, 'video', vp8ProducerParameters(ssrcBase + 2));
  streams.push({
    socket: await rtpSender(),
    port: send.port,
    ssrcAudio: ssrcBase + 1,
    ssrcVideo: ssrcBase + 2,
    seq: 0,
    audioSeq: 0,
  });
  return peer;
}

/** The SRTP generator process, and a promise for its next reply. */
class SrtpSender {
  private readonly child: ChildProcess;
  /** The generator process and its own (encrypting) worker. */
  readonly pids: { node: number; worker: number };
  private constructor(child: ChildProcess, workerPid: number) {
    this.child = child;
    this.pids = { node: child.pid!, worker: workerPid };
  }

  static async start(): Promise<SrtpSender> {
    const child = fork(join(__dirname, 'media-sessions', 'srtp-sender.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const workerPid = await new Promise<number>((resolve, reject) => {
      child.once('message', (started: { workerPid: number }) => resolve(started.workerPid));
      child.once('exit', (code) => reject(new Error(`SRTP sender exited (${code})`)));
    });
    return new SrtpSender(child, workerPid);
  }

  ask(request: SenderRequest): Promise<SenderReply> {
    return new Promise((resolve) => {
      this.child.once('message', (reply: SenderReply) => resolve(reply));
      this.child.send(request);
    });
  }

  close(): void {
    this.child.send({ type: 'close' } satisfies SenderRequest);
  }
}

/** A key for the sinks' side of an SRTP receiving transport (they never send, so it only has to be well-formed). */
function sinkKey(): types.SrtpParameters {
  return { cryptoSuite: 'AES_CM_128_HMAC_SHA1_80', keyBase64: randomBytes(30).toString('base64') };
}

/** The processes whose sockets the traffic passes, for udpDropsByProcess. */
function processesOf(server: MediaServer, sender: SrtpSender | null): Record<string, number> {
  return {
    worker: server.workerPids[0],
    sinks: process.pid,
    ...(sender ? { generator: sender.pids.node, 'generator worker': sender.pids.worker } : {}),
  };
}

async function runSrtpStep(server: MediaServer, sessions: number, sender: SrtpSender): Promise<Step> {
  const rooms: Room<unknown>[] = [];
  const sinks: RtpSink[] = [];
  const peers: { room: Room<unknown>; peer: Peer<unknown>; sendId: string }[] = [];
  const targets: SrtpTarget[] = [];
  for (let i = 0; i < sessions; i += 1) {
    const room = await server.getOrCreateRoom(`bench-srtp-${sessions}-${i}`);
    rooms.push(room);
    for (const id of ['a', 'b']) {
      const peer = await room.addPeer(id, {});
      await room.join(peer, room.rtpCapabilities);
      const sink = await rtpSink();
      sinks.push(sink);
      const recv = await room.createPlainTransport(peer, 'recv', { srtp: true });
      await peer.connectPlainTransport(recv.id, { ip: '127.0.0.1', port: sink.port, srtpParameters: sinkKey() });
      const send = await room.createPlainTransport(peer, 'send', { srtp: true });
      targets.push({ port: send.port, srtpParameters: send.srtpParameters! });
      peers.push({ room, peer, sendId: send.id });
    }
  }
  const ready = await sender.ask({ type: 'setup', targets });
  const streams = (ready as { streams: SrtpStream[] }).streams;
  for (const [i, { room, peer, sendId }] of peers.entries()) {
    await peer.connectPlainTransport(sendId, { srtpParameters: streams[i].srtpParameters });
    await room.produce(peer, sendId, 'audio', streams[i].audio);
    await room.produce(peer, sendId, 'video', streams[i].video);
  }
  await consumeEachOther(rooms);
  const consumers = countConsumers(rooms);

  await sender.ask({ type: 'run', ms: WARMUP_MS, tickMs: TICK_MS });
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  for (const sink of sinks) sink.count = 0;
  const intoWorkerBefore = await packetsIntoWorker(rooms);
  const dropsBefore = udpDropsByProcess(processesOf(server, sender));
  const [before] = await server.resourceUsage();
  const nodeBefore = process.cpuUsage();
  const started = performance.now();
  const sent = ((await sender.ask({ type: 'run', ms: SECONDS * 1000, tickMs: TICK_MS })) as { packets: number })
    .packets;
  const wallMs = performance.now() - started;
  const [after] = await server.resourceUsage();
  const nodeUsage = process.cpuUsage(nodeBefore);
  const rss = rssMb(after.pid);
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  const received = sinks.reduce((n, s) => n + s.count, 0);
  const intoWorker = (await packetsIntoWorker(rooms)) - intoWorkerBefore;
  const drops = dropsSince(dropsBefore, udpDropsByProcess(processesOf(server, sender)));
  const cpuMs = after.usage.ru_utime + after.usage.ru_stime - (before.usage.ru_utime + before.usage.ru_stime);
  for (const room of rooms) room.close();
  await Promise.all(sinks.map((s) => s.close()));
  return {
    mode: 'srtp',
    intoWorker,
    drops,
    wallMs,
    sessions,
    consumers,
    sent,
    received,
    workerCpu: (cpuMs / wallMs) * 100,
    nodeCpu: ((nodeUsage.user + nodeUsage.system) / 1000 / wallMs) * 100,
    rssMb: rss,
  };
}

/** RTP packets the benchmarked worker's producers have received so far (after SRTP decryption). */
async function packetsIntoWorker(rooms: Room<unknown>[]): Promise<number> {
  let n = 0;
  for (const room of rooms) {
    for (const peer of room.peers.values()) {
      for (const producer of peer.producerObjects()) {
        for (const stat of await producer.getStats()) n += stat.packetCount;
      }
    }
  }
  return n;
}

/** Each peer receives the other's audio and video, resumed at once. */
async function consumeEachOther(rooms: Room<unknown>[]): Promise<void> {
  for (const room of rooms) {
    const [a, b] = [...room.peers.values()];
    for (const [peer, other] of [
      [a, b],
      [b, a],
    ]) {
      for (const producer of other.producers) {
        const consumer = await room.consume(peer, producer.producerId);
        await peer.resumeConsumer(consumer.consumerId);
      }
    }
  }
}

function countConsumers(rooms: Room<unknown>[]): number {
  return rooms.reduce((n, r) => n + [...r.peers.values()].reduce((m, p) => m + p.consumerCount, 0), 0);
}

async function runStep(server: MediaServer, sessions: number): Promise<Step> {
  const rooms: Room<unknown>[] = [];
  const sinks: RtpSink[] = [];
  const streams: Feed[] = [];
  for (let i = 0; i < sessions; i += 1) {
    const room = await server.getOrCreateRoom(`bench-${sessions}-${i}`);
    rooms.push(room);
    await peerSetup(room, 'a', sinks, streams, (i + 1) * 16);
    await peerSetup(room, 'b', sinks, streams, (i + 1) * 16 + 8);
  }
  await consumeEachOther(rooms);
  const consumers = countConsumers(rooms);

  let sent = 0;
  let tick = 0;
  const send = (): void => {
    tick += 1;
    for (const s of streams) sent += sendTick(s, tick);
  };

  // Warm-up, then measure from zero.
  let timer = setInterval(send, TICK_MS);
  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
  clearInterval(timer);
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  for (const sink of sinks) sink.count = 0;
  sent = 0;

  const dropsBefore = udpDropsByProcess(processesOf(server, null));
  const [before] = await server.resourceUsage();
  const nodeBefore = process.cpuUsage();
  const started = performance.now();
  timer = setInterval(send, TICK_MS);
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  clearInterval(timer);
  const wallMs = performance.now() - started;
  const [after] = await server.resourceUsage();
  const nodeUsage = process.cpuUsage(nodeBefore);
  const rss = rssMb(after.pid);
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  const received = sinks.reduce((n, s) => n + s.count, 0);
  const drops = dropsSince(dropsBefore, udpDropsByProcess(processesOf(server, null)));

  const cpuMs = after.usage.ru_utime + after.usage.ru_stime - (before.usage.ru_utime + before.usage.ru_stime);
  for (const room of rooms) room.close();
  for (const s of streams) s.socket.close();
  await Promise.all(sinks.map((s) => s.close()));
  return {
    mode: 'rtp',
    drops,
    wallMs,
    sessions,
    consumers,
    sent,
    received,
    workerCpu: (cpuMs / wallMs) * 100,
    nodeCpu: ((nodeUsage.user + nodeUsage.system) / 1000 / wallMs) * 100,
    rssMb: rss,
  };
}

function pad(value: string, width: number): string {
  return value.padStart(width);
}

async function main(): Promise<void> {
  const guard = setTimeout(() => {
    process.stderr.write('bench: hard time limit reached\n');
    process.exit(2);
  }, HARD_LIMIT_MS);
  guard.unref();

  const server = await MediaServer.create({
    workers: 1,
    listenIp: '127.0.0.1',
    webRtcPort: 0,
    rtcMinPort: 20000,
    rtcMaxPort: 29999,
    logLevel: 'error',
  });
  process.stdout.write(
    `mediasoup worker pid ${server.workerPids[0]}, ${SECONDS} s per step, Opus 50 pps + VP8 100 pps x 1,100 B each way per session\n\n`,
  );
  const header = [
    'mode',
    'sessions',
    'consumers',
    'sent pkts',
    'loss %',
    'fwd pkt/s',
    'pkt/s per core',
    'worker CPU %',
    'CPU/consumer %',
    'vs N=10',
    'worker RSS MB',
    'node CPU %',
    'queue drops w/s/g',
  ];
  const widths = header.map((h) => Math.max(h.length, 9));
  process.stdout.write(`${header.map((h, i) => pad(h, widths[i])).join('  ')}\n`);

  const sender = await SrtpSender.start();
  const baseline: Partial<Record<Mode, number>> = {};
  for (const sessions of STEPS) {
    for (const mode of MODES) {
      const step = mode === 'srtp' ? await runSrtpStep(server, sessions, sender) : await runStep(server, sessions);
      const perConsumer = step.workerCpu / step.consumers;
      const base = (baseline[mode] ??= perConsumer);
      // Loss through the worker: in SRTP mode what its producers took in (the generator's own
      // worker may drop some before, shown as sent/taken in) against what reached the sinks; each
      // packet goes to the session's one other peer, so one out per one in.
      // What the worker's own sockets dropped (it did not read them in time) is its loss too.
      const offered = step.intoWorker === undefined ? step.sent : step.intoWorker + step.drops.worker;
      const loss = offered === 0 ? 0 : Math.max(0, 1 - step.received / offered) * 100;
      const forwarded = step.received / (step.wallMs / 1000);
      const row = [
        mode,
        String(step.sessions),
        String(step.consumers),
        step.intoWorker === undefined ? String(step.sent) : `${step.sent}/${step.intoWorker}`,
        loss.toFixed(3),
        forwarded.toFixed(0),
        (forwarded / (step.workerCpu / 100)).toFixed(0),
        step.workerCpu.toFixed(1),
        perConsumer.toFixed(4),
        `${(perConsumer / base).toFixed(2)}x`,
        step.rssMb.toFixed(1),
        step.nodeCpu.toFixed(1),
        [step.drops.worker, step.drops.sinks, (step.drops.generator ?? 0) + (step.drops['generator worker'] ?? 0)].join(
          '/',
        ),
      ];
      process.stdout.write(`${row.map((v, i) => pad(v, widths[i])).join('  ')}\n`);
    }
  }
  sender.close();
  server.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
