'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/session';
import { restoreProfileRevision, saveProfile, type SaveProfileResult } from '@/lib/data/profiles';
import { recordIdSchema, profileFormFields, profileFormSchema } from '@/lib/validation/profile';
import { keptValues, type FormState } from './form-state';
import { refreshPublicSurfaces } from './public-freshness';
import { requestIp } from './request-context';

const refused: FormState = { status: 'error', message: 'You are not allowed to do that.' };

async function guarded(work: () => Promise<FormState>): Promise<FormState> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ForbiddenError) return refused;
    throw error;
  }
}

/** The typed values to show again after an error; repeated checkboxes travel as one comma-separated value. */
function keptProfileValues(formData: FormData): Record<string, string> {
  return { ...keptValues(formData), topicIds: formData.getAll('topicIds').join(','), showEmail: formData.get('showEmail') === 'on' ? 'on' : '' };
}

function afterChange(result: Extract<SaveProfileResult, { ok: true }>, authorId: string, done: 'Saved' | 'Restored'): FormState {
  revalidatePath('/profile', 'layout');
  revalidatePath(`/editor/authors/${authorId}`, 'layout');
  if (result.outcome === 'pending') {
    revalidatePath('/editor/authors', 'layout');
    return { status: 'success', message: `${done} for review: an editor approves the change before it appears on the public profile.` };
  }
  refreshPublicSurfaces();
  return { status: 'success', message: `${done}. The public profile shows the change.` };
}

export async function saveProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const authorId = recordIdSchema.safeParse(formData.get('authorId'));
    if (!authorId.success) return { status: 'error', message: 'Invalid request.' };
    const parsed = profileFormSchema.safeParse(profileFormFields(formData));
    if (!parsed.success) {
      return { status: 'error', message: 'Please correct the fields below.', errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values: keptProfileValues(formData) };
    }
    const result = await saveProfile(await getViewer(), authorId.data, parsed.data, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message, errors: result.errors, values: keptProfileValues(formData) };
    return afterChange(result, authorId.data, 'Saved');
  });
}

const restoreSchema = z.object({ authorId: recordIdSchema, revisionId: recordIdSchema });

export async function restoreProfileRevisionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const parsed = restoreSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: 'error', message: 'Invalid request.' };
    const result = await restoreProfileRevision(await getViewer(), parsed.data.authorId, parsed.data.revisionId, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message };
    return afterChange(result, parsed.data.authorId, 'Restored');
  });
}
