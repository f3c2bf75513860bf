import { z } from 'zod';

// The newsroom dashboard's URL (/editor?status=&q=&authorId=&topicId=&sort=&page=). Anyone can type any URL,
// so every parameter falls back to its default instead of failing: a bad filter never answers 500.

export const ARTICLE_STATUSES = ['DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'] as const;
export type ArticleStatusFilter = (typeof ARTICLE_STATUSES)[number];
export const ARTICLE_STATUS_LABELS: Record<ArticleStatusFilter, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  SCHEDULED: 'Scheduled',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

export const DASHBOARD_SORTS = ['updated-desc', 'updated-asc'] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

export const MAX_TITLE_SEARCH_LENGTH = 200;
const MAX_PAGE = 10_000;

/** A repeated parameter (`?q=a&q=b`) counts by its first value. */
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const recordId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .optional()
  .catch(undefined);

export const dashboardQuerySchema = z.object({
  status: z.preprocess(firstValue, z.enum(ARTICLE_STATUSES).optional().catch(undefined)),
  q: z.preprocess(
    firstValue,
    z
      .string()
      // Control characters (NUL above all, which PostgreSQL rejects in text) never belong in a title.
      .transform((value) => value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, MAX_TITLE_SEARCH_LENGTH).trim() || undefined)
      .optional()
      .catch(undefined),
  ),
  authorId: z.preprocess(firstValue, recordId),
  topicId: z.preprocess(firstValue, recordId),
  sort: z.preprocess(firstValue, z.enum(DASHBOARD_SORTS).catch('updated-desc')),
  // Past the last page shows the last page (lib/data/newsroom.ts); only the number's size is bounded here.
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).catch(1).transform((page) => Math.min(page, MAX_PAGE))),
});

export type DashboardQuery = z.output<typeof dashboardQuerySchema>;

export function parseDashboardQuery(searchParams: Record<string, string | string[] | undefined>): DashboardQuery {
  return dashboardQuerySchema.parse(searchParams);
}

/** The dashboard URL for a query, leaving defaults out so links stay short and stable. */
export function dashboardHref(query: DashboardQuery): string {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.q) params.set('q', query.q);
  if (query.authorId) params.set('authorId', query.authorId);
  if (query.topicId) params.set('topicId', query.topicId);
  if (query.sort !== 'updated-desc') params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `/editor?${search}` : '/editor';
}
