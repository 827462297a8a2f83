/**
 * The citizen site's first page on a slow phone line: how much JavaScript it needs, and how long
 * until the visitor can press "Book a meeting", under Chromium's network throttling.
 *
 *   npm run build:web --silent
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/citizen-first-page.ts [runs]
 *
 * Serves dist/web/citizen as the API does (the build's precompressed .br/.gz files, chosen by
 * Accept-Encoding; the first page calls no API) on a loopback port, opens `/` in Debian's Chromium
 * with an empty cache, and waits for the start button. Each network profile is the DevTools
 * preset, set through CDP `Network.emulateNetworkConditions`; "none" is the unthrottled baseline
 * of the same run. Prints the script bytes on the wire (as Chromium counts them) and the median
 * time to a usable first page per profile, with its ratio to the baseline.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { chromium } from 'playwright-core';
import { chromiumOptions } from '../test/e2e/support/browser';

const ROOT = resolve(__dirname, '..', 'dist', 'web', 'citizen');
const RUNS = Number(process.argv[2] ?? 3);

// Chromium DevTools' presets (throughput in bytes per second, latency in ms).
const PROFILES = [
  { name: 'none (baseline)', latency: 0, down: -1, up: -1 },
  { name: 'Fast 3G', latency: 562.5, down: (1.6 * 1024 * 1024 * 0.9) / 8, up: (750 * 1024 * 0.9) / 8 },
  { name: 'Slow 3G', latency: 2000, down: (500 * 1024 * 0.8) / 8, up: (500 * 1024 * 0.8) / 8 },
];

/** The scripts index.html names (the entry and its modulepreloads): what the first page must fetch. */
function firstPageScripts(): { file: string; raw: number; gzip: number; brotli: number }[] {
  const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return files.map((file) => ({
    file,
    raw: statSync(join(ROOT, file)).size,
    gzip: statSync(join(ROOT, `${file}.gz`)).size,
    brotli: statSync(join(ROOT, `${file}.br`)).size,
  }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const server = Fastify();
  await server.register(fastifyStatic, { root: ROOT, preCompressed: true, wildcard: false });
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch(chromiumOptions());
  try {
    const scripts = firstPageScripts();
    console.log('First page scripts (from index.html):');
    for (const s of scripts) console.log(`  ${s.file}: ${kb(s.raw)} raw, ${kb(s.gzip)} gzip, ${kb(s.brotli)} brotli`);
    const sum = (key: 'raw' | 'gzip' | 'brotli') => scripts.reduce((total, s) => total + s[key], 0);
    console.log(`  total: ${kb(sum('raw'))} raw, ${kb(sum('gzip'))} gzip, ${kb(sum('brotli'))} brotli\n`);

    let baseline = 0;
    console.log('profile           usable (median)  vs baseline  script bytes on the wire  all bytes');
    for (const profile of PROFILES) {
      const times: number[] = [];
      let scriptBytes = 0;
      let allBytes = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: profile.latency,
          downloadThroughput: profile.down,
          uploadThroughput: profile.up,
        });
        const types = new Map<string, string>();
        let scripts = 0;
        let all = 0;
        cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
        cdp.on('Network.loadingFinished', (event) => {
          all += event.encodedDataLength;
          if (types.get(event.requestId) === 'Script') scripts += event.encodedDataLength;
        });
        await page.goto(`${address}/`, { waitUntil: 'commit' });
        await page.getByTestId('start-booking').waitFor({ state: 'visible', timeout: 120_000 });
        const usable = await page.evaluate(() => performance.now());
        times.push(usable);
        scriptBytes = scripts;
        allBytes = all;
        await context.close();
      }
      const time = median(times);
      if (!baseline) baseline = time;
      console.log(
        `${profile.name.padEnd(18)}${`${time.toFixed(0)} ms`.padStart(15)}  ${`${(time / baseline).toFixed(1)}x`.padStart(11)}  ${kb(scriptBytes).padStart(24)}  ${kb(allBytes).padStart(9)}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
