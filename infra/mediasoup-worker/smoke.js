#!/usr/bin/env node
'use strict';
// Smoke test for a mediasoup worker binary.
//
//   MEDIASOUP_WORKER_BIN=$(bash infra/mediasoup-worker/build.sh | tail -1) \
//     node infra/mediasoup-worker/smoke.js
//
// Starts a Worker, a WebRtcServer on 127.0.0.1 (any free port), a Router with
// Opus/VP8/H264 and a WebRtcTransport on that server, prints versions and
// "ok", closes everything and exits 0. Exits non-zero on any failure.
// NOTE: this does not exercise a DTLS handshake (that needs a real peer).

const path = require('path');
const fs = require('fs');

const TIMEOUT_MS = 20000;

function fail(err) {
  console.error('smoke: FAILED:', err && err.stack ? err.stack : err);
  process.exit(1);
}

async function main() {
  const bin = process.env.MEDIASOUP_WORKER_BIN;
  if (!bin) throw new Error('MEDIASOUP_WORKER_BIN is not set');
  fs.accessSync(bin, fs.constants.X_OK);

  // Resolve mediasoup from the repository root regardless of cwd.
  const repoRoot = path.resolve(__dirname, '..', '..');
  const mediasoup = require(require.resolve('mediasoup', { paths: [repoRoot] }));

  console.log(`node ${process.version}`);
  console.log(`mediasoup ${mediasoup.version}`);
  console.log(`worker binary ${mediasoup.workerBin}`);
  if (path.resolve(mediasoup.workerBin) !== path.resolve(bin)) {
    throw new Error(`mediasoup picked ${mediasoup.workerBin}, not MEDIASOUP_WORKER_BIN`);
  }

  const worker = await mediasoup.createWorker({ logLevel: 'warn' });
  let died = null;
  worker.on('died', (err) => {
    died = err || new Error('worker died');
  });
  try {
    console.log(`worker pid ${worker.pid}`);
    const usage = await worker.getResourceUsage();
    if (typeof usage.ru_maxrss !== 'number') throw new Error('bad resource usage answer');

    const webRtcServer = await worker.createWebRtcServer({
      // No port given: the worker picks a free one.
      listenInfos: [
        { protocol: 'udp', ip: '127.0.0.1' },
        { protocol: 'tcp', ip: '127.0.0.1' },
      ],
    });
    const serverDump = await webRtcServer.dump();
    const ports = (serverDump.udpSockets || []).concat(serverDump.tcpServers || []).map((s) => `${s.ip}:${s.port}`);
    console.log(`webrtc server ${webRtcServer.id} listening on ${ports.join(', ')}`);

    const router = await worker.createRouter({
      mediaCodecs: [
        { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
        { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 },
        {
          kind: 'video',
          mimeType: 'video/H264',
          clockRate: 90000,
          parameters: {
            'packetization-mode': 1,
            'profile-level-id': '42e01f',
            'level-asymmetry-allowed': 1,
          },
        },
      ],
    });
    const codecs = router.rtpCapabilities.codecs.map((c) => c.mimeType);
    for (const want of ['audio/opus', 'video/VP8', 'video/H264']) {
      if (!codecs.includes(want)) throw new Error(`router lacks ${want}`);
    }
    console.log(`router ${router.id} codecs ${codecs.join(', ')}`);

    const transport = await router.createWebRtcTransport({ webRtcServer });
    const cands = transport.iceCandidates.map((c) => `${c.protocol}/${c.address}:${c.port}`);
    if (cands.length === 0) throw new Error('transport has no ICE candidates');
    if (!transport.dtlsParameters.fingerprints.length) throw new Error('no DTLS fingerprints');
    console.log(`webrtc transport ${transport.id} candidates ${cands.join(', ')}`);

    transport.close();
    router.close();
    webRtcServer.close();
    if (died) throw died;
  } finally {
    worker.close();
  }
  console.log('ok');
}

const timer = setTimeout(() => fail(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
main().then(() => {
  clearTimeout(timer);
  process.exit(0);
}, fail);
