import type { types } from 'mediasoup';
import type { MediaLogger } from './logger';

export const BANDWIDTH_RECOVERY_MODES = ['off', 'raise', 'probe'] as const;
export type BandwidthRecoveryMode = (typeof BANDWIDTH_RECOVERY_MODES)[number];

export interface MediaServerOptions {
  /** Number of mediasoup workers (one process each); one per core is the usual choice. */
  workers: number;
  /** Address the WebRtcServers and RTP sockets bind to. */
  listenIp: string;
  /** Address put in ICE candidates when `listenIp` is private or unspecified (NAT, 0.0.0.0). */
  announcedAddress?: string;
  /**
   * UDP and TCP port of the first worker's WebRtcServer; worker i listens on `webRtcPort + i`, so
   * a firewall opens one small, known range. 0 lets each worker pick a free port (tests).
   */
  webRtcPort: number;
  /** Port range for transports outside the WebRtcServer (plain RTP, pipes). */
  rtcMinPort: number;
  rtcMaxPort: number;
  logLevel?: types.WorkerLogLevel;
  /** Starting estimate for the bandwidth towards a browser, in bits/s. */
  initialOutgoingBitrate?: number;
  /** Cap on what one transport may send us, in bits/s (keeps a runaway sender from starving others). */
  maxIncomingBitrate?: number;
  /**
   * What the server does for a receiver whose line pushed its picture down (BandwidthRecovery):
   * 'off' leaves it to mediasoup; 'raise' (the default) keeps the smallest picture flowing
   * (SMALLEST_PICTURE_BPS) and raises the picture as soon as the estimate carries it again, without
   * mediasoup's 10 s wait; 'probe' also probes the line while held back.
   */
  bandwidthRecovery?: BandwidthRecoveryMode;
  logger?: MediaLogger;
}

/**
 * Opus for speech, VP8 for every browser, H264 (constrained baseline and main) for hardware
 * encoders in kiosks and older Safari. Video is sent simulcast by the clients; the router
 * forwards the layer each receiver can take.
 */
export const MEDIA_CODECS: types.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2, preferredPayloadType: 100 },
  {
    kind: 'video',
    mimeType: 'video/VP8',
    clockRate: 90000,
    preferredPayloadType: 101,
    parameters: { 'x-google-start-bitrate': 1000 },
  },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    preferredPayloadType: 103,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
  },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    preferredPayloadType: 105,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '4d0032', 'level-asymmetry-allowed': 1 },
  },
];

/** The WebRtcServer sockets of worker `index`: UDP first (preferred by ICE), TCP for strict networks. */
export function webRtcListenInfos(options: MediaServerOptions, index: number): types.TransportListenInfo[] {
  const base: Omit<types.TransportListenInfo, 'protocol'> = {
    ip: options.listenIp,
    ...(options.announcedAddress ? { announcedAddress: options.announcedAddress } : {}),
    ...(options.webRtcPort > 0 ? { port: options.webRtcPort + index } : {}),
  };
  return [
    { ...base, protocol: 'udp' },
    { ...base, protocol: 'tcp' },
  ];
}

export function validateOptions(options: MediaServerOptions): void {
  if (!Number.isInteger(options.workers) || options.workers < 1) {
    throw new RangeError(`workers must be a positive integer, got ${options.workers}`);
  }
  if (options.rtcMinPort > options.rtcMaxPort) {
    throw new RangeError(`rtcMinPort ${options.rtcMinPort} is above rtcMaxPort ${options.rtcMaxPort}`);
  }
  const unspecified = options.listenIp === '0.0.0.0' || options.listenIp === '::';
  if (unspecified && !options.announcedAddress) {
    throw new RangeError(`listening on ${options.listenIp} needs an announced address for the ICE candidates`);
  }
}
