'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { acceptInvitation, createFirstAdmin, resetPasswordWithToken } from '@/lib/data/users';
import { firstAdminSchema, setPasswordSchema } from '@/lib/validation/users';
import { keptValues, type FormState } from './form-state';
import { requestIp } from './request-context';

function invalid(error: z.ZodError, formData: FormData): FormState {
  return { status: 'error', message: 'Please correct the fields below.', errors: z.flattenError(error).fieldErrors as Record<string, string[]>, values: keptValues(formData) };
}

export async function setupFirstAdminAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = firstAdminSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await createFirstAdmin(parsed.data, await requestIp());
  if (!result.ok) return { status: 'error', message: result.message, values: keptValues(formData) };
  redirect('/login?callbackUrl=/editor/users');
}

const tokenSchema = z.string().min(1).max(200);

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = tokenSchema.safeParse(formData.get('token'));
  const parsed = setPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!token.success) return { status: 'error', message: 'This invitation link is invalid, used or expired.' };
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await acceptInvitation(token.data, parsed.data.password, await requestIp());
  if (!result.ok) return { status: 'error', message: result.message };
  redirect('/login?callbackUrl=/editor');
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = tokenSchema.safeParse(formData.get('token'));
  const parsed = setPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!token.success) return { status: 'error', message: 'This password reset link is invalid, used or expired.' };
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await resetPasswordWithToken(token.data, parsed.data.password, await requestIp());
  if (!result.ok) return { status: 'error', message: result.message };
  redirect('/login?callbackUrl=/editor');
}
