import { withDatabase } from '../database-session';
import type { Command } from '../command';
import { createScriptPrisma } from '../../lib/prisma';

export const dbStatusCommand: Command = {
  name: ['db', 'status'],
  summary: 'Show which database is used, its migrations and how much content it holds',
  usage: 'db status',
  async run({ config, out }) {
    await withDatabase(config, async (url) => {
      const prisma = createScriptPrisma(url);
      try {
        const [migrations, articles, published, authors, topics, users] = await Promise.all([
          prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
            SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`,
          prisma.article.count(),
          prisma.article.count({ where: { status: 'PUBLISHED' } }),
          prisma.author.count(),
          prisma.topic.count(),
          prisma.user.count(),
        ]);
        out(`database: ${config.DATABASE_URL ? 'external (DATABASE_URL)' : `embedded, under ${config.dataDir}/postgres`}`);
        out(`migrations applied: ${migrations.filter((m) => m.finished_at).length} (latest: ${migrations.at(-1)?.migration_name ?? 'none'})`);
        out(`articles: ${articles} (${published} published)`);
        out(`authors: ${authors}`);
        out(`topics: ${topics}`);
        out(`users: ${users}`);
      } finally {
        await prisma.$disconnect();
      }
    });
  },
};
