'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/session';
import { dropSessionCookies, endBrowserSession, renewSessionCookie } from '@/lib/auth/session-cookie';
import { changeOwnEmail, changeOwnPassword, signOutEverywhere } from '@/lib/data/account';
import { changePasswordFormSchema, ownEmailChangeSchema } from '@/lib/validation/account';
import { keptValues, type FormState } from './form-state';
import { requestIp } from './request-context';

const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmNewPassword'];
const sessionEnded: FormState = { status: 'error', message: 'Your session has ended. Please sign in again.' };

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}

async function guarded(work: () => Promise<FormState>): Promise<FormState> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ForbiddenError) return sessionEnded;
    throw error;
  }
}

export async function changeOwnPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const parsed = changePasswordFormSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: 'error', message: 'Please correct the fields below.', errors: fieldErrors(parsed.error) };
    const result = await changeOwnPassword(await getViewer(), parsed.data, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message, errors: result.errors };
    await renewSessionCookie(result.renewedSession);
    return { status: 'success', message: 'Password changed. Every other session has been signed out.' };
  });
}

export async function changeOwnEmailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const values = keptValues(formData, PASSWORD_FIELDS);
    const parsed = ownEmailChangeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: 'error', message: 'Please correct the fields below.', errors: fieldErrors(parsed.error), values };
    const result = await changeOwnEmail(await getViewer(), parsed.data, await requestIp());
    if (!result.ok) return { status: 'error', message: result.message, errors: result.errors, values };
    await renewSessionCookie(result.renewedSession);
    return { status: 'success', message: `Your email is now ${result.email}; sign in with it from now on. Every other session has been signed out.` };
  });
}

export async function signOutEverywhereAction(): Promise<void> {
  try {
    await signOutEverywhere(await getViewer(), await requestIp());
  } catch (error) {
    // A session that has already ended has nothing left to sign out.
    if (!(error instanceof ForbiddenError)) throw error;
  }
  await dropSessionCookies();
  redirect('/login?signedOut=1');
}

/** The newsroom's Sign out button: a POST the framework checks for its origin, so no link elsewhere signs anyone out. */
export async function signOutAction(): Promise<void> {
  await endBrowserSession();
  redirect('/login?signedOut=1');
}
