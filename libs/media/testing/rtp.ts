import { createSocket, type Socket } from 'node:dgram';

/** A minimal RTP packet (RFC 3550, version 2, no CSRCs, no extensions). */
export function rtpPacket(p: {
  payloadType: number;
  sequence: number;
  timestamp: number;
  ssrc: number;
  payload: Buffer;
  marker?: boolean;
}): Buffer {
  const header = Buffer.alloc(12);
  header[0] = 0x80;
  header[1] = (p.marker ? 0x80 : 0) | (p.payloadType & 0x7f);
  header.writeUInt16BE(p.sequence & 0xffff, 2);
  header.writeUInt32BE(p.timestamp >>> 0, 4);
  header.writeUInt32BE(p.ssrc >>> 0, 8);
  return Buffer.concat([header, p.payload]);
}

export interface ParsedRtp {
  payloadType: number;
  sequence: number;
  ssrc: number;
  payload: Buffer;
}

/** Parses what mediasoup forwards: skips CSRCs and the header extension it may add. */
export function parseRtp(packet: Buffer): ParsedRtp | null {
  if (packet.length < 12 || packet[0] >> 6 !== 2) return null;
  const payloadType = packet[1] & 0x7f;
  // RTCP shares the port (rtcp-mux): its packet types 192-223 read as RTP payload types 64-95.
  if (payloadType >= 64 && payloadType <= 95) return null;
  let offset = 12 + (packet[0] & 0x0f) * 4;
  if (packet[0] & 0x10) {
    if (packet.length < offset + 4) return null;
    offset += 4 + packet.readUInt16BE(offset + 2) * 4;
  }
  let end = packet.length;
  if (packet[0] & 0x20) end -= packet[packet.length - 1];
  if (offset > end) return null;
  return {
    payloadType,
    sequence: packet.readUInt16BE(2),
    ssrc: packet.readUInt32BE(8),
    payload: packet.subarray(offset, end),
  };
}

/** A UDP socket on loopback that counts the RTP packets it gets. */
export interface RtpSink {
  socket: Socket;
  port: number;
  packets: ParsedRtp[];
  count: number;
  close(): Promise<void>;
}

export async function rtpSink(options: { keep?: boolean } = {}): Promise<RtpSink> {
  const socket = createSocket('udp4');
  const sink: RtpSink = {
    socket,
    port: 0,
    packets: [],
    count: 0,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
  socket.on('message', (message) => {
    const parsed = parseRtp(message);
    // mediasoup pads the link with probation packets (PT 127) to estimate bandwidth: not media.
    if (!parsed || parsed.payloadType === PROBATION_PT) return;
    sink.count += 1;
    if (options.keep) sink.packets.push(parsed);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  sink.port = socket.address().port;
  return sink;
}

/** A UDP socket on loopback for sending RTP. */
export async function rtpSender(): Promise<Socket> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  return socket;
}

export const PROBATION_PT = 127;
/** The SSRC of mediasoup's probation (bandwidth probe) stream. */
export const PROBATION_SSRC = 1234;
export const OPUS_PT = 100;
export const VP8_PT = 101;

/** rtpParameters for a plain-RTP producer that sends what rtpPacket builds. */
export function opusProducerParameters(ssrc: number) {
  return {
    codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PT, clockRate: 48000, channels: 2 }],
    encodings: [{ ssrc }],
  };
}

export function vp8ProducerParameters(ssrc: number) {
  return {
    codecs: [{ mimeType: 'video/VP8', payloadType: VP8_PT, clockRate: 90000 }],
    encodings: [{ ssrc }],
  };
}
