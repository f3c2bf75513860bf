/**
 * `npm run bench:search`: times public search (lib/data searchArticles, the whole database work of a /search page:
 * matching, ranking, counting, snippets and the result cards) on the database `npm start` uses, and writes
 * docs/PERFORMANCE-search.md. Meant for the scale data set:
 *
 *   DATA_DIR=.data-scale npm run cli -- demo bulk --articles 100000 --authors 5000
 *   DATA_DIR=.data-scale npm run bench:search            [--runs 15]
 *
 * Each query of a fixed mix (rare to very common words, phrases, exclusions, "or", filters, Russian) runs once to
 * warm the caches, then `--runs` times; the target is a median under 30 ms over every timed run.
 */
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { withDatabase } from '../cli/database-session';
import { parseOptions } from '../cli/parse-options';
import { readLaunchConfig } from '../lib/launch-config';
import { createScriptPrisma } from '../lib/prisma';

const TARGET_MEDIAN_MS = 30;
const MIN_ARTICLES = 100_000;
const REPORT_FILE = 'docs/PERFORMANCE-search.md';

type BenchQuery = { label: string; q: string; region?: string; theme?: string; from?: string; to?: string; page?: number };

// Words of the generated content (scripts/lib/bulk-content.ts) at every frequency, and what readers type.
const QUERIES: BenchQuery[] = [
  { label: 'very common word (~55% of articles)', q: 'pension' },
  { label: 'very common word, page 7', q: 'banks', page: 7 },
  { label: 'common word (~7%)', q: 'hydropower' },
  { label: 'place name (~7%)', q: 'Almaty' },
  { label: 'two words (~7%)', q: 'grain corridor' },
  { label: 'quoted phrase', q: '"uranium exports"' },
  { label: 'three words', q: 'Tashkent pension reform' },
  { label: 'exclusion', q: 'Almaty -pension' },
  { label: 'either word', q: 'glacier or desalination' },
  { label: 'author surname', q: 'Sadykova' },
  { label: 'author full name', q: 'Dilnoza Lee' },
  { label: 'word with a region filter', q: 'pension', region: 'central-asia' },
  { label: 'word in a date range', q: 'tariff', from: '2012-01-01', to: '2013-12-31' },
  { label: 'Russian, stemmed', q: 'пенсионной реформы' },
  { label: 'rare word (nowhere)', q: 'walrus' },
  { label: 'misspelling (nowhere)', q: 'pensoin' },
];

const optionsSchema = z.object({ runs: z.coerce.number().int().min(3).max(200).default(15) });

type QueryResult = { query: BenchQuery; total: number; lowerBound: boolean; samples: number[] };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 0.5);
const ms = (value: number) => value.toFixed(1);

function describeQuery(query: BenchQuery): string {
  const filters = [query.region && `region=${query.region}`, query.from && `from=${query.from}`, query.to && `to=${query.to}`, query.page && `page=${query.page}`].filter(Boolean);
  return `\`${query.q}\`${filters.length ? ` (${filters.join(', ')})` : ''}`;
}

function report(results: QueryResult[], runs: number, articles: number): string {
  const all = results.flatMap((result) => result.samples).sort((a, b) => a - b);
  const overall = percentile(all, 0.5);
  const rows = results.map((result) => {
    const sorted = [...result.samples].sort((a, b) => a - b);
    const total = `${result.lowerBound ? 'more than ' : ''}${result.total.toLocaleString('en')}`;
    return `| ${result.query.label} | ${describeQuery(result.query)} | ${total} | ${ms(percentile(sorted, 0.5))} | ${ms(percentile(sorted, 0.9))} | ${ms(sorted.at(-1) ?? 0)} |`;
  });
  const [load1, load5, load15] = os.loadavg().map((value) => value.toFixed(2));
  return [
    '# Search performance',
    '',
    `Written by \`npm run bench:search\` (scripts/bench/search.ts); every run overwrites this file.`,
    '',
    `- **Date:** ${new Date().toISOString()}`,
    `- **Machine:** ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load average after the run ${load1}, ${load5}, ${load15}`,
    `- **Data:** ${articles.toLocaleString('en')} public articles (\`npm run cli -- demo bulk --articles 100000 --authors 5000\`)`,
    `- **Method:** \`searchArticles\` from lib/data, in process, on the embedded PostgreSQL; each query once to warm up, then ${runs} timed runs. A run is the whole database work of a search page: matching, ranking, the count, title and snippet highlights and the result cards.`,
    '',
    `**Median over all ${all.length} runs: ${ms(overall)} ms** (target under ${TARGET_MEDIAN_MS} ms: ${overall < TARGET_MEDIAN_MS ? 'PASS' : 'FAIL'}); p90 ${ms(percentile(all, 0.9))} ms, slowest ${ms(all.at(-1) ?? 0)} ms.`,
    '',
    '| query | as typed | matches | median ms | p90 ms | max ms |',
    '|---|---|---:|---:|---:|---:|',
    ...rows,
    '',
    '"more than": the query matched at least the 500 reachable results (50 pages) among the newest three months, or',
    'the last four quarters, so older matches were neither counted nor ranked (lib/data/search.ts, search windows).',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const parsed = optionsSchema.safeParse(parseOptions(process.argv.slice(2), ['runs']));
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('\n'));
  const { runs } = parsed.data;
  await withDatabase(readLaunchConfig(), async (url) => {
    const prisma = createScriptPrisma(url);
    const articles = await prisma.article.count({ where: { status: 'PUBLISHED' } }).finally(() => prisma.$disconnect());
    if (articles < MIN_ARTICLES * 0.9) {
      throw new Error(`This database has ${articles.toLocaleString('en')} published articles; fill one first: DATA_DIR=.data-scale npm run cli -- demo bulk --articles 100000 --authors 5000`);
    }
    // lib/data reads DATABASE_URL, which withDatabase has just set; import it only now.
    const { searchArticles } = await import('../../lib/data/search');
    const results: QueryResult[] = [];
    for (const query of QUERIES) {
      const search = () => searchArticles({ page: 1, ...query });
      const first = await search();
      const samples: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        await search();
        samples.push(performance.now() - started);
      }
      results.push({ query, total: first.total, lowerBound: first.totalIsLowerBound, samples });
      console.log(`${query.label.padEnd(40)} median ${ms(median(samples)).padStart(7)} ms  (${first.totalIsLowerBound ? '>' : ''}${first.total} matches)`);
    }
    const markdown = report(results, runs, articles);
    fs.writeFileSync(REPORT_FILE, markdown);
    console.log(`\n${markdown.split('\n').find((line) => line.startsWith('**Median'))}\nWrote ${REPORT_FILE}.`);
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
