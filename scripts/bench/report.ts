// The benchmark's results as console tables and as docs/PERFORMANCE.md (overwritten on each run).
import fs from 'node:fs';
import { median, type EditorialResult } from './editorial';
import type { JsWeight } from './measure-js';
import type { RunResult, WarmResult } from './load';
import type { Machine } from './machine';
import type { MemoryResult } from './memory';
import type { BenchPage } from './pages';
import { QUERY_COUNT_REQUESTS, type QueryCount } from './queries';
import { verdict, type TargetCheck } from './targets';

export type BenchReport = {
  date: Date;
  /** % of the load runs during which some runnable task waited for a CPU (Linux PSI), or null. */
  cpuPressure: number | null;
  command: string;
  target: string;
  duration: number;
  machine: Machine;
  pages: { page: BenchPage; warm: WarmResult }[];
  runs: RunResult[];
  js: JsWeight[];
  queries: QueryCount[];
  memory: MemoryResult | null;
  editorial: EditorialResult | null;
  targets: TargetCheck[];
};

type Table = { headers: string[]; rows: string[][]; right: boolean[] };

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const cpu = (value: number | null) => (value === null ? '–' : `${value.toFixed(0)}%`);

function runTable(runs: RunResult[]): Table {
  return {
    headers: ['page', 'path', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'errors / non-2xx', 'CPU server', 'server waited for CPU', 'CPU postgres', 'CPU bench'],
    right: [false, false, true, true, true, true, true, true, true, true, true],
    rows: runs.map((run) => [
      run.page.name,
      run.page.path,
      String(run.connections),
      run.requestsPerSecond.toFixed(0),
      String(run.p50),
      String(run.p99),
      `${run.errors + run.timeouts} / ${run.non2xx}`,
      cpu(run.cpu.server),
      cpu(run.serverCpuWait),
      cpu(run.cpu.postgres),
      cpu(run.cpu.bench),
    ]),
  };
}

function pageTable(report: BenchReport): Table {
  return {
    headers: ['page', 'what', 'status', 'x-nextjs-cache', 'cache-control', 'HTML', 'HTML gz', 'scripts (ext + inline)', 'JS gz', 'of it nomodule', 'DB statements / request'],
    right: [false, false, true, false, false, true, true, true, true, true, true],
    rows: report.pages.map(({ page, warm }) => {
      const js = report.js.find((weight) => weight.path === page.path);
      const queries = report.queries.find((count) => count.page.path === page.path);
      return [
        page.name,
        page.note ?? '',
        String(warm.status),
        warm.headers['x-nextjs-cache'] ?? '–',
        warm.headers['cache-control'] ?? '–',
        kib(warm.bodyBytes),
        js ? kib(js.htmlGzipBytes) : '–',
        js ? `${js.externalScripts} + ${js.inlineScripts}` : '–',
        js ? kib(js.totalGzipBytes) : '–',
        js ? kib(js.nomoduleGzipBytes) : '–',
        queries ? queries.perRequest.toFixed(1) : '–',
      ];
    }),
  };
}

