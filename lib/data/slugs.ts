import { z } from 'zod';

// Route segments are checked before any query: a malformed or overlong slug is simply "not found".
const slugSchema = z.string().min(1).max(200).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export function parseSlug(value: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  const parsed = slugSchema.safeParse(decoded);
  return parsed.success ? parsed.data : null;
}

const MAX_PAGE = 10_000;

/** `?page=` as a positive whole number; anything else is null (the route answers 404). */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (Array.isArray(value) || !/^\d{1,5}$/.test(value)) return null;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : null;
}
