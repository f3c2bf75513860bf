import slugifyText from '@sindresorhus/slugify';

/** The longest slug we generate; the route accepts up to 200 characters. */
export const MAX_SLUG_LENGTH = 80;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL slug from any title: Cyrillic and other scripts transliterated, cut at a word boundary. */
export function slugify(title: string): string {
  const slug = slugifyText(title, { decamelize: false });
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut.replace(/-+$/, '');
}

/** Whether the slug is the one generated from this title, possibly with a "-2" suffix for uniqueness. */
export function isSlugOfTitle(slug: string, title: string): boolean {
  const base = slugify(title) || 'untitled';
  return slug === base || (slug.startsWith(`${base}-`) && /^\d+$/.test(slug.slice(base.length + 1)));
}