function textTable({ headers, rows, right }: Table): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable({ headers, rows, right }: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${headers.join(' | ')} |`,
    `|${right.map((isRight) => (isRight ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

/** A warning when other work was already keeping the machine's cores busy, which skews every number. */
function loadWarning({ machine }: BenchReport): string | null {
  const load = machine.loadBefore[0] ?? 0;
  return load > machine.cores / 2
    ? `Warning: the 1-minute load average was ${load.toFixed(1)} on ${machine.cores} cores before the run: other work competed for the CPU, so these numbers understate what the app can do. Re-run on an idle machine.`
    : null;
}

function pressureLine({ cpuPressure }: BenchReport): string {
  return cpuPressure === null
    ? 'CPU pressure during the load runs: not available (no /proc/pressure/cpu).'
    : `CPU pressure during the load runs: some task waited for a CPU ${cpuPressure.toFixed(0)}% of the time (Linux PSI "some"; the server and autocannon share the cores, so some pressure at high concurrency is expected).`;
}

function editorialLine({ editorial }: BenchReport): string {
  if (!editorial) return 'Newsroom: not measured (only against the benchmark’s own server, since it publishes articles).';
  const stats = (values: number[]) => `median ${median(values).toFixed(0)} ms, min ${Math.min(...values).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;
  return [
    `Newsroom, in Chromium as the demo editor: autosave round trip (server action request to response) ${stats(editorial.autosaveMs)} over ${editorial.autosaveMs.length} saves;`,
    `publish to visible (click on Publish to an anonymous GET / listing the title, polled every 20 ms) ${stats(editorial.publishToVisibleMs)} over ${editorial.publishToVisibleMs.length} publications.`,
  ].join(' ');
}

function memoryLine(memory: MemoryResult | null): string {
  if (!memory || memory.samples === 0) return 'Peak server RSS: not measured (server process not found in /proc).';
  return `Peak server RSS: ${mib(memory.peakBytes)} (the server process listening on the port and its descendants, ${memory.processes} process(es), PostgreSQL excluded; ${memory.samples} samples every 250 ms; ${mib(memory.lastBytes)} at the end)`;
}

export function printReport(report: BenchReport, print: (line: string) => void): void {
  print('');
  print(textTable(runTable(report.runs)));
  print('');
  print(textTable(pageTable(report)));
  print('');
  print(memoryLine(report.memory));
  print('');
  print(editorialLine(report));
  print('');
  print(pressureLine(report));
  const warning = loadWarning(report);
  if (warning) print(`${warning}\n`);
  print('Targets:');
  for (const check of report.targets) print(`  ${verdict(check).padEnd(12)} ${check.name} (${check.detail})`);
}

export function writeMarkdown(report: BenchReport, file: string): void {
  const { machine } = report;
  const text = `# Performance

Written by \`npm run bench\` (scripts/bench/run.ts); every run overwrites this file.

- **Date:** ${report.date.toISOString()}
- **Machine:** ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB memory, ${machine.os}, Node ${machine.node}
- **Load average before the run (1, 5, 15 min):** ${machine.loadBefore.map((value) => value.toFixed(2)).join(', ')}
- **Command:** \`${report.command}\`
- **Server:** ${report.target}
- **Method:** each URL warmed with 30 sequential GETs, then autocannon (one process, on the same machine as the server) for ${report.duration} s per page and connection count, one run at a time. Requests carry no Accept-Encoding, so responses are not compressed (browsers do ask for gzip/br, which costs the server more CPU per request). req/s is autocannon's mean of per-second samples; errors counts connection errors and timeouts. CPU columns are % of one core during the run (server = the process listening on the port and its descendants; bench = the load generator itself); "server waited for CPU" is the time the server's threads were ready to run but had no core (from /proc/<pid>/task/*/schedstat), summed over its threads, as % of the run: a high value means the machine, not the app, was the limit.

${pressureLine(report)}
${loadWarning(report) ? `\n> ${loadWarning(report)}\n` : ''}
## Throughput and latency

${markdownTable(runTable(report.runs))}

## Pages: cache headers, JavaScript shipped, database statements

DB statements / request = transactions PostgreSQL committed while the page was requested ${QUERY_COUNT_REQUESTS} times in a row, less those committed in an idle window as long (background work) and less one per new database session (a login commits once; the pool reconnects after idle pauses), divided by ${QUERY_COUNT_REQUESTS} (each statement outside a transaction commits once); with the caches on, a cached page needs none. JS gz = every same-origin \`<script src>\` plus every inline script of the page's HTML, each gzipped at level 9, summed (JSON-LD and other data blocks excluded). "of it nomodule" is the part in \`nomodule\` scripts (legacy polyfills) that modern browsers skip. HTML gz is the document itself at gzip level 9.

${markdownTable(pageTable(report))}

## Memory

${memoryLine(report.memory)}

## Newsroom

${editorialLine(report)}

## Targets

${report.targets.map((check) => `- **${verdict(check)}** ${check.name}: ${check.detail}`).join('\n')}
`;
  fs.writeFileSync(file, text);
}
