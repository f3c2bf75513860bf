'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/session';
import {
  createGuestAuthor,
  decideProposedTopic,
  inviteToClaimProfile,
  mergeAuthors,
  reviewProfileChange,
  setAuthorRetired,
  setProfileApprovalRequired,
} from '@/lib/data/roster';
import { getSiteConfig } from '@/lib/site';
import { claimInvitationSchema, guestAuthorSchema, recordIdSchema, reviewNoteSchema } from '@/lib/validation/profile';
import { keptValues, type FormState } from './form-state';
import { refreshPublicSurfaces } from './public-freshness';
import { requestIp } from './request-context';

const refused: FormState = { status: 'error', message: 'You are not allowed to do that.' };
const invalid: FormState = { status: 'error', message: 'Invalid request.' };

async function guarded(work: () => Promise<FormState>): Promise<FormState> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ForbiddenError) return refused;
    throw error;
  }
}

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}

function refreshRoster(): void {
  revalidatePath('/editor/authors', 'layout');
  revalidatePath('/profile');
}

export async function createGuestAuthorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await guarded(async () => {
    const parsed = guestAuthorSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: 'error', message: 'Please correct the fields below.', errors: fieldErrors(parsed.error), values: keptValues(formData) };
    const created = await createGuestAuthor(await getViewer(), parsed.data, await requestIp());
    refreshRoster();
    return { status: 'success', link: `/editor/authors/${created.id}` };
  });
  if (result.status !== 'success' || !result.link) return result;
  redirect(result.link);
}

const retireSchema = z.object({ authorId: recordIdSchema, retired: z.enum(['true', 'false']) });

export async function setAuthorRetiredAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const parsed = retireSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid;
    const retired = parsed.data.retired === 'true';
    const result = await setAuthorRetired(await getViewer(), parsed.data.authorId, retired, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message };
    refreshRoster();
    refreshPublicSurfaces();
    return { status: 'success', message: retired ? 'Retired: the profile is no longer listed in the directory.' : 'Reinstated: the profile is listed again.' };
  });
}

const mergeSchema = z.object({ duplicateId: recordIdSchema, keptId: recordIdSchema });

export async function mergeAuthorsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await guarded(async () => {
    const parsed = mergeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: 'error', message: 'Choose the profile to keep.', errors: { keptId: ['Choose the profile to keep.'] } };
    const merged = await mergeAuthors(await getViewer(), parsed.data.duplicateId, parsed.data.keptId, await requestIp());
    if (!merged.ok) return { status: 'error', message: merged.message };
    refreshRoster();
    refreshPublicSurfaces();
    return { status: 'success', link: `/editor/authors/${parsed.data.keptId}` };
  });
  if (result.status !== 'success' || !result.link) return result;
  redirect(`${result.link}?merged=1`);
}

export async function inviteToClaimProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const authorId = recordIdSchema.safeParse(formData.get('authorId'));
    const parsed = claimInvitationSchema.safeParse(Object.fromEntries(formData));
    if (!authorId.success) return invalid;
    if (!parsed.success) return { status: 'error', message: 'Please correct the fields below.', errors: fieldErrors(parsed.error), values: keptValues(formData) };
    const result = await inviteToClaimProfile(await getViewer(), authorId.data, parsed.data, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message, errors: 'errors' in result ? result.errors : undefined, values: keptValues(formData) };
    return {
      status: 'success',
      message: `Invitation created for ${parsed.data.email}. Send them this one-time link; it expires in 7 days.`,
      link: `${getSiteConfig().url}/invite/${result.token}`,
    };
  });
}

const reviewSchema = z.object({ revisionId: recordIdSchema, decision: z.enum(['approve', 'reject']), note: reviewNoteSchema });

export async function reviewProfileChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const parsed = reviewSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: 'error', message: parsed.error.issues[0]?.message ?? 'Invalid request.' };
    const { revisionId, decision, note } = parsed.data;
    const result = await reviewProfileChange(await getViewer(), revisionId, decision, note, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message };
    refreshRoster();
    if (decision === 'approve') refreshPublicSurfaces();
    return { status: 'success', message: decision === 'approve' ? 'Approved: the public profile shows the change.' : 'Rejected: the fellow sees your note in the history.' };
  });
}

export async function setProfileApprovalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const required = formData.get('required') === 'on';
    const result = await setProfileApprovalRequired(await getViewer(), required, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message };
    refreshRoster();
    return { status: 'success', message: required ? 'Fellows’ profile changes now need approval.' : 'Fellows’ profile changes now appear at once.' };
  });
}

const topicDecisionSchema = z.object({ topicId: recordIdSchema, decision: z.enum(['approve', 'reject']) });

export async function decideProposedTopicAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const parsed = topicDecisionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid;
    const approve = parsed.data.decision === 'approve';
    const result = await decideProposedTopic(await getViewer(), parsed.data.topicId, approve, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message };
    refreshRoster();
    refreshPublicSurfaces();
    return { status: 'success', message: approve ? 'Approved: the term joins the controlled list.' : 'Rejected: the term is removed from every profile.' };
  });
}
