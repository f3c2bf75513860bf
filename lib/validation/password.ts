import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

const commonPasswords = new Set(dictionary['passwords-common']);

/** True for a password from the common-passwords list, also when only digits or symbols were added to one. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const core = lower.replace(/[\d\W_]+$/u, '');
  return commonPasswords.has(lower) || (core.length >= 4 && commonPasswords.has(core));
}

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters long.`)
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters long.`)
  .refine((password) => !isCommonPassword(password), 'Password is too common: it appears in lists of leaked passwords.');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email is too long.')
  .pipe(z.email('Enter a valid email address.'));

export const nameSchema = z.string().trim().min(1, 'Name is required.').max(120, 'Name must be at most 120 characters.');

export const roleSchema = z.enum(['ADMIN', 'EDITOR', 'FELLOW'], { error: 'Choose a role: admin, editor or fellow.' });
