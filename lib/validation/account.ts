import { z } from 'zod';
import { emailSchema, passwordSchema } from './password';

// Changes a signed-in user makes to their own account. The data layer applies the same rules as the forms.

const currentPasswordSchema = z.string().min(1, 'Enter your current password.').max(256, 'The current password is not correct.');

const passwordChangeFields = { currentPassword: currentPasswordSchema, newPassword: passwordSchema };

const differsFromCurrent = (values: { currentPassword: string; newPassword: string }) => values.newPassword !== values.currentPassword;
const mustDiffer = { path: ['newPassword'], message: 'Choose a new password that differs from your current one.' };

export const ownPasswordChangeSchema = z.object(passwordChangeFields).refine(differsFromCurrent, mustDiffer);

export const changePasswordFormSchema = z
  .object({ ...passwordChangeFields, confirmNewPassword: z.string() })
  .refine(differsFromCurrent, mustDiffer)
  .refine((values) => values.newPassword === values.confirmNewPassword, { path: ['confirmNewPassword'], message: 'The new passwords do not match.' });

export const ownEmailChangeSchema = z.object({ currentPassword: currentPasswordSchema, newEmail: emailSchema });

export type OwnPasswordChange = z.input<typeof ownPasswordChangeSchema>;
export type OwnEmailChange = z.input<typeof ownEmailChangeSchema>;
