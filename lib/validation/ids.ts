import { z } from 'zod';

// Route segments that carry a database id: anything else is "not found" before a query runs.
const recordIdSchema = z.string().regex(/^[a-z0-9]{10,40}$/);

export function parseRecordId(value: string): string | null {
  const parsed = recordIdSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
