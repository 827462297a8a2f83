/**
 * The SRTP traffic generator of bench/media-sessions.ts, in a process of its own (forked, with
 * IPC), with a mediasoup worker of its own doing the encryption: for every stream it takes plain
 * RTP from this process on loopback into a plain-RTP producer, and sends it on through an SRTP
 * PlainTransport consumer to the benchmarked worker, which so receives real AES_CM_128_HMAC_SHA1_80
 * SRTP, as from a browser (where DTLS negotiates the same suite). mediasoup's own SRTP rather than
 * a hand-written sender, so the packets are exactly what libsrtp makes and checks.
 *
 * Messages: { type: 'setup', targets } -> { type: 'ready', streams }; { type: 'run', ms } ->
 * { type: 'sent', packets }; { type: 'close' }.
 */
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { MEDIA_CODECS } from '../../libs/media/src/options';
import { opusProducerParameters, rtpSender, vp8ProducerParameters } from '../../libs/media/testing/rtp';
import { type Feed, sendTick } from './feed';

export interface SrtpTarget {
  /** The benchmarked worker's SRTP PlainTransport for this sender (comedia). */
  port: number;
  srtpParameters: types.SrtpParameters;
}

export interface SrtpStream {
  /** This end's key, for the benchmarked worker's connect(). */
  srtpParameters: types.SrtpParameters;
  /** What this end sends: the benchmarked worker's producers take these. */
  audio: types.RtpParameters;
  video: types.RtpParameters;
}

export type SenderRequest =
  { type: 'setup'; targets: SrtpTarget[] } | { type: 'run'; ms: number; tickMs: number } | { type: 'close' };
export type SenderReply = { type: 'ready'; streams: SrtpStream[] } | { type: 'sent'; packets: number };

async function main(): Promise<void> {
  const worker = await mediasoup.createWorker({ logLevel: 'error' });
  const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
  let feeds: Feed[] = [];
  let transports: types.Transport[] = [];

  const reply = (message: SenderReply): void => void process.send!(message);

  const handle = async (message: SenderRequest): Promise<void> => {
    if (message.type === 'close') {
      for (const feed of feeds) feed.socket.close();
      worker.close();
      process.exit(0);
    }
    if (message.type === 'setup') {
      for (const t of transports) t.close();
      for (const feed of feeds) feed.socket.close();
      transports = [];
      feeds = [];
      const streams: SrtpStream[] = [];
      for (const [i, target] of message.targets.entries()) {
        const input = await router.createPlainTransport({
          listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
          rtcpMux: true,
          comedia: true,
        });
        const ssrcAudio = 1_000 + i * 4;
        const ssrcVideo = 1_001 + i * 4;
        const audio = await input.produce({ kind: 'audio', rtpParameters: opusProducerParameters(ssrcAudio) });
        const video = await input.produce({ kind: 'video', rtpParameters: vp8ProducerParameters(ssrcVideo) });
        const output = await router.createPlainTransport({
          listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
          rtcpMux: true,
          comedia: false,
          enableSrtp: true,
          srtpCryptoSuite: 'AES_CM_128_HMAC_SHA1_80',
        });
        await output.connect({ ip: '127.0.0.1', port: target.port, srtpParameters: target.srtpParameters });
        const caps = router.rtpCapabilities;
        const audioOut = await output.consume({ producerId: audio.id, rtpCapabilities: caps });
        const videoOut = await output.consume({ producerId: video.id, rtpCapabilities: caps });
        transports.push(input, output);
        feeds.push({
          socket: await rtpSender(),
          port: input.tuple.localPort,
          ssrcAudio,
          ssrcVideo,
          seq: 0,
          audioSeq: 0,
        });
        streams.push({
          srtpParameters: output.srtpParameters!,
          audio: audioOut.rtpParameters,
          video: videoOut.rtpParameters,
        });
      }
      reply({ type: 'ready', streams });
    }
    if (message.type === 'run') {
      let sent = 0;
      let tick = 0;
      const timer = setInterval(() => {
        tick += 1;
        for (const f of feeds) sent += sendTick(f, tick);
      }, message.tickMs);
      setTimeout(() => {
        clearInterval(timer);
        reply({ type: 'sent', packets: sent });
      }, message.ms);
    }
  };
  process.on('message', (message: SenderRequest) => {
    handle(message).catch((error: unknown) => {
      process.stderr.write(`srtp-sender: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
  });
  process.send!({ type: 'started', workerPid: worker.pid });
}

void main();
