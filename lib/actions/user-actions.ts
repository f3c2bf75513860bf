'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/session';
import { changeUserRole, createPasswordResetLink, inviteUser, setUserDisabled } from '@/lib/data/users';
import { getSiteConfig } from '@/lib/site';
import { roleSchema } from '@/lib/validation/password';
import { inviteUserSchema, userIdSchema } from '@/lib/validation/users';
import { keptValues, type FormState } from './form-state';
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

export async function inviteUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const parsed = inviteUserSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return { status: 'error', message: 'Please correct the fields below.', errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values: keptValues(formData) };
    }
    const result = await inviteUser(await getViewer(), parsed.data, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message, errors: result.errors, values: keptValues(formData) };
    revalidatePath('/editor/users');
    return {
      status: 'success',
      message: `Invitation created for ${parsed.data.email}. Send them this one-time link; it expires in 7 days.`,
      link: `${getSiteConfig().url}/invite/${result.token}`,
    };
  });
}

const roleChangeSchema = z.object({ userId: userIdSchema, role: roleSchema });

export async function changeUserRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const parsed = roleChangeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: 'error', message: 'Choose a valid role.' };
    const result = await changeUserRole(await getViewer(), parsed.data.userId, parsed.data.role, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message };
    revalidatePath('/editor/users');
    return { status: 'success', message: 'Role changed. Their sessions have ended; they sign in again with the new role.' };
  });
}

const disableSchema = z.object({ userId: userIdSchema, disabled: z.enum(['true', 'false']) });

export async function setUserDisabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const parsed = disableSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: 'error', message: 'Invalid request.' };
    const disabled = parsed.data.disabled === 'true';
    const result = await setUserDisabled(await getViewer(), parsed.data.userId, disabled, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message };
    revalidatePath('/editor/users');
    return { status: 'success', message: disabled ? 'User disabled. Their sessions have ended.' : 'User enabled.' };
  });
}

export async function createPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const parsed = userIdSchema.safeParse(formData.get('userId'));
    if (!parsed.success) return { status: 'error', message: 'Invalid request.' };
    const result = await createPasswordResetLink(await getViewer(), parsed.data, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message };
    return { status: 'success', message: 'Send this one-time link to the user; it expires in 24 hours.', link: `${getSiteConfig().url}/reset/${result.token}` };
  });
}
