/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'e2e');

/**
 * Debian's Chromium with a fake camera and microphone and no permission prompts; without the
 * background-networking flags Chromium keeps calling home, which this machine's closed network
 * refuses (see the library's env notes).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Set by the e2e global setup: every browser test file connects to this one Chromium. */
export const SHARED_CHROMIUM_ENV = 'DISTANS_E2E_CHROMIUM_WS';

/**
 * The one Chromium of the browser tests (each test file gets its own connection and contexts;
 * closing it only disconnects). A Chromium of its own only where it must differ, e.g. one that
 * runs inside the room's network namespace.
 */
export async function launchChromium(
  options: { executablePath?: string; insecureOriginAsSecure?: string } = {},
): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const shared = process.env[SHARED_CHROMIUM_ENV];
  if (shared && !options.executablePath && !options.insecureOriginAsSecure) return chromium.connect(shared);
  return chromium.launch(chromiumOptions(options));
}

export function chromiumOptions(options: { executablePath?: string; insecureOriginAsSecure?: string } = {}) {
  return {
    executablePath: options.executablePath ?? CHROMIUM,
    args: [
      // Camera and microphone need a secure context; a plain-HTTP test address stands in for HTTPS.
      ...(options.insecureOriginAsSecure
        ? [`--unsafely-treat-insecure-origin-as-secure=${options.insecureOriginAsSecure}`]
        : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
    ],
  };
}

/** Keeps every RTCPeerConnection the page creates, so tests can read real WebRTC statistics. */
const CAPTURE_PEER_CONNECTIONS = `
  window.__pcs = [];
  const Original = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Original {
    constructor(...args) { super(...args); window.__pcs.push(this); }
  };
`;

export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, permissions: ['camera', 'microphone'] });
  await context.addInitScript(CAPTURE_PEER_CONNECTIONS);
  const page = await context.newPage();
  return { context, page };
}

export interface MediaStats {
  /** framesDecoded per inbound video stream, largest first. */
  videoFramesDecoded: number[];
  /** Width of the last decoded frame per inbound video stream, in the same order. */
  videoFrameWidths: number[];
  audioPacketsReceived: number;
  audioPacketsSent: number;
  /** Everything the page's transports received (media, retransmissions, probes, RTCP), in bytes. */
  bytesReceived: number;
}

/** Inbound and outbound RTP as the browser itself counts it, over all live peer connections. */
export async function mediaStats(page: Page): Promise<MediaStats> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.filter(
      (pc) => pc.connectionState !== 'closed',
    );
    const video: { frames: number; width: number }[] = [];
    let audioIn = 0;
    let audioOut = 0;
    let bytesIn = 0;
    for (const pc of pcs) {
      const report = await pc.getStats();
      report.forEach(
        (s: {
          type: string;
          kind?: string;
          framesDecoded?: number;
          frameWidth?: number;
          mid?: string;
          trackIdentifier?: string;
          packetsReceived?: number;
          packetsSent?: number;
          bytesReceived?: number;
        }) => {
          // mediasoup-client's bandwidth probe ('probator') is an inbound video stream that never
          // carries a picture: not a participant's video.
          if (
            s.type === 'inbound-rtp' &&
            s.kind === 'video' &&
            s.mid !== 'probator' &&
            s.trackIdentifier !== 'probator'
          )
            video.push({ frames: s.framesDecoded ?? 0, width: s.frameWidth ?? 0 });
          if (s.type === 'inbound-rtp' && s.kind === 'audio') audioIn += s.packetsReceived ?? 0;
          if (s.type === 'outbound-rtp' && s.kind === 'audio') audioOut += s.packetsSent ?? 0;
          if (s.type === 'transport') bytesIn += s.bytesReceived ?? 0;
        },
      );
    }
    return {
      videoFramesDecoded: video.sort((a, b) => b.frames - a.frames).map((v) => v.frames),
      videoFrameWidths: video.map((v) => v.width),
      audioPacketsReceived: audioIn,
      audioPacketsSent: audioOut,
      bytesReceived: bytesIn,
    };
  });
}

/**
 * The width of the picture decoded between two samples of the same page, or 0 if it froze: a
 * stream's frameWidth stays at its last frame's, so a frozen top layer would still read as top.
 */
export function decodingWidth(before: MediaStats, after: MediaStats): number {
  return after.videoFramesDecoded[0] > (before.videoFramesDecoded[0] ?? 0) ? (after.videoFrameWidths[0] ?? 0) : 0;
}

/** What a page received between two of its samples taken `seconds` apart, in kbit/s. */
export function receivedKbps(before: MediaStats, after: MediaStats, seconds: number): number {
  return ((after.bytesReceived - before.bytesReceived) * 8) / seconds / 1000;
}

/** The widest video this page sends now (a sender's top simulcast layer), in pixels; 0 if none. */
export async function widestSent(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let widest = 0;
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s: { type: string; kind?: string; frameWidth?: number }) => {
        if (s.type === 'outbound-rtp' && s.kind === 'video') widest = Math.max(widest, s.frameWidth ?? 0);
      });
    }
    return widest;
  });
}

export { waitFor } from '../../support/wait-for';

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core findings on the page as it is now (rule id and a sample target): serious and critical
 * ones, or with `allImpacts` every violation, minor and moderate too.
 */
export async function accessibilityProblems(page: Page, options: { allImpacts?: boolean } = {}): Promise<string[]> {
  // Through the DevTools protocol: the apps' Content-Security-Policy refuses inline scripts, so a
  // <script> tag with axe-core in it would be blocked like any injected script.
  await page.evaluate(AXE);
  const minimum = options.allImpacts ? ['minor', 'moderate', 'serious', 'critical'] : ['serious', 'critical'];
  return page.evaluate(async (impacts) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => impacts.includes(v.impact))
      .map(
        (v) =>
          `${v.impact} ${v.id} at ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  }, minimum);
}
