import { z } from 'zod';
import { emailSchema, nameSchema } from './password';

// An author profile as a form sends it and as a profile revision stores it. Links are normalised here
// (an ORCID or X profile URL becomes the bare identifier) so the public page builds its links one way only.

export const MAX_COMPETENCES = 20;
export const MAX_LANGUAGES = 20;

// Browsers submit textarea line breaks as CRLF; stored text uses LF, so paragraphs split the same everywhere.
const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long (at most ${max} characters).`)
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .default('');

const webAddress = (label: string, site?: { host: RegExp; name: string }) =>
  z
    .string()
    .trim()
    .max(2000, `${label} is too long.`)
    .refine((value) => value === '' || (/^https?:\/\/\S+$/i.test(value) && URL.canParse(value)), `${label} must be a web address starting with http:// or https://.`)
    // zod runs every refinement, so an address the one above refused must not reach `new URL` here.
    .refine((value) => value === '' || !site || !URL.canParse(value) || site.host.test(new URL(value).hostname), `${label} must be an address on ${site?.name}.`)
    .default('');

const ORCID_ID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;
const orcid = z
  .string()
  .trim()
  .max(100, 'ORCID must look like 0000-0002-1825-0097.')
  .transform((value) => value.replace(/^https?:\/\/(www\.)?orcid\.org\//i, '').toUpperCase())
  .refine((value) => value === '' || ORCID_ID.test(value), 'ORCID must look like 0000-0002-1825-0097.')
  .default('');

const X_HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const xHandle = z
  .string()
  .trim()
  .max(100, 'X must be a handle like @dispatch (letters, digits and _, at most 15).')
  .transform((value) => value.replace(/^https?:\/\/(www\.)?(x|twitter)\.com\//i, '').replace(/^@/, '').replace(/\/$/, ''))
  .refine((value) => value === '' || X_HANDLE.test(value), 'X must be a handle like @dispatch (letters, digits and _, at most 15).')
  .default('');

const languages = z
  .string()
  .max(1000, 'Languages are too long.')
  .default('')
  .transform((value) => [...new Set(value.split(',').map((language) => language.trim()).filter(Boolean))])
  .refine((list) => list.length <= MAX_LANGUAGES, `At most ${MAX_LANGUAGES} languages.`)
  .refine((list) => list.every((language) => language.length <= 60), 'Each language is at most 60 characters.');

export const recordIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid reference.');

export const profileFormSchema = z
  .object({
    name: nameSchema,
    position: text(200, 'Position'),
    location: text(200, 'Location'),
    topicIds: z.array(recordIdSchema).max(MAX_COMPETENCES, `Choose at most ${MAX_COMPETENCES} competences.`).default([]),
    proposedTopicName: text(80, 'The proposed term'),
    proposedTopicKind: z.enum(['REGION', 'THEME'], { error: 'Say whether the proposed term is a region or a theme.' }).default('THEME'),
    fieldOfExpertise: text(500, 'Field of expertise'),
    workExperience: text(4000, 'Work experience'),
    biography: text(10_000, 'Biography'),
    photoId: z.union([recordIdSchema, z.literal('')]).default(''),
    photoAlt: text(300, 'Photo alt text'),
    languages,
    website: webAddress('Website'),
    orcid,
    xHandle,
    linkedin: webAddress('LinkedIn', { host: /(^|\.)linkedin\.com$/, name: 'linkedin.com' }),
    email: z.union([z.literal(''), emailSchema]).default(''),
    showEmail: z.boolean().default(false),
  })
  .refine((profile) => !profile.photoId || profile.photoAlt, { path: ['photoAlt'], message: 'Describe the photo for readers who cannot see it.' })
  .refine((profile) => !profile.showEmail || profile.email, { path: ['email'], message: 'Enter the email to show, or untick “Show email publicly”.' });

export type ProfileFormInput = z.input<typeof profileFormSchema>;
export type ProfileForm = z.output<typeof profileFormSchema>;

/** What a revision stores: the whole editable profile, competences as ordered topic ids. */
export type ProfileData = Omit<ProfileForm, 'proposedTopicName' | 'proposedTopicKind'>;

export const storedProfileSchema = z.object({
  name: z.string(),
  position: z.string(),
  location: z.string(),
  topicIds: z.array(z.string()),
  fieldOfExpertise: z.string(),
  workExperience: z.string(),
  biography: z.string(),
  photoId: z.string(),
  photoAlt: z.string(),
  languages: z.array(z.string()),
  website: z.string(),
  orcid: z.string(),
  xHandle: z.string(),
  linkedin: z.string(),
  email: z.string(),
  showEmail: z.boolean(),
}) satisfies z.ZodType<ProfileData>;

/** A profile form's fields as the schema expects them: repeated checkboxes as a list, the tick box as a boolean. */
export function profileFormFields(formData: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$')) fields[key] = value;
  return { ...fields, topicIds: formData.getAll('topicIds').filter((value) => typeof value === 'string'), showEmail: formData.get('showEmail') === 'on' };
}

export const guestAuthorSchema = z.object({
  name: nameSchema,
  position: text(200, 'Position'),
  location: text(200, 'Location'),
});
export type GuestAuthorInput = z.output<typeof guestAuthorSchema>;

export const rosterQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  topic: z.string().trim().regex(/^[a-z0-9-]{1,200}$/).optional().catch(undefined),
  status: z.enum(['active', 'retired', 'all']).catch('active').default('active'),
});
export type RosterQuery = z.output<typeof rosterQuerySchema>;

export const reviewNoteSchema = text(1000, 'The note');

export const claimInvitationSchema = z.object({ email: emailSchema, name: nameSchema });
