import { z } from 'zod';
import { normalizeDocument } from '@/lib/content/normalize';
import { SLUG_PATTERN } from '@/lib/content/slugify';
import { MAX_BODY_JSON_BYTES, SERVER_ACTION_BODY_LIMIT_BYTES } from './request-limits.js';

// The editable state of an article ("the draft"): what the editor sends on every save, what a revision stores,
// and what a published article's pending changes hold. Drafts are lenient (an untitled draft still saves);
// publishing checks `publishProblems` on top.

export { MAX_BODY_JSON_BYTES };
export const MAX_AUTHORS = 12;
export const MAX_TOPICS = 20;

export const BODY_TOO_LONG_MESSAGE = `The article is too long to save: the body holds at most about ${MAX_BODY_JSON_BYTES / 1_000_000} MB of text. Shorten it; your text stays here and the last saved version is unchanged.`;

/** The body's size as the limit counts it: UTF-8 bytes of its JSON, the same in the browser and on the server. */
export function bodyJsonBytes(body: unknown): number {
  return new TextEncoder().encode(JSON.stringify(body ?? null)).length;
}

/** Whether a draft cannot be saved for its size alone, so the editor need not send it to find out. */
export function draftTooLarge(draft: { body: unknown }): boolean {
  return bodyJsonBytes(draft.body) > MAX_BODY_JSON_BYTES;
}

/** Whether a failed request carried more than the server accepts (its answer is then no answer at all). */
export function requestTooLarge(payload: unknown): boolean {
  return new TextEncoder().encode(JSON.stringify(payload ?? null)).length > SERVER_ACTION_BODY_LIMIT_BYTES;
}

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
// ISO 8601, as the editor's date inputs and the importer send it, in years a timestamp column reads back: Date.parse
// alone takes "1" or "' OR '1'='1" for 2001 and "65536" for a year the stored article could then not be read in.
const ISO_DATE = /^(\d{4})-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const isStorableDate = (value: string) => {
  const year = Number(ISO_DATE.exec(value)?.[1] ?? 0);
  return year >= 1000 && !Number.isNaN(Date.parse(value));
};
const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .max(40, `${label} is not a valid date.`)
    .refine((value) => value === '' || isStorableDate(value), `${label} is not a valid date.`)
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
    .refine((value) => bodyJsonBytes(value) <= MAX_BODY_JSON_BYTES, BODY_TOO_LONG_MESSAGE)
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
