'use server';

import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/session';
import { MAX_LEGACY_DOCUMENT_BYTES } from '@/lib/content/legacy-document';
import { importLegacyDocument } from '@/lib/data/legacy-import';
import { tags } from '@/lib/data/tags';
import type { FormState } from './form-state';
import { requestIp } from './request-context';

const importSchema = z.object({
  document: z.string({ error: 'Paste a legacy document or choose its file.' }).max(MAX_LEGACY_DOCUMENT_BYTES, 'The document is larger than 1 MB.'),
});

/** Creates a draft from the pasted document and opens it in the editor; the reason and the text come back on refusal. */
export async function importLegacyDocumentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = importSchema.safeParse({ document: formData.get('document') });
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0]!.message };
  const text = parsed.data.document;
  let result: Awaited<ReturnType<typeof importLegacyDocument>>;
  try {
    result = await importLegacyDocument(await getViewer(), text, await requestIp());
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: 'error', message: 'You are not allowed to import documents.' };
    throw error;
  }
  if (!result.ok) return { status: 'error', message: result.message, values: { document: text } };
  // A profile page asked for before the author existed may be cached as "not found".
  for (const slug of result.createdAuthorSlugs) updateTag(tags.author(slug));
  redirect(`/editor/articles/${result.id}`);
}
