import { describe, expect, it } from 'vitest';
import { isSlugOfTitle, MAX_SLUG_LENGTH, slugify } from '@/lib/content/slugify';

describe('slugify', () => {
  it('transliterates Cyrillic and other scripts and drops punctuation', () => {
    expect(slugify('Как Россия видит Балтику')).toBe('kak-rossiya-vidit-baltiku');
    expect(slugify('Günel Həsənova: “Baku’s gas” & the EU!')).toBe('guenel-hasanova-bakus-gas-and-the-eu');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(60));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^(word-)*word$/);
  });

  it('recognises the slug generated from a title, with or without a uniqueness suffix', () => {
    expect(isSlugOfTitle('grain-corridors', 'Grain corridors')).toBe(true);
    expect(isSlugOfTitle('grain-corridors-3', 'Grain corridors')).toBe(true);
    expect(isSlugOfTitle('grain-corridors-revisited', 'Grain corridors')).toBe(false);
    expect(isSlugOfTitle('untitled-2', '')).toBe(true);
  });
});
