import 'server-only';
import { revalidatePath, updateTag } from 'next/cache';
import { notePublicChange } from '@/lib/data/public-cache';

/**
 * After a publish, update, unpublish, schedule or slug change: every public read is tagged 'public'
 * (lib/data/public-cache.ts), so expiring it and the article pages makes the change visible on the next
 * request everywhere (home, lists, author and topic pages, feeds, sitemaps). Publishing is rare; precision
 * is not worth a stale page.
 */
export function refreshPublicSurfaces(): void {
  // First: a read still running from before the change must not be stored as fresh (lib/data/public-cache.ts).
  notePublicChange();
  updateTag('public');
  updateTag('articles');
  revalidatePath('/articles/[slug]', 'page');
  clearMicroCache();
}

// The one-second cache of shared responses in front of Next (scripts/micro-cache.mjs), when this process has one.
const MICRO_CACHE_CLEAR = Symbol.for('dispatch.microCache.clear');

function clearMicroCache(): void {
  const clear = (globalThis as Record<symbol, unknown>)[MICRO_CACHE_CLEAR];
  if (typeof clear === 'function') clear();
}
