import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import type { BweInfo } from '@distans/media';
import { out } from '../booking-engine/report';

/**
 * With BENCH_TRACE=1, prints what mediasoup does on the shaped line's side (the transports whose
 * far end is not the host's own address, that is the room screen's): each bandwidth estimate
 * against what the consumers ask for, and each layer change, pause and resume of their video
 * consumers, timed from the last mark ("limit 2", "lifted 2"). This is what tells a slow return
 * that waits for the estimate from one that waits for mediasoup's 10 s hold. The bench runs the
 * API in its own process, so mediasoup's observer sees the real meeting's objects.
 */
export class MediaTrace {
  private label = 'joined';
  private since = Date.now();

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

  private line(text: string): void {
    out(`    [${this.label} +${((Date.now() - this.since) / 1000).toFixed(1)} s] ${text}`);
  }

  private onShapedLine(transport: types.Transport): boolean {
    const tuple = (transport as types.WebRtcTransport).iceSelectedTuple;
    return tuple !== undefined && tuple.remoteIp !== this.hostAddress;
  }

  private follow(transport: types.Transport): void {
    if ((transport.appData as { direction?: string }).direction !== 'recv') return;
    // The same trace BandwidthRecovery asks for; with MEDIA_BANDWIDTH_RECOVERY=off nobody else does.
    transport.enableTraceEvent(['bwe']).catch(() => undefined);
    transport.on('trace', (event) => {
      if (event.type !== 'bwe' || !this.onShapedLine(transport)) return;
      const info = event.info as BweInfo;
      this.line(
        `estimate ${Math.round(info.availableBitrate / 1000)} of ${Math.round(info.desiredBitrate / 1000)} kbit/s asked`,
      );
    });
    transport.observer.on('newconsumer', (consumer) => {
      if (consumer.kind !== 'video') return;
      consumer.observer.on('layerschange', (layers) => {
        if (this.onShapedLine(transport)) this.line(`video layer ${layers ? layers.spatialLayer : 'none'}`);
      });
      consumer.observer.on('pause', () => this.onShapedLine(transport) && this.line('video paused'));
      consumer.observer.on('resume', () => this.onShapedLine(transport) && this.line('video resumed'));
    });
  }
}
