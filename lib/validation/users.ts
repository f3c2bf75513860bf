import { z } from 'zod';
import { emailSchema, nameSchema, passwordSchema, roleSchema } from './password';

export const setPasswordSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string() })
  .refine((values) => values.password === values.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match.' });

export const firstAdminSchema = z
  .object({ email: emailSchema, name: nameSchema, password: passwordSchema, confirmPassword: z.string() })
  .refine((values) => values.password === values.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match.' });

export const inviteUserSchema = z
  .object({
    email: emailSchema,
    name: nameSchema,
    role: roleSchema,
    authorSlug: z.string().trim().max(200).optional().transform((value) => value || undefined),
  })
  .refine((values) => values.role !== 'FELLOW' || values.authorSlug, {
    path: ['authorSlug'],
    message: 'A fellow needs the author profile they will own.',
  });

export type InviteUserInput = Omit<z.output<typeof inviteUserSchema>, 'authorSlug'> & { authorSlug?: string };

export const userIdSchema = z.string().min(1).max(64);
