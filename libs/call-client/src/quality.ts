import type { ConnectionQuality } from './call-session';

/** Cumulative packet counts beside the sample, for loss over an interval. */
export interface QualityTotals extends QualitySample {
  received: number;
  lost: number;
}

export interface QualitySample {
  /** Seconds, from the selected ICE candidate pair. */
  roundTripTime: number | null;
  /** 0..1, of received packets in the last report. */
  lossFraction: number | null;
}

/** Pulls round-trip time and receive loss out of WebRTC statistics reports. */
export function readQualitySample(send: RTCStatsReport, recv: RTCStatsReport | null): QualityTotals {
  let roundTripTime: number | null = null;
  send.forEach((stat: { type: string; state?: string; nominated?: boolean; currentRoundTripTime?: number }) => {
    if (stat.type === 'candidate-pair' && stat.state === 'succeeded' && stat.currentRoundTripTime !== undefined) {
      roundTripTime = Math.max(roundTripTime ?? 0, stat.currentRoundTripTime);
    }
  });
  let received = 0;
  let lost = 0;
  recv?.forEach((stat: { type: string; packetsReceived?: number; packetsLost?: number }) => {
    if (stat.type === 'inbound-rtp') {
      received += stat.packetsReceived ?? 0;
      lost += Math.max(0, stat.packetsLost ?? 0);
    }
  });
  const total = received + lost;
  return { roundTripTime, lossFraction: total > 0 ? lost / total : null, received, lost };
}

/** Thresholds of ITU-T G.114 (one-way delay) and typical video loss tolerance. */
export function classifyQuality(sample: QualitySample): ConnectionQuality {
  if (sample.roundTripTime === null && sample.lossFraction === null) return 'unknown';
  const rtt = sample.roundTripTime ?? 0;
  const loss = sample.lossFraction ?? 0;
  if (rtt > 0.4 || loss > 0.05) return 'poor';
  if (rtt > 0.15 || loss > 0.02) return 'fair';
  return 'good';
}
