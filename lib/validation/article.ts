import { z } from 'zod';
import { normalizeDocument } from '@/lib/content/normalize';
import { SLUG_PATTERN } from '@/lib/content/slugify';

// The editable state of an article ("the draft"): what the editor sends on every save, what a revision stores,
// and what a published article's pending changes hold. Drafts are lenient (an untitled draft still saves);
// publishing checks `publishProblems` on top.

export const MAX_BODY_JSON_BYTES = 2_000_000;
export const MAX_AUTHORS = 12;
export const MAX_TOPICS = 20;

const id = z.string().min(1).max(64);
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} is too long (at most ${max} characters).`).default('');
const optionalUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2000, `${label} is too long.`)
    .refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), `${label} must be a web address starting with http:// or https://.`)
    .default('');
const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .max(40)
    .refine((value) => value === '' || !Number.isNaN(Date.parse(value)), `${label} is not a valid date.`)
    .transform((value) => (value === '' ? null : new Date(value).toISOString()))
    .nullable()
    .default(null);

export const articleDraftSchema = z.object({
  title: optionalText(300, 'Title'),
  slug: z
    .string()
    .trim()
    .max(200, 'Slug is too long (at most 200 characters).')
    .refine((value) => value === '' || SLUG_PATTERN.test(value), 'Slug may contain only lowercase letters, digits and single hyphens.')
    .default(''),
  lead: optionalText(2000, 'Lead'),
  body: z
    .unknown()
    .refine((value) => JSON.stringify(value ?? null).length <= MAX_BODY_JSON_BYTES, 'Body is too long (at most about 2 MB of text).')
    .transform((value) => normalizeDocument(value)),
  authorIds: z.array(id).max(MAX_AUTHORS, `At most ${MAX_AUTHORS} authors.`).default([]).transform((ids) => [...new Set(ids)]),
  topicIds: z.array(id).max(MAX_TOPICS, `At most ${MAX_TOPICS} topics.`).default([]).transform((ids) => [...new Set(ids)]),
  coverImageId: id.nullable().default(null),
  coverAlt: optionalText(500, 'Alt text'),
  language: z.enum(['en', 'ru']).default('en'),
  originalOutlet: optionalText(200, 'Outlet'),
  originalUrl: optionalUrl('Original URL'),
  originalPublishedAt: optionalDate('Original publication date'),
  canonicalToOriginal: z.boolean().default(false),
  sourceTitle: optionalText(300, 'Source title'),
  sourceUrl: optionalUrl('Source URL'),
  seoTitle: optionalText(120, 'SEO title'),
  seoDescription: optionalText(320, 'SEO description'),
  publishDate: optionalDate('Publish date'),
});

export type ArticleDraftInput = z.input<typeof articleDraftSchema>;
export type ArticleDraft = z.output<typeof articleDraftSchema>;

export const emptyDraft = (): ArticleDraft => articleDraftSchema.parse({ body: { type: 'doc', content: [] } });

/** Field errors of a draft, keyed by field name, or null when it is valid. */
export function draftFieldErrors(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}

/** What stands between a draft and publication, as field errors; empty when it may be published. */
export function publishProblems(draft: ArticleDraft): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);
  if (!draft.title) add('title', 'A published article needs a title.');
  if (!draft.lead) add('lead', 'A published article needs a lead.');
  if (draft.body.content.length === 0) add('body', 'A published article needs a body.');
  if (draft.authorIds.length === 0) add('authorIds', 'A published article needs at least one author.');
  if (draft.coverImageId && !draft.coverAlt) add('coverAlt', 'Describe the cover image in its alt text before publishing.');
  if (draft.body.content.some((node) => node.type === 'image' && !node.attrs.alt.trim())) {
    add('body', 'Every image in the body needs alt text before publishing.');
  }
  if (draft.canonicalToOriginal && !draft.originalUrl) add('originalUrl', 'The canonical link to the original needs the Original URL.');
  return problems;
}
