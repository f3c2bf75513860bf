// Warm-up and load runs: autocannon against one URL at a time, with the CPU time each side used meanwhile.
import { spawnSync } from 'node:child_process';
import autocannon from 'autocannon';
import { isPostgres, listProcesses, processTree, runQueueWaitNs } from './proc';
import type { BenchPage } from './pages';

export type WarmResult = { status: number; headers: Record<string, string>; bodyBytes: number };

export type RunResult = {
  page: BenchPage;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** CPU used during the run, as % of one core (200% = both cores of a 2-core machine). */
  cpu: { server: number | null; postgres: number | null; bench: number };
  /** Time the server's threads were runnable but waited for a CPU, as % of the run (high = CPU contention). */
  serverCpuWait: number | null;
};

const WARM_REQUESTS = 30;
const SHOWN_HEADERS = ['cache-control', 'x-nextjs-cache', 'x-nextjs-prerender', 'x-nextjs-stale-time', 'content-encoding', 'vary'];

const clockTicks = (() => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(result.stdout?.trim()) || 100;
})();

/** Sequential GETs so every cache the page uses is filled; returns what the last one looked like. */
export async function warm(url: string): Promise<WarmResult> {
  let last: WarmResult = { status: 0, headers: {}, bodyBytes: 0 };
  for (let i = 0; i < WARM_REQUESTS; i++) {
    const response = await fetch(url, { redirect: 'manual' });
    const body = await response.arrayBuffer();
    const headers: Record<string, string> = {};
    for (const name of SHOWN_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    last = { status: response.status, headers, bodyBytes: body.byteLength };
  }
  return last;
}

type CpuProbe = { server: number | null; serverWaitNs: number | null; postgres: number | null; bench: NodeJS.CpuUsage; at: number };

function probe(serverPid: number | null, launcherPid: number | null): CpuProbe {
  const all = serverPid !== null || launcherPid !== null ? listProcesses() : [];
  const ticks = (procs: { cpuTicks: number }[]) => procs.reduce((sum, proc) => sum + proc.cpuTicks, 0);
  const serverTree = serverPid === null ? [] : processTree(serverPid, all, isPostgres);
  return {
    server: serverPid === null ? null : ticks(serverTree),
    serverWaitNs: serverPid === null ? null : serverTree.reduce((sum, proc) => sum + runQueueWaitNs(proc.pid), 0),
    postgres: launcherPid === null ? null : ticks(processTree(launcherPid, all).filter(isPostgres)),
    bench: process.cpuUsage(),
    at: performance.now(),
  };
}

function percent(ticksBefore: number | null, ticksAfter: number | null, seconds: number): number | null {
  return ticksBefore === null || ticksAfter === null ? null : Math.max(0, ((ticksAfter - ticksBefore) / clockTicks / seconds) * 100);
}

export async function runLoad(
  baseUrl: string,
  page: BenchPage,
  connections: number,
  duration: number,
  pids: { server: number | null; launcher: number | null },
): Promise<RunResult> {
  const before = probe(pids.server, pids.launcher);
  const result = await autocannon({ url: new URL(page.path, baseUrl).href, connections, duration, timeout: 10 });
  const after = probe(pids.server, pids.launcher);
  const seconds = (after.at - before.at) / 1000;
  const benchCpu = process.cpuUsage(before.bench);
  return {
    page,
    connections,
    requestsPerSecond: result.requests.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count])),
    cpu: {
      server: percent(before.server, after.server, seconds),
      postgres: percent(before.postgres, after.postgres, seconds),
      bench: ((benchCpu.user + benchCpu.system) / 1e6 / seconds) * 100,
    },
    serverCpuWait:
      before.serverWaitNs === null || after.serverWaitNs === null ? null : Math.max(0, ((after.serverWaitNs - before.serverWaitNs) / 1e9 / seconds) * 100),
  };
}
