import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * Datagrams the kernel dropped at each process's UDP sockets because their receive queue was
 * full (the `drops` column of /proc/net/udp, per socket, summed per owning process). A packet
 * the benchmarked worker could not read in time is the worker's loss; one a sink could not read
 * is the harness's. Without this the two look the same from the counters at either end.
 */
export type DropCounts = Record<string, number>;

export function udpDropsByProcess(processes: Record<string, number>): DropCounts {
  const owner = new Map<string, string>();
  for (const [name, pid] of Object.entries(processes)) {
    for (const inode of socketInodes(pid)) owner.set(inode, name);
  }
  const drops: DropCounts = Object.fromEntries(Object.keys(processes).map((name) => [name, 0]));
  for (const line of readFileSync('/proc/net/udp', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 13) continue;
    const name = owner.get(fields[9]);
    if (name) drops[name] += Number(fields[fields.length - 1]);
  }
  return drops;
}

/** What changed between two counts (a socket closed between them takes its count with it). */
export function dropsSince(before: DropCounts, after: DropCounts): DropCounts {
  return Object.fromEntries(Object.entries(after).map(([name, n]) => [name, Math.max(0, n - (before[name] ?? 0))]));
}

function socketInodes(pid: number): string[] {
  const dir = `/proc/${pid}/fd`;
  const inodes: string[] = [];
  for (const fd of readdirSync(dir)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`${dir}/${fd}`));
      if (match) inodes.push(match[1]);
    } catch {
      // closed while we looked
    }
  }
  return inodes;
}
