// The performance targets the benchmark checks (it reports; the tests judge).
import { median, type EditorialResult } from './editorial';
import type { RunResult } from './load';

export type TargetCheck = { name: string; pass: boolean | null; detail: string };

const ARTICLE = { page: 'article', connections: 50, minRps: 1500, maxP99Ms: 60 };

export function checkTargets(runs: RunResult[]): TargetCheck[] {
  const run = runs.find((candidate) => candidate.page.name === ARTICLE.page && candidate.connections === ARTICLE.connections);
  const where = `article page at ${ARTICLE.connections} connections`;
  if (!run) {
    const missing = `not measured (add ${ARTICLE.connections} to --connections)`;
    return [
      { name: `${where}: >= ${ARTICLE.minRps} req/s`, pass: null, detail: missing },
      { name: `${where}: p99 < ${ARTICLE.maxP99Ms} ms`, pass: null, detail: missing },
      { name: `${where}: no errors`, pass: null, detail: missing },
    ];
  }
  const failures = run.errors + run.timeouts + run.non2xx;
  return [
    { name: `${where}: >= ${ARTICLE.minRps} req/s`, pass: run.requestsPerSecond >= ARTICLE.minRps, detail: `${run.requestsPerSecond.toFixed(0)} req/s` },
    { name: `${where}: p99 < ${ARTICLE.maxP99Ms} ms`, pass: run.p99 < ARTICLE.maxP99Ms, detail: `p99 ${run.p99} ms` },
    {
      name: `${where}: no errors`,
      pass: failures === 0,
      detail: `${run.errors} errors, ${run.timeouts} timeouts, ${run.non2xx} non-2xx`,
    },
  ];
}

const AUTOSAVE_MEDIAN_MS = 50;
const PUBLISH_TO_VISIBLE_MEDIAN_MS = 1000;

export function checkEditorialTargets(result: EditorialResult | null): TargetCheck[] {
  const autosave = `median autosave round trip < ${AUTOSAVE_MEDIAN_MS} ms`;
  const publish = `median publish-to-visible on the home page < ${PUBLISH_TO_VISIBLE_MEDIAN_MS} ms`;
  if (!result) return [autosave, publish].map((name) => ({ name, pass: null, detail: 'not measured (only on the benchmark’s own server)' }));
  const autosaveMedian = median(result.autosaveMs);
  const publishMedian = median(result.publishToVisibleMs);
  return [
    { name: autosave, pass: autosaveMedian < AUTOSAVE_MEDIAN_MS, detail: `${autosaveMedian.toFixed(0)} ms over ${result.autosaveMs.length} saves` },
    { name: publish, pass: publishMedian < PUBLISH_TO_VISIBLE_MEDIAN_MS, detail: `${publishMedian.toFixed(0)} ms over ${result.publishToVisibleMs.length} publications, slowest ${Math.max(...result.publishToVisibleMs).toFixed(0)} ms` },
  ];
}

export const verdict = (check: TargetCheck) => (check.pass === null ? 'NOT MEASURED' : check.pass ? 'PASS' : 'FAIL');
