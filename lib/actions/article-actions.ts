'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/session';
import { createArticle, restoreRevision, saveArticleDraft, type CreateResult, type SaveResult } from '@/lib/data/article-drafts';
import {
  archiveArticle,
  cancelSchedule,
  deleteArticle,
  publishArticle,
  scheduleArticle,
  submitForReview,
  updatePublishedArticle,
  type WorkflowResult,
} from '@/lib/data/article-workflow';
import { refreshPublicSurfaces } from './public-freshness';
import { requestIp } from './request-context';

// Thin: check the shape of what the browser sent, hand it to lib/data (which checks the viewer), refresh
// what readers see. Every refusal comes back as a result the editor can show; nothing throws at the user.

const articleId = z.string().min(1).max(64);
const version = z.number().int().min(1).max(2_147_483_647);
/** The editor's id for one save, repeated unchanged when it retries that save. */
const saveKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).nullable().default(null);

const forbidden = { ok: false as const, reason: 'forbidden' as const, message: 'You are not allowed to do that.' };

async function guard<T>(work: () => Promise<T>, refused: T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ForbiddenError) return refused;
    throw error;
  }
}

const malformed = 'The save request was malformed; reload the page.';

export async function createArticleAction(draft: unknown, key: string | null = null): Promise<CreateResult> {
  const parsedKey = saveKey.safeParse(key);
  if (!parsedKey.success) return { ok: false, message: malformed, errors: {} };
  return guard(
    async () => createArticle(await getViewer(), (draft ?? {}) as never, { ip: await requestIp(), saveKey: parsedKey.data }),
    { ok: false, message: forbidden.message, errors: {} },
  );
}

const saveArgs = z.object({ articleId, baseVersion: version, kind: z.enum(['autosave', 'save']), saveKey });

export async function saveArticleAction(id: string, baseVersion: number, draft: unknown, kind: 'autosave' | 'save', key: string | null = null): Promise<SaveResult> {
  const args = saveArgs.safeParse({ articleId: id, baseVersion, kind, saveKey: key });
  if (!args.success) return { ok: false, reason: 'invalid', message: malformed, errors: {} };
  const { data } = args;
  return guard(async () => saveArticleDraft(await getViewer(), data.articleId, data.baseVersion, (draft ?? {}) as never, data.kind, data.saveKey), forbidden);
}

type Transition = 'submit' | 'publish' | 'schedule' | 'cancelSchedule' | 'update' | 'unpublish' | 'archive' | 'delete';

const transitionArgs = z.object({
  articleId,
  transition: z.enum(['submit', 'publish', 'schedule', 'cancelSchedule', 'update', 'unpublish', 'archive', 'delete']),
  baseVersion: version.nullable(),
  scheduleAt: z.iso.datetime({ offset: true }).nullable().default(null),
  note: z
    .object({ kind: z.enum(['CORRECTION', 'UPDATE']), text: z.string().trim().min(1, 'Write the note readers will see.').max(2000, 'The note is at most 2,000 characters.') })
    .nullable()
    .default(null),
});

/** Runs one workflow step; readers see the result on every public surface on their next request. */
export async function articleTransitionAction(input: {
  articleId: string;
  transition: Transition;
  baseVersion: number | null;
  scheduleAt?: string | null;
  note?: { kind: 'CORRECTION' | 'UPDATE'; text: string } | null;
}): Promise<WorkflowResult> {
  const parsed = transitionArgs.safeParse(input);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid', message: parsed.error.issues.map((issue) => issue.message).join(' '), errors: {} };
  }
  const { transition, baseVersion, scheduleAt, note } = parsed.data;
  const id = parsed.data.articleId;
  const result = await guard(async (): Promise<WorkflowResult> => {
    const viewer = await getViewer();
    const ip = await requestIp();
    switch (transition) {
      case 'submit':
        return submitForReview(viewer, id, ip);
      case 'publish':
        return publishArticle(viewer, id, baseVersion, ip);
      case 'schedule':
        return scheduleAt ? scheduleArticle(viewer, id, baseVersion, new Date(scheduleAt), ip) : { ok: false, reason: 'invalid', message: 'Choose a publish date to schedule.' };
      case 'cancelSchedule':
        return cancelSchedule(viewer, id, ip);
      case 'update':
        return updatePublishedArticle(viewer, id, baseVersion, note, ip);
      case 'unpublish':
      case 'archive':
        return archiveArticle(viewer, id, ip);
      case 'delete':
        return deleteArticle(viewer, id, ip);
    }
  }, forbidden);
  if (result.ok) {
    if (transition !== 'submit') refreshPublicSurfaces();
    revalidatePath('/editor');
  }
  return result;
}

const restoreArgs = z.object({ articleId, revisionId: z.string().min(1).max(64), baseVersion: version });

export async function restoreRevisionAction(input: { articleId: string; revisionId: string; baseVersion: number }): Promise<SaveResult> {
  const parsed = restoreArgs.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: 'The restore request was malformed; reload the page.', errors: {} };
  const result = await guard(
    async () => restoreRevision(await getViewer(), parsed.data.articleId, parsed.data.revisionId, parsed.data.baseVersion, await requestIp()),
    forbidden,
  );
  if (result.ok) revalidatePath(`/editor/articles/${parsed.data.articleId}`, 'layout');
  return result;
}
