import { applyMigrations } from '../migrations/engine';
import { openDatabase, type LaunchConfig } from '../lib/launch-config';

/**
 * Runs `work` against the same database `npm start` uses: the running embedded PostgreSQL when there is one,
 * otherwise one started for the duration of the command; migrations are applied first.
 */
export async function withDatabase<T>(config: LaunchConfig, work: (url: string) => Promise<T>): Promise<T> {
  const handle = await openDatabase(config, (line) => console.error(line));
  try {
    await applyMigrations(handle.url);
    // The app's data layer (lib/data) reads the database from DATABASE_URL.
    process.env.DATABASE_URL = handle.url;
    return await work(handle.url);
  } finally {
    await handle.stop();
  }
}
