import { withDatabase } from '../database-session';
import { UsageError, type Command } from '../command';
import { isDatabaseEmpty, loadDemo } from '../../lib/prepare-database';

export const demoLoadCommand: Command = {
  name: ['demo', 'load'],
  summary: 'Load the demo content (articles, authors, topics, demo accounts) into an empty database',
  usage: 'demo load',
  async run({ config, out }) {
    await withDatabase(config, async (url) => {
      if (!(await isDatabaseEmpty(url))) {
        throw new UsageError('The database already holds content; demo content is only loaded into an empty database.');
      }
      const counts = await loadDemo(url, config.dataDir);
      out(`Loaded ${counts.articles} articles, ${counts.authors} authors, ${counts.topics} topics and ${counts.users} users.`);
    });
  },
};
