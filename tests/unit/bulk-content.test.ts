import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '@/lib/content/normalize';
import { documentToPlainText } from '@/lib/content/plain-text';
import { SLUG_PATTERN } from '@/lib/content/slugify';
import { BULK_TOPICS, BulkContentGenerator, type BulkArticle, type BulkAuthor } from '../../scripts/lib/bulk-content';

const NOW = new Date('2026-06-01T12:00:00Z');
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
const topics = BULK_TOPICS.map((topic, index) => ({ id: `topic-${index}`, kind: topic.kind }));

function generate(seed: number, articleCount: number, authorCount: number, taken: string[] = []) {
  const generator = new BulkContentGenerator({ seed, now: NOW, topics, takenArticleSlugs: taken, takenAuthorSlugs: ['anna-novak'] });
  const authors: BulkAuthor[] = Array.from({ length: authorCount }, () => generator.author());
  generator.useAuthors(authors.map((author) => author.id));
  const articles: BulkArticle[] = Array.from({ length: articleCount }, () => generator.article());
  return { authors, articles };
}

const { authors, articles } = generate(42, 5000, 200);
const share = (predicate: (article: BulkArticle) => boolean) => articles.filter(predicate).length / articles.length;

describe('bulk content generator', () => {
  it('gives the same content for the same seed and different content for another', () => {
    const again = generate(42, 50, 200);
    expect(again.authors).toEqual(authors);
    expect(again.articles).toEqual(articles.slice(0, 50));
    expect(generate(43, 50, 200).articles.map((article) => article.title)).not.toEqual(again.articles.map((article) => article.title));
  });

  it('writes bodies in the stored document model, with their plain text as the editor stores it', () => {
    for (const article of articles.slice(0, 200)) {
      expect(normalizeDocument(article.body)).toEqual(article.body);
      expect(article.bodyText).toBe(documentToPlainText(article.body));
    }
  });

  it('varies lengths and structure: 3–30 paragraphs, subheads, quotes and lists, leads of 1–3 sentences', () => {
    const paragraphs = articles.map((article) => article.body.content.filter((block) => block.type === 'paragraph').length);
    expect(Math.min(...paragraphs)).toBe(3);
    expect(Math.max(...paragraphs)).toBe(30);
    for (const type of ['heading', 'blockquote', 'bulletList', 'orderedList']) {
      expect(share((article) => article.body.content.some((block) => block.type === type))).toBeGreaterThan(0.02);
    }
    const leadSentences = articles.map((article) => article.lead.split(/[.?] /).length);
    expect(Math.min(...leadSentences)).toBe(1);
    expect(Math.max(...leadSentences)).toBe(3);
  });

  it('gives every article and author a unique, valid slug that avoids the ones already taken', () => {
    const taken = articles.slice(0, 20).map((article) => article.slug);
    const next = generate(42, 200, 200, taken);
    const slugs = [...taken, ...next.articles.map((article) => article.slug)];
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(next.articles[0]!.slug).toBe(`${articles[0]!.slug}-2`);
    for (const slug of [...slugs, ...authors.map((author) => author.slug)]) expect(slug).toMatch(SLUG_PATTERN);
    expect(new Set(authors.map((author) => author.slug)).size).toBe(authors.length);
    expect(authors.map((author) => author.slug)).not.toContain('anna-novak');
  });

  it('bylines 1–3 distinct authors, skewed so a few write far more than most', () => {
    const counts = new Map<string, number>();
    for (const article of articles) {
      expect(new Set(article.authorIds).size).toBe(article.authorIds.length);
      expect(article.authorIds.length).toBeGreaterThanOrEqual(1);
      expect(article.authorIds.length).toBeLessThanOrEqual(3);
      for (const id of article.authorIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(4 * sorted[Math.floor(sorted.length / 2)]!);
    expect(share((article) => article.authorIds.length > 1)).toBeGreaterThan(0.2);
  });

  it('files each article under one region and up to three themes', () => {
    const kindOf = new Map(topics.map((topic) => [topic.id, topic.kind]));
    for (const article of articles) {
      expect(article.topicIds.length).toBeGreaterThanOrEqual(1);
      expect(article.topicIds.length).toBeLessThanOrEqual(4);
      expect(new Set(article.topicIds).size).toBe(article.topicIds.length);
      expect(article.topicIds.filter((id) => kindOf.get(id) === 'REGION')).toHaveLength(1);
    }
  });

  it('keeps about 3% out of public view, dated consistently with their status', () => {
    expect(share((article) => article.status !== 'PUBLISHED')).toBeGreaterThan(0.02);
    expect(share((article) => article.status !== 'PUBLISHED')).toBeLessThan(0.04);
    for (const article of articles) {
      if (article.status === 'DRAFT' || article.status === 'IN_REVIEW') expect(article.publishedAt).toBeNull();
      else if (article.status === 'SCHEDULED') expect(article.publishedAt!.getTime()).toBeGreaterThan(NOW.getTime());
      else {
        expect(article.publishedAt!.getTime()).toBeLessThan(NOW.getTime());
        expect(article.publishedAt!.getTime()).toBeGreaterThan(NOW.getTime() - 20 * YEAR_MS);
        expect(article.firstPublishedAt).toEqual(article.publishedAt);
      }
    }
    const years = new Set(articles.flatMap((article) => (article.publishedAt ? [article.publishedAt.getUTCFullYear()] : [])));
    expect(years.size).toBeGreaterThanOrEqual(20);
  });

  it('includes Russian articles, translations of earlier English ones, and republications', () => {
    expect(share((article) => article.language === 'ru')).toBeGreaterThan(0.03);
    const byId = new Map(articles.map((article) => [article.id, article]));
    const translations = articles.filter((article) => article.translationOfId);
    expect(translations.length).toBeGreaterThan(10);
    for (const translation of translations) {
      const original = byId.get(translation.translationOfId!)!;
      expect(original.language).toBe('en');
      expect(articles.indexOf(original)).toBeLessThan(articles.indexOf(translation));
    }
    const republished = articles.filter((article) => article.originalOutlet);
    expect(republished.length / articles.length).toBeGreaterThan(0.02);
    for (const article of republished) expect(article.originalUrl).toMatch(/^https:\/\/example\.com\//);
    expect(republished.some((article) => article.canonicalPolicy === 'ORIGINAL')).toBe(true);
  });
});
