'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/session';
import { applyBulkAction } from '@/lib/data/article-workflow';
import { getArticleTitles } from '@/lib/data/newsroom';
import type { FormState } from './form-state';
import { refreshPublicSurfaces } from './public-freshness';
import { requestIp } from './request-context';

const MAX_BULK_ARTICLES = 100;

const bulkActionSchema = z.object({
  action: z.enum(['publish', 'unpublish', 'archive'], 'Choose Publish, Unpublish or Archive.'),
  ids: z
    .array(z.string().min(1).max(64))
    .min(1, 'Select at least one article.')
    .max(MAX_BULK_ARTICLES, `Select at most ${MAX_BULK_ARTICLES} articles at a time.`)
    .transform((ids) => [...new Set(ids)]),
});

const WORDING = {
  publish: { done: 'Published', verb: 'publish' },
  unpublish: { done: 'Unpublished', verb: 'unpublish' },
  archive: { done: 'Archived', verb: 'archive' },
} as const;

const articles = (count: number) => `${count} ${count === 1 ? 'article' : 'articles'}`;

/** Publishes, unpublishes or archives the selected dashboard rows, each on its own; reports every refusal by title. */
export async function bulkArticleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = bulkActionSchema.safeParse({ action: formData.get('action'), ids: formData.getAll('ids') });
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0]?.message ?? 'Invalid request.' };
  const { action, ids } = parsed.data;
  try {
    const viewer = await getViewer();
    const result = await applyBulkAction(viewer, ids, action, await requestIp());
    if (result.done > 0) refreshPublicSurfaces();
    revalidatePath('/editor');
    const titles = result.refused.length > 0 ? await getArticleTitles(viewer, result.refused.map((refusal) => refusal.id)) : {};
    const lines = [
      ...(result.done > 0 ? [`${WORDING[action].done} ${articles(result.done)}.`] : []),
      ...result.refused.map(({ id, message }) => {
        const title = titles[id];
        return `Could not ${WORDING[action].verb} ${title ? `“${title}”` : 'an article that no longer exists'}: ${message}`;
      }),
    ];
    return { status: result.refused.length > 0 ? 'error' : 'success', message: lines.join('\n') };
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: 'error', message: 'You are not allowed to do that.' };
    throw error;
  }
}
