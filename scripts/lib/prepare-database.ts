import path from 'node:path';
import { applyMigrations } from '../migrations/engine';
import { loadDemoContent } from '../../prisma/demo/load';
import { openDatabase, type LaunchConfig } from './launch-config';
import type { DatabaseHandle } from './embedded-database';
import { createScriptPrisma } from './prisma';

export type PreparedDatabase = { handle: DatabaseHandle; demoLoaded: boolean };

export async function isDatabaseEmpty(url: string): Promise<boolean> {
  const prisma = createScriptPrisma(url);
  try {
    const counts = await Promise.all([prisma.article.count(), prisma.author.count(), prisma.topic.count(), prisma.user.count()]);
    return counts.every((count) => count === 0);
  } finally {
    await prisma.$disconnect();
  }
}

export async function loadDemo(url: string, dataDir: string) {
  const prisma = createScriptPrisma(url);
  try {
    return await loadDemoContent(prisma, { mediaDir: path.join(dataDir, 'media') });
  } finally {
    await prisma.$disconnect();
  }
}

/** Opens the configured database, applies pending migrations and, for an empty embedded one, loads the demo. */
export async function prepareDatabase(config: LaunchConfig, log: (line: string) => void): Promise<PreparedDatabase> {
  const handle = await openDatabase(config, log);
  try {
    const applied = await applyMigrations(handle.url, log);
    if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    let demoLoaded = false;
    if (handle.embedded && (await isDatabaseEmpty(handle.url))) {
      const counts = await loadDemo(handle.url, config.dataDir);
      log(`Loaded the demo content: ${counts.articles} articles, ${counts.authors} authors, ${counts.topics} topics.`);
      demoLoaded = true;
    }
    return { handle, demoLoaded };
  } catch (error) {
    await handle.stop();
    throw error;
  }
}
