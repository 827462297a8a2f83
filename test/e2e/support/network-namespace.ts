import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A separate network for the room screen's browser: a Linux network namespace joined to this
 * host by a veth pair on a private /30. Taking the room's end of the link down cuts everything
 * that browser sends, signalling and media alike, which browser-level "offline" emulation does
 * not do for WebRTC or for connections to the local machine.
 */
export class RoomNetwork {
  private constructor(
    readonly name: string,
    readonly hostAddress: string,
    private readonly roomLink: string,
    private readonly hostLink: string,
    private readonly scratch: string,
    /** A Chromium launcher that runs the browser inside the namespace. */
    readonly chromiumPath: string,
  ) {}

  /** Null when this machine cannot make namespaces (not root, or no iproute2): the caller skips. */
  static create(chromium: string): RoomNetwork | null {
    if (process.getuid?.() !== 0) return null;
    try {
      execFileSync('ip', ['-V'], { stdio: 'ignore' });
    } catch {
      return null;
    }
    const id = (process.pid % 250) + 1;
    const name = `distans-room-${process.pid}`;
    const hostLink = `dsh${process.pid}`.slice(0, 15);
    const roomLink = `dsr${process.pid}`.slice(0, 15);
    const hostAddress = `10.231.${id}.1`;
    const ip = (...args: string[]): void => void execFileSync('ip', args, { stdio: 'pipe' });
    ip('netns', 'add', name);
    ip('link', 'add', hostLink, 'type', 'veth', 'peer', 'name', roomLink);
    ip('link', 'set', roomLink, 'netns', name);
    ip('addr', 'add', `${hostAddress}/30`, 'dev', hostLink);
    ip('link', 'set', hostLink, 'up');
    ip('netns', 'exec', name, 'ip', 'addr', 'add', `10.231.${id}.2/30`, 'dev', roomLink);
    ip('netns', 'exec', name, 'ip', 'link', 'set', roomLink, 'up');
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up');
    const scratch = mkdtempSync(join(tmpdir(), 'distans-room-net-'));
    const launcher = join(scratch, 'chromium-in-room-network.sh');
    writeFileSync(launcher, `#!/bin/sh\nexec ip netns exec ${name} ${chromium} "$@"\n`);
    chmodSync(launcher, 0o755);
    return new RoomNetwork(name, hostAddress, roomLink, hostLink, scratch, launcher);
  }

  setConnected(connected: boolean): void {
    execFileSync('ip', ['netns', 'exec', this.name, 'ip', 'link', 'set', this.roomLink, connected ? 'up' : 'down'], {
      stdio: 'pipe',
    });
  }

  /**
   * Shapes the link both ways as a weak office line, e.g. `{ rate: '300kbit', loss: 2 }`: a token
   * bucket (tc tbf) on each end of the veth pair, with a short queue as such lines have, and
   * random loss by nftables in the room's namespace, both ways. (netem would do both, but this
   * machine's kernel is built without it; tbf and nftables' numgen are there.) Null lifts it.
   */
  shape(limit: { rate: string; loss: number } | null): void {
    const run = (netns: string | null, command: string[], ignoreErrors = false): void => {
      try {
        execFileSync(netns ? 'ip' : command[0], netns ? ['netns', 'exec', netns, ...command] : command.slice(1), {
          stdio: 'pipe',
        });
      } catch (error) {
        if (!ignoreErrors) throw error;
      }
    };
    for (const [netns, dev] of [
      [this.name, this.roomLink],
      [null, this.hostLink],
    ] as const) {
      if (limit) {
        run(netns, [
          'tc',
          'qdisc',
          'replace',
          'dev',
          dev,
          'root',
          'tbf',
          'rate',
          limit.rate,
          'burst',
          '4kb',
          'latency',
          '150ms',
        ]);
      } else run(netns, ['tc', 'qdisc', 'del', 'dev', dev, 'root'], true);
    }
    run(this.name, ['nft', 'delete', 'table', 'inet', 'distans_shape'], true);
    if (!limit) return;
    const perMille = String(Math.round(limit.loss * 10));
    run(this.name, ['nft', 'add', 'table', 'inet', 'distans_shape']);
    for (const [chain, hook] of [
      ['in', 'input'],
      ['out', 'output'],
    ]) {
      run(this.name, [
        'nft',
        'add',
        'chain',
        'inet',
        'distans_shape',
        chain,
        `{ type filter hook ${hook} priority 0; }`,
      ]);
      run(this.name, [
        'nft',
        'add',
        'rule',
        'inet',
        'distans_shape',
        chain,
        'numgen',
        'random',
        'mod',
        '1000',
        '<',
        perMille,
        'drop',
      ]);
    }
  }

  /**
   * What of shape()'s limit is in place now, as the kernel reports it: the token buckets on
   * either end of the link and the loss table, so a caller can tell that a limit took hold, or
   * was lifted, rather than trust that it did.
   */
  shaping(): { rateLimitedEnds: number; loss: boolean } {
    const read = (netns: string | null, command: string[]): string =>
      execFileSync(netns ? 'ip' : command[0], netns ? ['netns', 'exec', netns, ...command] : command.slice(1), {
        encoding: 'utf8',
      });
    const rateLimitedEnds = [
      read(this.name, ['tc', 'qdisc', 'show', 'dev', this.roomLink]),
      read(null, ['tc', 'qdisc', 'show', 'dev', this.hostLink]),
    ].filter((qdiscs) => /\bqdisc tbf\b/.test(qdiscs)).length;
    const loss = /\bdistans_shape\b/.test(read(this.name, ['nft', 'list', 'tables']));
    return { rateLimitedEnds, loss };
  }

  /** Whether this machine has what shape() needs (tc and nft). */
  static canShape(): boolean {
    try {
      execFileSync('tc', ['-V'], { stdio: 'ignore' });
      execFileSync('nft', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  destroy(): void {
    for (const args of [
      ['link', 'del', this.hostLink],
      ['netns', 'del', this.name],
    ]) {
      try {
        execFileSync('ip', args, { stdio: 'ignore' });
      } catch {
        // already gone
      }
    }
    rmSync(this.scratch, { recursive: true, force: true });
  }
}
