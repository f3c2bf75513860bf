import { z } from 'zod';
import type { Prisma } from '../../lib/generated/prisma/client';

// The portable export (docs/EXPORT-FORMAT.md): what `npm run cli -- export` writes and `import-export` reads.
// The schemas check a file before anything is written; their input types are what the export produces.

export const EXPORT_FORMAT_VERSION = 1;
export const EXPORT_FORMAT_NAME = 'dispatch-export';

const timestamp = z.iso.datetime().transform((value) => new Date(value));
const optionalTimestamp = timestamp.nullable();
const id = z.string().min(1);
// Any JSON value, typed as Prisma reads it (zod's own JSON type spells objects differently).
const json = z.json() as unknown as z.ZodType<Prisma.JsonValue>;

const userSchema = z.strictObject({
  id,
  email: z.string(),
  name: z.string(),
  // Present only in an export made with --with-password-hashes.
  passwordHash: z.string().nullable().optional(),
  role: z.enum(['ADMIN', 'EDITOR', 'FELLOW']),
  authorId: id.nullable(),
  disabled: z.boolean(),
  sessionVersion: z.int(),
  failedLoginCount: z.int(),
  lastFailedLoginAt: optionalTimestamp,
  lockedUntil: optionalTimestamp,
  lastLoginAt: optionalTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const mediaSchema = z.strictObject({
  id,
  storageKey: z.string(),
  originalName: z.string(),
  mimeType: z.string(),
  width: z.int(),
  height: z.int(),
  byteSize: z.int(),
  alt: z.string(),
  variants: json,
  uploadedById: id.nullable(),
  createdAt: timestamp,
});

const topicSchema = z.strictObject({
  id,
  slug: z.string(),
  name: z.string(),
  kind: z.enum(['REGION', 'THEME']),
  description: z.string(),
  status: z.enum(['APPROVED', 'PROPOSED']),
  createdAt: timestamp,
});

const authorSchema = z.strictObject({
  id,
  slug: z.string(),
  name: z.string(),
  sortName: z.string(),
  position: z.string(),
  location: z.string(),
  fieldOfExpertise: z.string(),
  workExperience: z.string(),
  biography: z.string(),
  photoId: id.nullable(),
  photoAlt: z.string(),
  website: z.string().nullable(),
  orcid: z.string().nullable(),
  xHandle: z.string().nullable(),
  linkedin: z.string().nullable(),
  email: z.string().nullable(),
  showEmail: z.boolean(),
  languages: z.array(z.string()),
  retired: z.boolean(),
  mergedIntoId: id.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  competences: z.array(z.strictObject({ topicId: id, position: z.int() })),
  revisions: z.array(
    z.strictObject({
      id,
      data: json,
      createdById: id.nullable(),
      pending: z.boolean(),
      reviewNote: z.string().nullable(),
      reviewedAt: optionalTimestamp,
      createdAt: timestamp,
    }),
  ),
  slugRedirects: z.array(z.string()),
});

const articleSchema = z.strictObject({
  id,
  slug: z.string(),
  status: z.enum(['DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED']),
  title: z.string(),
  lead: z.string(),
  body: json,
  bodyText: z.string(),
  coverImageId: id.nullable(),
  coverAlt: z.string(),
  language: z.string(),
  featured: z.boolean(),
  publishedAt: optionalTimestamp,
  firstPublishedAt: optionalTimestamp,
  contentUpdatedAt: optionalTimestamp,
  originalOutlet: z.string().nullable(),
  originalUrl: z.string().nullable(),
  originalPublishedAt: optionalTimestamp,
  canonicalPolicy: z.enum(['SELF', 'ORIGINAL']),
  sourceTitle: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  seoTitle: z.string().nullable(),
  seoDescription: z.string().nullable(),
  translationOfId: id.nullable(),
  pendingChanges: json.nullable(),
  version: z.int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  authors: z.array(z.strictObject({ authorId: id, position: z.int() })),
  topicIds: z.array(id),
  revisions: z.array(
    z.strictObject({
      id,
      version: z.int(),
      data: json,
      kind: z.string(),
      saveKey: z.string().nullable(),
      createdById: id.nullable(),
      createdAt: timestamp,
      updatedAt: timestamp,
    }),
  ),
  corrections: z.array(z.strictObject({ id, kind: z.string(), text: z.string(), createdAt: timestamp })),
  notes: z.array(z.strictObject({ id, authorId: id.nullable(), text: z.string(), createdAt: timestamp })),
  slugRedirects: z.array(z.strictObject({ slug: z.string(), createdAt: timestamp })),
});

const auditEventSchema = z.strictObject({
  id,
  actorId: id.nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  detail: json.nullable(),
  ip: z.string().nullable(),
  createdAt: timestamp,
});

const settingSchema = z.strictObject({ key: z.string(), value: json, updatedAt: timestamp });

export const exportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT_NAME),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  // The newest database migration of the exporting app, for the record; the format itself is what is checked.
  schemaMigration: z.string().nullable(),
  passwordHashesIncluded: z.boolean(),
  settings: z.array(settingSchema),
  users: z.array(userSchema),
  media: z.array(mediaSchema),
  topics: z.array(topicSchema),
  authors: z.array(authorSchema),
  articles: z.array(articleSchema),
  auditEvents: z.array(auditEventSchema),
});

/** An export as written to the file (dates as ISO strings). */
export type ExportFile = z.input<typeof exportSchema>;
/** An export as read back and checked (dates as Date). */
export type ParsedExport = z.output<typeof exportSchema>;
