// Database statements per request, from PostgreSQL's own counters: each statement the app sends outside a
// transaction commits one, and a transaction commits one in all (pg_stat_database.xact_commit). A new connection
// also commits one as it logs in; the pool opens some after every idle pause (pg closes idle ones after 10 s),
// and those are not the page's statements: new sessions (pg_stat_database.sessions) are subtracted.
import pg from 'pg';
import type { BenchPage } from './pages';

export type QueryCount = { page: BenchPage; perRequest: number };

// Enough requests that a commit or two the counters publish late do not show in the first decimal.
export const QUERY_COUNT_REQUESTS = 50;
// A backend publishes its counters at most once a second while busy and within 10 s once idle (PostgreSQL 15+).
const STATS_FLUSH_WAIT_MS = 11_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Commits less logins so far. */
async function commits(client: pg.Client): Promise<number> {
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ commits: string; sessions: string }>(
    'SELECT xact_commit AS commits, sessions FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0]?.commits ?? 0) - Number(rows[0]?.sessions ?? 0);
}

/** Requests each page QUERY_COUNT_REQUESTS times in a row and divides the commits the database counted in between. */
export async function measureQueriesPerRequest(baseUrl: string, pages: BenchPage[], databaseUrl: string): Promise<QueryCount[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts: QueryCount[] = [];
    await sleep(STATS_FLUSH_WAIT_MS);
    let before = await commits(client);
    // What commits while nobody asks for anything (autovacuum, the app's own background work) is not per request.
    await sleep(STATS_FLUSH_WAIT_MS);
    const idle = await commits(client);
    const background = Math.max(0, idle - before - 2);
    console.log(`  ${background} statement(s) committed in an idle window of ${STATS_FLUSH_WAIT_MS / 1000} s: subtracted from each page's count`);
    before = idle;
    for (const page of pages) {
      for (let index = 0; index < QUERY_COUNT_REQUESTS; index += 1) {
        const response = await fetch(new URL(page.path, baseUrl));
        await response.arrayBuffer();
      }
      await sleep(STATS_FLUSH_WAIT_MS);
      const after = await commits(client);
      // Our own snapshot read in between commits twice.
      counts.push({ page, perRequest: Math.max(0, after - before - 2 - background) / QUERY_COUNT_REQUESTS });
      before = after;
    }
    return counts;
  } finally {
    await client.end();
  }
}
