'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/session';
import { addArticleNote } from '@/lib/data/article-notes';
import { createPreviewLink, MAX_PREVIEW_LINK_DAYS, revokePreviewLink } from '@/lib/data/article-preview';
import { getSiteConfig } from '@/lib/site';
import { keptValues, type FormState } from './form-state';
import { requestIp } from './request-context';

// The editor's side panels: internal notes and share-preview links. Form actions, so they work without JS.

const refused: FormState = { status: 'error', message: 'You are not allowed to do that.' };
const articleId = z.string().min(1).max(64);

async function guarded(work: () => Promise<FormState>): Promise<FormState> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ForbiddenError) return refused;
    throw error;
  }
}

const noteSchema = z.object({ articleId, text: z.string().max(10_000) });

export async function addNoteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const parsed = noteSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: 'error', message: 'Invalid request.' };
    const result = await addArticleNote(await getViewer(), parsed.data.articleId, parsed.data.text);
    if (!result.ok) return { status: 'error', message: result.message, errors: { text: [result.message] }, values: keptValues(formData) };
    revalidatePath(`/editor/articles/${parsed.data.articleId}`);
    return { status: 'success', message: 'Note added.' };
  });
}

const shareSchema = z.object({
  articleId,
  days: z.coerce.number({ error: 'Choose how many days the link works.' }).int().min(1).max(MAX_PREVIEW_LINK_DAYS, `At most ${MAX_PREVIEW_LINK_DAYS} days.`),
});

export async function createPreviewLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const parsed = shareSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return { status: 'error', message: 'Please correct the fields below.', errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values: keptValues(formData) };
    }
    const result = await createPreviewLink(await getViewer(), parsed.data.articleId, parsed.data.days, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message, values: keptValues(formData) };
    revalidatePath(`/editor/articles/${parsed.data.articleId}`);
    return {
      status: 'success',
      message: `Anyone with this link can read the draft until ${new Date(result.expiresAt).toUTCString()}. It is shown only once.`,
      link: `${getSiteConfig().url}/preview/${result.token}`,
    };
  });
}

const revokeSchema = z.object({ articleId, linkId: z.string().min(1).max(64) });

export async function revokePreviewLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const parsed = revokeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: 'error', message: 'Invalid request.' };
    const result = await revokePreviewLink(await getViewer(), parsed.data.articleId, parsed.data.linkId, await requestIp());
    if (result.ok) revalidatePath(`/editor/articles/${parsed.data.articleId}`);
    return { status: result.ok ? 'success' : 'error', message: result.message };
  });
}
