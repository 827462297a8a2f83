import type { Socket } from 'node:dgram';
import { OPUS_PT, rtpPacket, VP8_PT } from '../../libs/media/testing/rtp';

/**
 * One synthetic participant's media into a worker: a VP8 packet every tick and an Opus packet
 * every other tick. The same traffic for the in-process plain-RTP sender and the SRTP sender
 * process, so that the two modes of the benchmark differ only in the encryption.
 */
export interface Feed {
  socket: Socket;
  port: number;
  ssrcAudio: number;
  ssrcVideo: number;
  /** Video and audio sequence numbers: kept per feed, so that a new run carries on from the last. */
  seq: number;
  audioSeq: number;
}

const opusPayload = Buffer.alloc(160, 0x5a);
// VP8 payload descriptor (S=1, partition 0) and a key-frame header, then filler: ~1,100 bytes.
const vp8Payload = Buffer.concat([Buffer.from([0x10, 0x00, 0x00, 0x00]), Buffer.alloc(1096, 0x33)]);

/** Sends one tick of the feed to 127.0.0.1; answers the number of packets sent. */
export function sendTick(feed: Feed, tick: number): number {
  feed.seq += 1;
  feed.socket.send(
    rtpPacket({
      payloadType: VP8_PT,
      sequence: feed.seq,
      timestamp: feed.seq * 900,
      ssrc: feed.ssrcVideo,
      payload: vp8Payload,
      marker: true,
    }),
    feed.port,
    '127.0.0.1',
  );
  if (tick % 2 !== 0) return 1;
  // Not derived from the tick, which each run of the SRTP sender starts again: a sequence number
  // going back makes the receiving worker drop the audio until it resynchronises.
  feed.audioSeq += 1;
  feed.socket.send(
    rtpPacket({
      payloadType: OPUS_PT,
      sequence: feed.audioSeq,
      timestamp: feed.audioSeq * 960,
      ssrc: feed.ssrcAudio,
      payload: opusPayload,
    }),
    feed.port,
    '127.0.0.1',
  );
  return 2;
}
