import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import * as mediasoup from 'mediasoup';
import { MEDIA_CODECS, MediaServer, SMALLEST_PICTURE_BPS } from '@distans/media';
import {
  OPUS_PT,
  opusProducerParameters,
  parseRtp,
  PROBATION_SSRC,
  rtpPacket,
  rtpSender,
  rtpSink,
  vp8ProducerParameters,
  VP8_PT,
} from '../../libs/media/testing/rtp';
import { waitFor } from '../support/wait-for';

const options = {
  workers: 2,
  listenIp: '127.0.0.1',
  webRtcPort: 0,
  rtcMinPort: 20000,
  rtcMaxPort: 29999,
};

describe(MediaServer.name, () => {
  let server: MediaServer;

  beforeAll(async () => {
    server = await MediaServer.create(options);
  });
  afterAll(() => server.close());

  it('should start its workers from the binary built by infra/mediasoup-worker', () => {
    const bin = process.env.MEDIASOUP_WORKER_BIN;
    expect(bin).toBeTruthy();
    expect(existsSync(bin!)).toBe(true);
    expect(mediasoup.workerBin).toBe(bin);
    expect(server.workerPids).toHaveLength(2);
    for (const pid of server.workerPids) expect(() => process.kill(pid, 0)).not.toThrow();
  });

  it('should serve Opus, VP8 and H264 and hand out rooms round-robin, one per id', async () => {
    const [a, again, b] = await Promise.all([
      server.getOrCreateRoom('rr-a'),
      server.getOrCreateRoom('rr-a'),
      server.getOrCreateRoom('rr-b'),
    ]);
    expect(again).toBe(a);
    expect(a.workerPid).not.toBe(b.workerPid);
    const mimeTypes = a.rtpCapabilities.codecs!.map((c) => c.mimeType);
    expect(mimeTypes).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8', 'video/H264']));
    a.close();
    a.close();
    b.close();
    expect(server.stats().rooms).toBe(0);
  });

  it('should forward RTP from a plain-RTP sender through a real router to a UDP sink', async () => {
    const room = await server.getOrCreateRoom('rtp-round-trip');
    const sender = await room.addPeer('sender', {});
    const receiver = await room.addPeer('receiver', {});
    await room.join(sender, room.rtpCapabilities);
    await room.join(receiver, room.rtpCapabilities);

    const sink = await rtpSink({ keep: true });
    const recv = await room.createPlainTransport(receiver, 'recv');
    await receiver.connectPlainTransport(recv.id, { ip: '127.0.0.1', port: sink.port });
    const announced: string[] = [];
    receiver.on('newconsumer', (c) => announced.push(c.kind));

    const send = await room.createPlainTransport(sender, 'send');
    const audio = await room.produce(sender, send.id, 'audio', opusProducerParameters(0x1111));
    const video = await room.produce(sender, send.id, 'video', vp8ProducerParameters(0x2222));
    expect(announced.sort()).toEqual(['audio', 'video']);
    // Asking for them again answers the consumers the fan-out made, not new ones.
    const consumers = await Promise.all([audio, video].map((p) => room.consume(receiver, p.producerId)));
    expect(receiver.consumerCount).toBe(2);
    expect(consumers.every((c) => c.paused)).toBe(true);

    // Nothing flows while the consumers are paused, as they are until the client is ready.
    const socket = await rtpSender();
    const blast = async (from: number, count: number): Promise<void> => {
      for (let i = from; i < from + count; i += 1) {
        const opus = Buffer.alloc(80, i & 0xff);
        socket.send(
          rtpPacket({ payloadType: OPUS_PT, sequence: i, timestamp: i * 960, ssrc: 0x1111, payload: opus }),
          send.port,
          '127.0.0.1',
        );
        // VP8 payload descriptor with S=1, then a key-frame header (P bit clear).
        const vp8 = Buffer.concat([Buffer.from([0x10, 0x00, 0x00, 0x00]), Buffer.alloc(600, 7)]);
        socket.send(
          rtpPacket({
            payloadType: VP8_PT,
            sequence: i,
            timestamp: i * 3000,
            ssrc: 0x2222,
            payload: vp8,
            marker: true,
          }),
          send.port,
          '127.0.0.1',
        );
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    await blast(0, 20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sink.count).toBe(0);

    for (const c of consumers) await receiver.resumeConsumer(c.consumerId);
    await blast(20, 100);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const opus = sink.packets.filter((p) => p.payloadType === consumers[0].rtpParameters.codecs[0].payloadType);
    const vp8 = sink.packets.filter((p) => p.payloadType === consumers[1].rtpParameters.codecs[0].payloadType);
    expect(opus.length).toBeGreaterThanOrEqual(95);
    expect(vp8.length).toBeGreaterThanOrEqual(95);
    // Re-stamped with the consumer's SSRC, payload untouched.
    expect(opus[0].ssrc).toBe(consumers[0].rtpParameters.encodings![0].ssrc);
    expect(opus.some((p) => p.payload.equals(Buffer.alloc(80, 50)))).toBe(true);

    socket.close();
    await sink.close();
    room.close();
    expect(sender.closed && receiver.closed).toBe(true);
  });

  it('should let a peer send before its join is answered, reaching the others only once it has joined', async () => {
    const room = await server.getOrCreateRoom('early-publish');
    const waiting = await room.addPeer('waiting', {});
    await room.join(waiting, room.rtpCapabilities);
    const recv = await room.createPlainTransport(waiting, 'recv');
    const sink = await rtpSink();
    await waiting.connectPlainTransport(recv.id, { ip: '127.0.0.1', port: sink.port });
    const announced: string[] = [];
    waiting.on('newconsumer', (c) => announced.push(c.kind));

    const early = await room.addPeer('early', {});
    const send = await room.createPlainTransport(early, 'send');
    await room.produce(early, send.id, 'audio', opusProducerParameters(0x3333));
    await room.produce(early, send.id, 'video', vp8ProducerParameters(0x4444));
    expect(announced).toEqual([]);
    await room.join(early, room.rtpCapabilities);
    expect(announced.sort()).toEqual(['audio', 'video']);
    // Joining again (after a rejoin notice) announces nothing twice.
    await room.join(early, room.rtpCapabilities);
    expect(waiting.consumerCount).toBe(2);
    await sink.close();
    room.close();
  });

  it('should forward SRTP: decrypt what a sender encrypted, encrypt again for the receiver', async () => {
    const room = await server.getOrCreateRoom('srtp');
    const sender = await room.addPeer('sender', {});
    const receiver = await room.addPeer('receiver', {});
    await room.join(sender, room.rtpCapabilities);
    await room.join(receiver, room.rtpCapabilities);
    const sink = await rtpSink({ keep: true });
    const recv = await room.createPlainTransport(receiver, 'recv', { srtp: true });
    expect(recv.srtpParameters?.cryptoSuite).toBe('AES_CM_128_HMAC_SHA1_80');
    await receiver.connectPlainTransport(recv.id, {
      ip: '127.0.0.1',
      port: sink.port,
      srtpParameters: { cryptoSuite: 'AES_CM_128_HMAC_SHA1_80', keyBase64: Buffer.alloc(30, 1).toString('base64') },
    });
    const send = await room.createPlainTransport(sender, 'send', { srtp: true });

    // The sender: a second router's SRTP PlainTransport, which encrypts with the key we give it.
    const other = await server.getOrCreateRoom('srtp-sender');
    const source = await other.addPeer('source', {});
    await other.join(source, other.rtpCapabilities);
    const feed = await other.createPlainTransport(source, 'send');
    const produced = await other.produce(source, feed.id, 'audio', opusProducerParameters(0x5555));
    const out = await other.addPeer('out', {});
    await other.join(out, other.rtpCapabilities);
    const encrypting = await other.createPlainTransport(out, 'recv', { srtp: true });
    await out.connectPlainTransport(encrypting.id, {
      ip: '127.0.0.1',
      port: send.port,
      srtpParameters: send.srtpParameters,
    });
    const hop = await other.consume(out, produced.producerId);
    await out.resumeConsumer(hop.consumerId);
    await sender.connectPlainTransport(send.id, { srtpParameters: encrypting.srtpParameters });
    const audio = await room.produce(sender, send.id, 'audio', hop.rtpParameters);
    const consumer = await room.consume(receiver, audio.producerId);
    await receiver.resumeConsumer(consumer.consumerId);

    const socket = await rtpSender();
    for (let i = 0; i < 60; i += 1) {
      socket.send(
        rtpPacket({
          payloadType: OPUS_PT,
          sequence: i,
          timestamp: i * 960,
          ssrc: 0x5555,
          payload: Buffer.alloc(80, 9),
        }),
        feed.port,
        '127.0.0.1',
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Through both routers: decrypted on the way in (or the producer would count nothing) and
    // encrypted on the way out (the payload is no longer the plain bytes).
    const [stats] = await room.getPeer('sender')!.producerObjects()[0].getStats();
    expect(stats.packetCount).toBeGreaterThanOrEqual(50);
    expect(sink.packets.length).toBeGreaterThanOrEqual(50);
    expect(sink.packets.some((p) => p.payload.subarray(0, 80).equals(Buffer.alloc(80, 9)))).toBe(false);
    socket.close();
    await sink.close();
    room.close();
    other.close();
  });

  it('should keep the smallest picture flowing to a receiver on a weak line, unless the recovery is off', async () => {
    // A floor under the estimate of what the server sends to a browser; without it a weak line
    // stopped the video, and with it the feedback the estimate needs (docs/video-sessions.md).
    const created: mediasoup.types.WebRtcTransport[] = [];
    const follow = (worker: mediasoup.types.Worker) =>
      worker.observer.on('newrouter', (router) =>
        router.observer.on('newtransport', (t) => created.push(t as mediasoup.types.WebRtcTransport)),
      );
    mediasoup.observer.on('newworker', follow);
    const floorOf = async (bandwidthRecovery: 'off' | 'raise', direction: 'send' | 'recv') => {
      const media = await MediaServer.create({ ...options, workers: 1, bandwidthRecovery });
      try {
        const room = await media.getOrCreateRoom('floor');
        const peer = await room.addPeer('p', {});
        const { id } = await room.createWebRtcTransport(peer, direction);
        const [stats] = await created.find((t) => t.id === id)!.getStats();
        return stats.minOutgoingBitrate ?? 0;
      } finally {
        media.close();
      }
    };
    try {
      expect(await floorOf('raise', 'recv')).toBe(SMALLEST_PICTURE_BPS);
      expect(await floorOf('raise', 'send')).toBe(0);
      expect(await floorOf('off', 'recv')).toBe(0);
    } finally {
      mediasoup.observer.off('newworker', follow);
    }
  });

  it("should keep each receiver's bandwidth probes flowing when another receiver on the worker starts probing", async () => {
    // Two receiving transports on one worker, as a room screen's and a handler's in a meeting.
    // The stock worker built every transport's probe packets (SSRC 1234) in one shared buffer,
    // so the second transport's first probe moved the first one's sequence numbers to a random
    // place; a jump back of more than the SRTP replay window made every later probe of the first
    // transport fail to encrypt, and its estimate could not grow again
    // (infra/mediasoup-worker/patches/0001-probation-generator-own-buffer.patch).
    const worker = await mediasoup.createWorker({ rtcMinPort: options.rtcMinPort, rtcMaxPort: options.rtcMaxPort });
    const sockets: ReturnType<typeof createSocket>[] = [];
    try {
      const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
      const listenInfo = { protocol: 'udp' as const, ip: '127.0.0.1' };
      const feed = await router.createPlainTransport({ listenInfo, rtcpMux: true, comedia: true });
      const producer = await feed.produce({ kind: 'video', rtpParameters: vp8ProducerParameters(0x7777) });
      const receiver = async () => {
        const socket = createSocket('udp4');
        sockets.push(socket);
        const probes: number[] = [];
        socket.on('message', (message) => {
          const rtp = parseRtp(message);
          if (rtp?.ssrc === PROBATION_SSRC) probes.push(rtp.sequence);
        });
        await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
        const transport = await router.createPlainTransport({ listenInfo, rtcpMux: true, enableSrtp: true });
        await transport.connect({
          ip: '127.0.0.1',
          port: socket.address().port,
          srtpParameters: { cryptoSuite: 'AES_CM_128_HMAC_SHA1_80', keyBase64: Buffer.alloc(30, 2).toString('base64') },
        });
        // A video consumer with transport-wide congestion control starts the transport's probing.
        await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
        return probes;
      };
      const first = await receiver();
      await waitFor("the first receiver's probes at connect", async () => first.length >= 5, 5_000, 50);
      const second = await receiver();
      await waitFor("the second receiver's probes at connect", async () => second.length >= 5, 5_000, 50);
      // GoogCC probes a line that carries nothing again after a few seconds (its periodic probing).
      const before = first.length;
      await waitFor("the first receiver's next probe", async () => first.length > before, 20_000, 50);
      // Every probe packet of a receiver is the next of its own stream, before and after.
      const steps = first.slice(1).map((sequence, i) => (sequence - first[i] + 65_536) % 65_536);
      expect(new Set(steps)).toEqual(new Set([1]));
    } finally {
      for (const socket of sockets) socket.close();
      worker.close();
    }
  });

  it('should rebuild the rooms of a killed worker on another one, tell its peers to rejoin, and replace the worker', async () => {
    const room = await server.getOrCreateRoom('doomed');
    const peer = await room.addPeer('p', {});
    await room.join(peer, room.rtpCapabilities);
    await room.createPlainTransport(peer, 'send');
    const deadPid = room.workerPid;
    const rejoin = new Promise<string>((resolve) => room.once('rejoin', resolve));
    const started = new Promise<number>((resolve) => server.once('workerstarted', ({ pid }) => resolve(pid)));

    process.kill(deadPid, 'SIGKILL');

    expect(await rejoin).toBe('media-worker-restarted');
    expect(room.workerPid).not.toBe(deadPid);
    expect(room.closed).toBe(false);
    expect(room.getPeer('p')).toBe(peer);
    expect(peer.transportCount).toBe(0);
    // The peer can build its media again on the new router.
    await room.createPlainTransport(peer, 'send');
    expect(peer.transportCount).toBe(1);

    const replacement = await started;
    expect(server.workerPids).toHaveLength(2);
    expect(server.workerPids).toContain(replacement);
    expect(server.stats().workerDeaths).toBe(1);
    room.close();
  });
});
