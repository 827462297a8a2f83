import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import type { Page } from 'playwright-core';
import type { BweInfo } from '@distans/media';
import { out } from '../booking-engine/report';

/**
 * With BENCH_TRACE=1, prints what mediasoup does on the shaped line's side (the transports whose
 * far end is not the host's own address, that is the room screen's): each bandwidth estimate
 * against what the consumers ask for, with the probe packets sent since the last one, and each
 * layer change (spatial/temporal), pause and resume of their video consumers, timed from the last mark ("limit 2", "lifted 2"). This is what tells a slow return
 * that waits for the estimate from one that waits for mediasoup's 10 s hold. The bench runs the
 * API in its own process, so mediasoup's observer sees the real meeting's objects.
 */
export class MediaTrace {
  private label = 'joined';
  private since = Date.now();
  /** The receiving transports towards the room screen, for what they have sent. */
  private readonly shapedLines = new Set<types.WebRtcTransport>();

  private constructor(private readonly hostAddress: string) {}

  static start(hostAddress: string): MediaTrace | null {
    if (process.env.BENCH_TRACE !== '1') return null;
    const trace = new MediaTrace(hostAddress);
    mediasoup.observer.on('newworker', (worker) =>
      worker.observer.on('newrouter', (router) =>
        router.observer.on('newtransport', (transport) => trace.follow(transport)),
      ),
    );
    return trace;
  }

  mark(label: string): void {
    this.label = label;
    this.since = Date.now();
  }

  /**
   * The room screen's inbound RTP streams as its browser counts them, mediasoup's probe stream
   * ('probator') among them, beside what the server sent of those: whether the probes that
   * should lift the estimate arrive at all.
   */
  async inboundStreams(page: Page): Promise<void> {
    const streams = await page.evaluate(async () => {
      const lines: string[] = [];
      for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
        if (pc.connectionState === 'closed') continue;
        (await pc.getStats()).forEach(
          (s: {
            type: string;
            kind?: string;
            mid?: string;
            ssrc?: number;
            packetsReceived?: number;
            bytesReceived?: number;
          }) => {
            if (s.type === 'inbound-rtp')
              lines.push(
                `${s.kind} mid ${s.mid} ssrc ${s.ssrc}: ${s.packetsReceived} packets, ${s.bytesReceived} bytes`,
              );
          },
        );
      }
      return lines;
    });
    for (const stream of streams) this.line(`room receives ${stream}`);
    for (const transport of this.shapedLines) {
      const [stats] = await transport.getStats();
      this.line(`server has sent ${stats.probationBytesSent} probe bytes to the room`);
    }
  }

  private line(text: string): void {
    out(`    [${this.label} +${((Date.now() - this.since) / 1000).toFixed(1)} s] ${text}`);
  }

  private onShapedLine(transport: types.Transport): boolean {
    const tuple = (transport as types.WebRtcTransport).iceSelectedTuple;
    return tuple !== undefined && tuple.remoteIp !== this.hostAddress;
  }

  private follow(transport: types.Transport): void {
    if ((transport.appData as { direction?: string }).direction !== 'recv') return;
    transport.observer.once('close', () => this.shapedLines.delete(transport as types.WebRtcTransport));
    let probePackets = 0;
    transport.on('trace', (event) => {
      if (!this.onShapedLine(transport)) return;
      this.shapedLines.add(transport as types.WebRtcTransport);
      if (event.type === 'probation') probePackets += 1;
      if (event.type !== 'bwe') return;
      const info = event.info as BweInfo;
      this.line(
        `estimate ${Math.round(info.availableBitrate / 1000)} of ${Math.round(info.desiredBitrate / 1000)} kbit/s asked` +
          (probePackets > 0 ? `, ${probePackets} probe packets since the last` : ''),
      );
      probePackets = 0;
    });
    transport.observer.on('newconsumer', (consumer) => {
      // The 'bwe' trace that BandwidthRecovery asks for (with MEDIA_BANDWIDTH_RECOVERY=off nobody
      // else does), and the probes GoogCC sends (each padding packet of a probe cluster). Asked for
      // here, once the transport is set up: each call replaces the transport's list.
      transport.enableTraceEvent(['bwe', 'probation']).catch(() => undefined);
      if (consumer.kind !== 'video') return;
      consumer.observer.on('layerschange', (layers) => {
        if (this.onShapedLine(transport))
          this.line(`video layer ${layers ? `${layers.spatialLayer}/${layers.temporalLayer ?? '-'}` : 'none'}`);
      });
      consumer.observer.on('pause', () => this.onShapedLine(transport) && this.line('video paused'));
      consumer.observer.on('resume', () => this.onShapedLine(transport) && this.line('video resumed'));
    });
  }
}
