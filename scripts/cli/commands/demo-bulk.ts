import { z } from 'zod';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../database-session';
import { parseOptions } from '../parse-options';
import { createProgressReporter, type ProgressReporter } from '../progress';
import { loadBulkContent, type BulkLoadSummary } from '../../lib/bulk-load';

const countOption = (name: string, max: number) =>
  z.coerce.number({ error: `--${name} must be a number.` }).int(`--${name} must be a whole number.`).min(1, `--${name} must be at least 1.`).max(max, `--${name} is at most ${max.toLocaleString('en')}.`);

const optionsSchema = z.object({
  articles: countOption('articles', 1_000_000).default(100_000),
  authors: countOption('authors', 100_000).default(5_000),
  seed: z.coerce.number({ error: '--seed must be a number.' }).int('--seed must be a whole number.').min(0).max(2 ** 32 - 1).default(1),
});

function summaryLines(summary: BulkLoadSummary, seed: number): string[] {
  const totalSeconds = summary.seconds.authors + summary.seconds.articles + summary.seconds.analyze;
  const statuses = Object.entries(summary.byStatus).map(([status, count]) => `${count.toLocaleString('en')} ${status.toLowerCase().replace('_', ' ')}`);
  return [
    `Generated ${summary.articles.toLocaleString('en')} articles and ${summary.authors.toLocaleString('en')} authors (seed ${seed}) in ${totalSeconds.toFixed(1)} s:`,
    `  authors   ${summary.seconds.authors.toFixed(1)} s (${Math.round(summary.authors / summary.seconds.authors).toLocaleString('en')}/s)`,
    `  articles  ${summary.seconds.articles.toFixed(1)} s (${Math.round(summary.articles / summary.seconds.articles).toLocaleString('en')}/s)`,
    `  vacuum and analyze ${summary.seconds.analyze.toFixed(1)} s`,
    `Articles: ${statuses.join(', ')}; ${summary.russian.toLocaleString('en')} in Russian, ${summary.translations.toLocaleString('en')} translations, ${summary.republished.toLocaleString('en')} republications.`,
    `Links: ${summary.bylines.toLocaleString('en')} bylines, ${summary.topicLinks.toLocaleString('en')} topic links; ${summary.topicsCreated} topics created.`,
    `Busiest authors: ${summary.busiestAuthors.map((author) => `/authors/${author.slug} (${author.articles})`).join(', ')}`,
  ];
}

export const demoBulkCommand: Command = {
  name: ['demo', 'bulk'],
  summary: 'Add generated authors and articles for scale tests (deterministic per seed), on top of any existing content',
  usage: 'demo bulk [--articles N] [--authors N] [--seed N]',
  async run({ config, args, out }) {
    const parsed = optionsSchema.safeParse(parseOptions(args, ['articles', 'authors', 'seed']));
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('\n'));
    const options = parsed.data;

    // withDatabase applies every pending migration first and stops on failure: rows go in as raw SQL.
    await withDatabase(config, async (url) => {
      const reporters: Partial<Record<'authors' | 'articles', ProgressReporter>> = {};
      const summary = await loadBulkContent(url, {
        ...options,
        onProgress(phase, done, total) {
          const reporter = (reporters[phase] ??= createProgressReporter(phase.padEnd(8), total));
          reporter.update(done);
          if (done === total) reporter.finish();
        },
      });
      for (const line of summaryLines(summary, options.seed)) out(line);
    });
  },
};
