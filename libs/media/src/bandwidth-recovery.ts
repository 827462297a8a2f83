import type { types } from 'mediasoup';

/**
 * Probe while the estimate is below this multiple of what the consumers ask for. Their layers
 * need more than the video bitrate they report (audio, retransmissions, a layer's peaks), so an
 * estimate just above it still holds the top layer back: in a trace it stayed at 1,209 kbit/s
 * against 1,200 asked for, one layer down, for 5 s after a weak line had recovered.
 */
const HEADROOM = 1.1;
/** Between two probes of one transport; libwebrtc's own periodic (ALR) probing also waits 5 s. */
const PROBE_INTERVAL_MS = 5_000;
/** The ceiling is lowered to this share of itself for a moment; more than mediasoup's 10 % margin. */
const LOWERED_CEILING = 0.8;
/** Estimates in a row with room to spare before the line counts as recovered (about a second each). */
const RECOVERED_AFTER_ESTIMATES = 2;
/** mediasoup refuses a maximum outgoing bitrate below this (AbsoluteMinOutgoingBitrate). */
const MIN_CEILING_BPS = 30_000;

/**
 * The receiving transport's estimate never goes below this: the smallest picture (the clients'
 * lowest simulcast layer, at most 100 kbit/s, libs/call-client) with the voice (Opus, about
 * 40 kbit/s with its headers). Why a floor: mediasoup sends audio without transport-wide
 * sequence numbers, so only video brings back the feedback that its estimate lives on. On a
 * 300 kbit/s line with loss the estimate fell to 35-50 kbit/s, below the smallest layer; the
 * video stopped, the estimate then heard nothing more and stayed there, and the picture did not
 * come back for 100 s after the line had recovered (bench/weak-line.ts, docs/video-sessions.md).
 * With the floor the smallest picture keeps flowing on any line that carries it, and the estimate
 * keeps following the line. A line that cannot carry even this gets more than it can take; the
 * voice would suffer there, where without the floor the picture would be gone for good.
 */
export const SMALLEST_PICTURE_BPS = 150_000;

/** The figures of a mediasoup 'bwe' trace event that this needs. */
export interface BweInfo {
  desiredBitrate: number;
  availableBitrate: number;
  maxBitrate: number;
}

/**
 * Follows a receiving transport's bandwidth estimate and tells when a line that held its
 * consumers below the layers they ask for carries them again (`onRecovered`, which lets the Peer
 * clear mediasoup's 10 s hold on raising a layer). With `probe`, it also has the transport probe
 * the line again, every 5 s, while held back, so that the estimate finds a recovered line sooner.
 *
 * The probes are off by default (MediaServerOptions.bandwidthRecovery): with the floor
 * (SMALLEST_PICTURE_BPS) in place, bench/weak-line.ts brought the picture back sooner with them
 * at the median but no sooner in the slowest limits, at the price of a burst on a line that is
 * still weak.
 *
 * Why probe: mediasoup's congestion control (libwebrtc's GoogCC) never lets its estimate
 * exceed about 1.5 times what the line has carried lately. A receiver that a 300 kbit/s line
 * pushed down to the smallest layer carries about 150 kbit/s with its audio, so its estimate can
 * only creep (measured: from 230 to 260 kbit/s in the 45 s after the limit was lifted), and no
 * layer above fits. GoogCC's periodic probing did not start there. It does probe, at once, when
 * the transport's ceiling is raised above the estimate (ProbeController's mid-call probing), so
 * this lowers the ceiling for a moment and lifts it again; the probe finds what the line carries
 * in a few hundred milliseconds. On a line that is still weak a probe is a burst of a few
 * kilobytes; a line's buffer can make it look faster than it is for a moment, and the estimate
 * falls back after.
 */
export class BandwidthRecovery {
  private lastProbeAt = Number.NEGATIVE_INFINITY;
  private probing = false;
  /** The estimate fell below what the consumers ask for, and has not yet come back for good. */
  private heldBack = false;
  private estimatesWithRoom = 0;

  /**
   * `onRecovered` runs once each time the estimate, after falling below what the consumers ask
   * for, has had room to spare for two estimates in a row: the line carries the full picture again.
   */
  constructor(
    private readonly transport: Pick<types.WebRtcTransport, 'closed' | 'setMaxOutgoingBitrate'>,
    private readonly now: () => number = Date.now,
    private readonly onRecovered: () => void = () => undefined,
    /** Probe while held back; without, only tell when the line has recovered by itself. */
    private readonly probe = true,
  ) {}

  /**
   * Keeps a real transport's estimate at or above the smallest picture, and starts watching it
   * (mediasoup sends a 'bwe' trace about once a second).
   */
  static async watch(
    transport: types.WebRtcTransport,
    onRecovered: () => void,
    probe: boolean,
  ): Promise<BandwidthRecovery> {
    const recovery = new BandwidthRecovery(transport, Date.now, onRecovered, probe);
    transport.on('trace', (trace) => {
      if (trace.type === 'bwe') void recovery.onEstimate(trace.info as BweInfo);
    });
    await transport.setMinOutgoingBitrate(SMALLEST_PICTURE_BPS);
    await transport.enableTraceEvent(['bwe']);
    return recovery;
  }

  /**
   * Notes whether the line has recovered, then probes when held back and the last probe is long
   * enough ago; answers whether it probed.
   */
  async onEstimate(info: BweInfo): Promise<boolean> {
    if (this.probing || this.transport.closed) return false;
    if (info.desiredBitrate <= 0) return false;
    this.followRecovery(info);
    if (!this.probe) return false;
    if (info.availableBitrate >= info.desiredBitrate * HEADROOM) return false;
    if (this.now() - this.lastProbeAt < PROBE_INTERVAL_MS) return false;
    const lowered = Math.max(MIN_CEILING_BPS, Math.round(info.maxBitrate * LOWERED_CEILING));
    // A ceiling under the estimate would cut it, and the layers with it.
    if (lowered <= info.availableBitrate) return false;
    this.lastProbeAt = this.now();
    this.probing = true;
    try {
      await this.transport.setMaxOutgoingBitrate(lowered);
      // 0 is "no ceiling": back to what the consumers ask for, a raise that starts the probe.
      await this.transport.setMaxOutgoingBitrate(0);
      return true;
    } catch {
      // The transport closed meanwhile; nothing to recover.
      return false;
    } finally {
      this.probing = false;
    }
  }

  private followRecovery(info: BweInfo): void {
    if (info.availableBitrate < info.desiredBitrate) {
      this.heldBack = true;
      this.estimatesWithRoom = 0;
      return;
    }
    // A probe on a line that is still weak can lift one estimate; two in a row are the line.
    if (!this.heldBack || info.availableBitrate < info.desiredBitrate * HEADROOM) {
      this.estimatesWithRoom = 0;
      return;
    }
    this.estimatesWithRoom += 1;
    if (this.estimatesWithRoom < RECOVERED_AFTER_ESTIMATES) return;
    this.heldBack = false;
    this.estimatesWithRoom = 0;
    this.onRecovered();
  }
}
