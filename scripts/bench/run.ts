/**
 * `npm run bench`: load-tests the public site of a production build and writes docs/PERFORMANCE.md.
 *
 *   npm run bench                                  start a throwaway server (fresh DATA_DIR, demo content, .next-bench)
 *   npm run bench -- --data-dir .data-scale        serve that DATA_DIR instead (after `npm run cli -- demo bulk`)
 *   npm run bench -- --url http://localhost:3000   bench a server that is already running instead
 *   npm run bench -- --duration 10 --connections 10,50
 *
 * Reports req/s, latency, errors, JavaScript shipped per page and the server's peak memory, and checks the
 * targets (PASS/FAIL). Exits 0 whatever the numbers are; 1 only when the server could not be started or reached.
 */
import path from 'node:path';
import { parseArgs, type BenchOptions } from './args';
import { runLoad, warm, type RunResult } from './load';
import { cpuPressureTotalUs, describeMachine } from './machine';
import { measureEditorial, type EditorialResult } from './editorial';
import { measureJs, type JsWeight } from './measure-js';
import { sampleMemory } from './memory';
import { pickPages } from './pages';
import { measureQueriesPerRequest, type QueryCount } from './queries';
import { findServerPid } from './proc';
import { printReport, writeMarkdown } from './report';
import { BENCH_DIST_DIR, startServer, type BenchServer } from './server';
import { checkEditorialTargets, checkPageTargets, checkTargets } from './targets';
import { openDatabase, readLaunchConfig } from '../lib/launch-config';

const reportFile = (options: BenchOptions) => path.join('docs', options.bypassCaches ? 'PERFORMANCE-uncached.md' : 'PERFORMANCE.md');
const log = (line: string) => console.log(line);

async function reachable(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) }).catch((error: unknown) => {
    throw new Error(`${baseUrl} is not reachable: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
  });
  if (response.status !== 200) throw new Error(`${baseUrl}/api/health answered ${response.status}, not 200.`);
}

function localPort(baseUrl: string): number | null {
  const url = new URL(baseUrl);
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}

/** The database the benched server reads: its DATA_DIR's embedded PostgreSQL, or npm start's (DATABASE_URL or DATA_DIR). */
async function benchedDatabaseUrl(server: BenchServer | null): Promise<string> {
  const config = readLaunchConfig(server ? { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: undefined } : process.env);
  const handle = await openDatabase(config, log);
  if (handle.owned) {
    await handle.stop();
    throw new Error('The benched server\'s database is not running; give --url together with its DATA_DIR or DATABASE_URL.');
  }
  return handle.url;
}

async function bench(options: BenchOptions, server: BenchServer | null, baseUrl: string, command: string, machine: ReturnType<typeof describeMachine>) {
  const databaseUrl = await benchedDatabaseUrl(server);
  const pages = await pickPages(databaseUrl);
  const port = server?.port ?? localPort(baseUrl);
  const serverPid = port === null ? null : findServerPid(port, server?.pid ?? null);
  log(serverPid === null ? 'Server process not found: memory and server CPU are not measured.' : `Server process: pid ${serverPid}`);
  const memory = serverPid === null ? null : sampleMemory(serverPid);

  log('Warming up…');
  const warmed = [];
  for (const page of pages) {
    const result = await warm(new URL(page.path, baseUrl).href);
    if (result.status < 200 || result.status >= 300) log(`  warning: ${page.path} answers ${result.status}`);
    warmed.push({ page, warm: result });
  }

  log('Measuring the JavaScript each page ships…');
  const js: JsWeight[] = [];
  for (const page of pages.filter((candidate) => !candidate.path.startsWith('/api/'))) {
    await measureJs(baseUrl, page.path).then(
      (weight) => js.push(weight),
      (error: unknown) => log(`  warning: could not measure ${page.path}: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  const total = pages.length * options.connections.length * options.duration;
  log(`Load runs: ${pages.length} pages × ${options.connections.join(', ')} connections × ${options.duration} s (about ${Math.ceil(total / 60)} min)…`);
  const runs: RunResult[] = [];
  const pressureBefore = { us: cpuPressureTotalUs(), at: performance.now() };
  for (const page of pages) {
    for (const connections of options.connections) {
      const run = await runLoad(baseUrl, page, connections, options.duration, { server: serverPid, launcher: server?.pid ?? null });
      log(`  ${page.path} c=${connections}: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.errors + run.timeouts} errors, ${run.non2xx} non-2xx`);
      runs.push(run);
    }
  }

  const pressureAfter = cpuPressureTotalUs();

  log('Counting database statements per request (PostgreSQL publishes its counters within 10 s)…');
  const queries: QueryCount[] = await measureQueriesPerRequest(baseUrl, pages.filter((page) => !page.path.startsWith('/api/')), databaseUrl);

  // Publishing writes articles, so the newsroom figures are taken only on the benchmark's own throwaway server.
  let editorial: EditorialResult | null = null;
  if (server && !options.dataDir) editorial = await measureEditorial(baseUrl, log);
  else log('Newsroom figures skipped: they publish articles, so they run only against the benchmark’s own throwaway server.');
  const cpuPressure =
    pressureBefore.us === null || pressureAfter === null ? null : ((pressureAfter - pressureBefore.us) / 1000 / (performance.now() - pressureBefore.at)) * 100;

  const measuredMemory = memory?.stop() ?? null;
  const report = {
    date: new Date(),
    cpuPressure,
    command,
    target: server
      ? `started by the benchmark (npm start with ${options.dataDir ? `DATA_DIR=${options.dataDir}` : 'a fresh DATA_DIR'}, NEXT_DIST_DIR=${BENCH_DIST_DIR}), ${baseUrl}`
      : `already running at ${baseUrl}`,
    duration: options.duration,
    machine,
    pages: warmed,
    runs,
    js,
    queries,
    memory: measuredMemory,
    editorial,
    targets: [
      ...checkTargets(runs),
      ...checkPageTargets({ runs, js, queries, memory: measuredMemory, bypassCaches: options.bypassCaches }),
      ...checkEditorialTargets(editorial),
    ],
  };
  printReport(report, log);
  writeMarkdown(report, reportFile(options));
  log(`\nWrote ${reportFile(options)}`);
  return report;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let options: BenchOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
  const machine = describeMachine();

  let server: BenchServer | null = null;
  let baseUrl: string;
  try {
    if (options.url) {
      baseUrl = options.url;
      await reachable(baseUrl);
    } else {
      log(`Starting a production server (npm start, NEXT_DIST_DIR=${BENCH_DIST_DIR}; the first run builds)…`);
      server = await startServer(log, { bypassCaches: options.bypassCaches, dataDir: options.dataDir });
      baseUrl = server.baseUrl;
    }
  } catch (error) {
    console.error(`Benchmark aborted: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  log(`Server ready at ${baseUrl}`);

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    console.error(`\n${signal}: stopping the server…`);
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const report = await bench(options, server, baseUrl, command, machine);
    const failed = report.targets.filter((check) => check.pass === false).length;
    const unmeasured = report.targets.filter((check) => check.pass === null).length;
    log(
      failed + unmeasured === 0
        ? 'All targets met.'
        : `${failed} target(s) failed, ${unmeasured} not measured (reported only; the exit code stays 0).`,
    );
    return 0;
  } catch (error) {
    console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    if (server && !stopping) {
      log('Stopping the server…');
      await server.stop();
    }
  }
}

main().then((code) => process.exit(code));
