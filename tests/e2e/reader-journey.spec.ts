import { expect, test, type Locator, type Page } from '@playwright/test';
import type { BlockNode, InlineNode, ParagraphNode } from '../../lib/content/document';
import {
  demoArticles,
  demoAuthors,
  demoTopics,
  featuredArticleSlug,
  type DemoArticle,
  type DemoAuthor,
  type DemoTopic,
} from '../../prisma/demo/content';

// A reader's path through the public site, checked against the demo publication the test server loads
// (prisma/demo/content.ts). Everything is found the way a reader or a screen reader finds it: by role,
// accessible name, label or visible text.

// Every test opens its own pages and only reads, so they can share the two workers.
test.describe.configure({ mode: 'parallel' });

const ARTICLES_PER_PAGE = 12;

// ---------------------------------------------------------------------------------------------------------
// What the demo content says readers should see

const now = Date.now();

/** Published and dated in the past: what readers can see (scheduled pieces are 30 days ahead). */
const visibleArticles: DemoArticle[] = demoArticles
  .filter((article) => article.status === 'PUBLISHED' && typeof article.publishedAt === 'string' && Date.parse(article.publishedAt) <= now)
  .sort((a, b) => Date.parse(publishedAt(b)) - Date.parse(publishedAt(a)));

function publishedAt(article: DemoArticle): string {
  if (typeof article.publishedAt !== 'string') throw new Error(`${article.slug} has no fixed publication date`);
  return article.publishedAt;
}

function articleBySlug(slug: string): DemoArticle {
  const article = demoArticles.find((candidate) => candidate.slug === slug);
  if (!article) throw new Error(`No demo article ${slug}`);
  return article;
}

function authorBySlug(slug: string): DemoAuthor {
  const author = demoAuthors.find((candidate) => candidate.slug === slug);
  if (!author) throw new Error(`No demo author ${slug}`);
  return author;
}

function topicBySlug(slug: string): DemoTopic {
  const topic = demoTopics.find((candidate) => candidate.slug === slug);
  if (!topic) throw new Error(`No demo topic ${slug}`);
  return topic;
}

function inlineText(content: InlineNode[] | undefined): string {
  return (content ?? []).map((node) => (node.type === 'text' ? node.text : ' ')).join('');
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Top-level paragraphs that open with a bold run-in subhead: [subhead, whole paragraph]. */
function runInParagraphs(article: DemoArticle): { subhead: string; text: string }[] {
  return article.body.content
    .filter((block): block is ParagraphNode => block.type === 'paragraph')
    .filter((block) => {
      const first = block.content?.[0];
      return first?.type === 'text' && (first.marks ?? []).some((mark) => mark.type === 'bold');
    })
    .map((block) => ({ subhead: normalise(inlineText(block.content?.slice(0, 1))), text: normalise(inlineText(block.content)) }));
}

function topLevelParagraphs(article: DemoArticle): string[] {
  return article.body.content
    .filter((block): block is ParagraphNode => block.type === 'paragraph')
    .map((block) => normalise(inlineText(block.content)));
}

function blockquoteTexts(article: DemoArticle): string[] {
  return article.body.content
    .filter((block): block is Extract<BlockNode, { type: 'blockquote' }> => block.type === 'blockquote')
    .map((block) =>
      normalise(
        block.content
          .map((inner) => (inner.type === 'paragraph' ? inlineText(inner.content) : ''))
          .join(' '),
      ),
    );
}

/** Up to three newest visible articles sharing a topic or an author (the "Related analysis" rule). */
function relatedTo(article: DemoArticle): DemoArticle[] {
  return visibleArticles
    .filter((candidate) => candidate.slug !== article.slug)
    .filter(
      (candidate) =>
        candidate.topics.some((topic) => article.topics.includes(topic)) ||
        candidate.authors.some((author) => article.authors.includes(author)),
    )
    .slice(0, 3);
}

function articlesBy(authorSlug: string): DemoArticle[] {
  return visibleArticles.filter((article) => article.authors.includes(authorSlug));
}

function articlesOn(topicSlug: string): DemoArticle[] {
  return visibleArticles.filter((article) => article.topics.includes(topicSlug));
}

function expertsOn(topicSlug: string): DemoAuthor[] {
  // Every demo author has at least one visible article, so every one competent in the topic is listed.
  return demoAuthors
    .filter((author) => author.competence.includes(topicSlug))
    .filter((author) => articlesBy(author.slug).length > 0)
    .sort((a, b) => a.sortName.localeCompare(b.sortName));
}

function profileLinks(author: DemoAuthor): { label: string; href: string }[] {
  return [
    ...(author.website ? [{ label: 'Website', href: author.website }] : []),
    ...(author.orcid ? [{ label: 'ORCID', href: `https://orcid.org/${author.orcid}` }] : []),
  ];
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

const featured = articleBySlug(featuredArticleSlug);
const republished = demoArticles.find((article) => article.republication && visibleArticles.includes(article));
const sourced = demoArticles.find((article) => article.source && article.authors.length > 1 && visibleArticles.includes(article));
const authorWithoutPhoto = demoAuthors.find((author) => !author.hasPhoto && articlesBy(author.slug).length > 0);

// ---------------------------------------------------------------------------------------------------------
// Page-level checks

/** The story itself: the one article landmark that carries the page's h1 (related cards are nested articles). */
function story(page: Page): Locator {
  return page.getByRole('article').filter({ has: page.getByRole('heading', { level: 1 }) });
}

async function expectArticlePage(page: Page, article: DemoArticle): Promise<void> {
  const main = page.getByRole('main');
  const piece = story(page);
  await expect(piece).toHaveCount(1);

  // Headline and lead.
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(article.title);
  await expect(piece.getByText(article.lead, { exact: true })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(escapeRegExp(article.title)));

  // The publication date: a machine-readable instant and a human date.
  const date = piece.getByRole('time').first();
  await expect(date).toHaveAttribute('datetime', publishedAt(article));
  await expect(date).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
  await expect(date).toHaveText(new RegExp(publishedAt(article).slice(0, 4)));

  // The byline: every author, in order, linking to their profile.
  const byline = piece.getByRole('paragraph').filter({ hasText: /^\s*By\s/ }).first();
  const bylineLinks = byline.getByRole('link');
  await expect(bylineLinks).toHaveText(article.authors.map((slug) => authorBySlug(slug).name));
  for (const [index, slug] of article.authors.entries()) {
    await expect(bylineLinks.nth(index)).toHaveAttribute('href', `/authors/${slug}`);
  }

  // Topics, linking to their pages.
  const topics = piece.getByRole('list', { name: 'Topics', exact: true }).first();
  await expect(topics.getByRole('link')).toHaveCount(article.topics.length);
  for (const slug of article.topics) {
    await expect(topics.getByRole('link', { name: topicBySlug(slug).name, exact: true })).toHaveAttribute('href', `/topics/${slug}`);
  }

  // The body: every paragraph, the bold run-in subheads, the pull quote.
  for (const text of topLevelParagraphs(article)) {
    await expect(piece.getByRole('paragraph').filter({ hasText: text }).first()).toBeVisible();
  }
  const runIns = runInParagraphs(article);
  expect(runIns.length, `${article.slug} should open paragraphs with bold run-in subheads`).toBeGreaterThan(0);
  for (const { subhead, text } of runIns) {
    const paragraph = piece.getByRole('paragraph').filter({ hasText: text }).first();
    await expect(paragraph.getByRole('strong').first()).toHaveText(subhead);
  }
  const quotes = blockquoteTexts(article);
  expect(quotes.length, `${article.slug} should have a blockquote`).toBeGreaterThan(0);
  await expect(piece.getByRole('blockquote')).toHaveText(quotes);

  // Original publication and source lines.
  const original = piece.getByRole('paragraph').filter({ hasText: /^\s*Original publication:/ });
  if (article.republication) {
    await expect(original).toHaveCount(1);
    const outlet = original.getByRole('link', { name: article.republication.outlet, exact: true });
    await expect(outlet).toHaveAttribute('href', article.republication.url);
    await expect(original.getByRole('time')).toHaveAttribute('datetime', article.republication.publishedAt);
  } else {
    await expect(original).toHaveCount(0);
  }
  const source = piece.getByRole('paragraph').filter({ hasText: /^\s*Source:/ });
  if (article.source) {
    await expect(source).toHaveCount(1);
    await expect(source.getByRole('link', { name: article.source.title, exact: true })).toHaveAttribute('href', article.source.url);
  } else {
    await expect(source).toHaveCount(0);
  }

  // "About the author(s)": one block per author with the five profile fields.
  const about = piece.getByRole('region', { name: article.authors.length > 1 ? 'About the authors' : 'About the author', exact: true });
  await expect(about).toBeVisible();
  for (const slug of article.authors) {
    await expectAuthorBlock(about, authorBySlug(slug));
  }

  // Related analysis.
  const related = relatedTo(article);
  const relatedRegion = piece.getByRole('region', { name: 'Related analysis', exact: true });
  if (related.length > 0) {
    const headings = relatedRegion.getByRole('heading', { level: 3 });
    await expect(headings).toHaveText(related.map((candidate) => candidate.title));
    for (const candidate of related) {
      await expect(relatedRegion.getByRole('link', { name: candidate.title, exact: true })).toHaveAttribute('href', `/articles/${candidate.slug}`);
    }
  } else {
    await expect(relatedRegion).toHaveCount(0);
  }
}

async function expectAuthorBlock(about: Locator, author: DemoAuthor): Promise<void> {
  const block = about.getByRole('region', { name: author.name, exact: true });
  await expect(block).toBeVisible();
  await expect(block.getByRole('heading', { name: author.name, exact: true }).getByRole('link')).toHaveAttribute('href', `/authors/${author.slug}`);
  if (author.hasPhoto) {
    await expect(block.getByRole('img', { name: `Portrait of ${author.name}`, exact: true })).toBeVisible();
  } else {
    await expect(block.getByRole('img', { name: `${author.name} (no photo)`, exact: true })).toHaveText(initials(author.name));
  }
  await expect(block.getByRole('term')).toHaveText(['Position', 'Location', 'Competence', 'Field of expertise', 'Work experience']);
  const competences = author.competence.map((slug) => topicBySlug(slug).name);
  await expect(block.getByRole('definition')).toHaveText([
    author.position,
    author.location,
    new RegExp(competences.map(escapeRegExp).join('\\s*')),
    author.fieldOfExpertise,
    author.workExperience,
  ]);
  const competenceLinks = block.getByRole('list', { name: `Competence of ${author.name}`, exact: true }).getByRole('link');
  await expect(competenceLinks).toHaveText(competences);
  for (const [index, slug] of author.competence.entries()) {
    await expect(competenceLinks.nth(index)).toHaveAttribute('href', `/topics/${slug}`);
  }
}

async function expectAuthorPage(page: Page, author: DemoAuthor): Promise<void> {
  const main = page.getByRole('main');
  await expect(page).toHaveURL(new RegExp(`/authors/${author.slug}$`));
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(author.name);
  await expect(page).toHaveTitle(new RegExp(escapeRegExp(author.name)));

  if (author.hasPhoto) {
    const photo = main.getByRole('img', { name: `Portrait of ${author.name}`, exact: true });
    await expect(photo).toBeVisible();
    // The portrait actually loads (not a broken image).
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  } else {
    await expect(main.getByRole('img', { name: `${author.name} (no photo)`, exact: true })).toHaveText(initials(author.name));
    await expect(main.getByRole('img', { name: `Portrait of ${author.name}` })).toHaveCount(0);
  }

  await expect(main.getByText(author.position, { exact: true }).first()).toBeVisible();
  await expect(main.getByText(author.location, { exact: true }).first()).toBeVisible();

  // Competence, field of expertise, work experience (and languages) as a description list.
  const competences = author.competence.map((slug) => topicBySlug(slug).name);
  await expect(main.getByRole('term')).toHaveText(['Competence', 'Field of expertise', 'Work experience', 'Languages']);
  await expect(main.getByRole('definition')).toHaveText([
    new RegExp(competences.map(escapeRegExp).join('\\s*')),
    author.fieldOfExpertise,
    author.workExperience,
    author.languages.join(', '),
  ]);
  const competenceLinks = main.getByRole('list', { name: 'Competence', exact: true }).getByRole('link');
  await expect(competenceLinks).toHaveText(competences);
  for (const [index, slug] of author.competence.entries()) {
    await expect(competenceLinks.nth(index)).toHaveAttribute('href', `/topics/${slug}`);
  }

  const biography = main.getByRole('region', { name: 'Biography', exact: true });
  await expect(biography.getByRole('paragraph')).toHaveText(author.biography.split(/\n{2,}/).map(normalise));

  const links = profileLinks(author);
  if (links.length > 0) {
    const list = main.getByRole('list', { name: 'Links', exact: true }).getByRole('link');
    await expect(list).toHaveText(links.map((link) => link.label));
    for (const [index, link] of links.entries()) {
      await expect(list.nth(index)).toHaveAttribute('href', link.href);
    }
  } else {
    await expect(main.getByRole('list', { name: 'Links', exact: true })).toHaveCount(0);
  }

  const expected = articlesBy(author.slug);
  const articles = main.getByRole('region', { name: `Articles by ${author.name}`, exact: true });
  await expect(articles.getByRole('heading', { level: 3 })).toHaveText(expected.slice(0, ARTICLES_PER_PAGE).map((article) => article.title));
  for (const article of expected.slice(0, ARTICLES_PER_PAGE)) {
    await expect(articles.getByRole('link', { name: article.title, exact: true })).toHaveAttribute('href', `/articles/${article.slug}`);
  }
}

async function expectTopicPage(page: Page, topic: DemoTopic): Promise<void> {
  const main = page.getByRole('main');
  await expect(page).toHaveURL(new RegExp(`/topics/${topic.slug}$`));
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(topic.name);
  await expect(main.getByText(topic.description, { exact: true })).toBeVisible();
  await expect(main.getByText(topic.kind === 'REGION' ? 'Region' : 'Theme', { exact: true })).toBeVisible();

  const expected = articlesOn(topic.slug).slice(0, ARTICLES_PER_PAGE);
  expect(expected.length, `demo topic ${topic.slug} should have articles`).toBeGreaterThan(0);
  const articles = main.getByRole('region', { name: 'Articles', exact: true });
  await expect(articles.getByRole('heading', { level: 3 })).toHaveText(expected.map((article) => article.title));

  const experts = expertsOn(topic.slug);
  const aside = main.getByRole('complementary', { name: 'Experts', exact: true });
  await expect(aside.getByRole('heading', { level: 3 })).toHaveText(experts.map((author) => author.name));
  for (const author of experts) {
    await expect(aside.getByRole('link', { name: author.name, exact: true })).toHaveAttribute('href', `/authors/${author.slug}`);
  }
}

// ---------------------------------------------------------------------------------------------------------

test.describe('a reader on the public site', () => {
  test('demo content has what these tests need', () => {
    expect(featured.authors.length, 'the lead story is co-authored').toBeGreaterThan(1);
    expect(republished, 'a visible republished article').toBeDefined();
    expect(sourced, 'a visible co-authored article with a source').toBeDefined();
    expect(authorWithoutPhoto, 'an author without a photo who has articles').toBeDefined();
  });

  test('home → lead story → author → competence topic → back to the author', async ({ page }) => {
    // Home: the lead story is the featured, co-authored piece.
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    const lead = page.getByRole('region', { name: 'Lead story', exact: true });
    await expect(lead.getByRole('heading', { name: featured.title, exact: true })).toBeVisible();
    await expect(lead.getByText(featured.lead, { exact: true })).toBeVisible();

    await lead.getByRole('link', { name: featured.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${featured.slug}$`));
    await expectArticlePage(page, featured);

    // Follow the first co-author from the byline.
    const author = authorBySlug(featured.authors[0]!);
    await story(page).getByRole('paragraph').filter({ hasText: /^\s*By\s/ }).first().getByRole('link', { name: author.name, exact: true }).click();
    await expectAuthorPage(page, author);

    // Follow a competence link to the topic page.
    const topic = topicBySlug(author.competence[0]!);
    await page.getByRole('main').getByRole('list', { name: 'Competence', exact: true }).getByRole('link', { name: topic.name, exact: true }).click();
    await expectTopicPage(page, topic);

    // Back: the author page again.
    await page.goBack();
    await expectAuthorPage(page, author);
  });

  test('every co-author of the lead story links to their own profile', async ({ page }) => {
    for (const slug of featured.authors) {
      const author = authorBySlug(slug);
      await page.goto(`/articles/${featured.slug}`);
      await story(page)
        .getByRole('region', { name: author.name, exact: true })
        .getByRole('link', { name: author.name, exact: true })
        .click();
      await expectAuthorPage(page, author);
    }
  });

  test('a republished article names the original outlet and links to it', async ({ page }) => {
    const article = republished!;
    // Reached the way a reader would: from the author's page.
    const author = authorBySlug(article.authors[0]!);
    await page.goto(`/authors/${author.slug}`);
    await page.getByRole('region', { name: `Articles by ${author.name}`, exact: true }).getByRole('link', { name: article.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}$`));
    await expectArticlePage(page, article);
  });

  test('a co-authored article with a source line, one author without a photo', async ({ page }) => {
    const article = sourced!;
    const topic = topicBySlug(article.topics[0]!);
    await page.goto(`/topics/${topic.slug}`);
    await page.getByRole('region', { name: 'Articles', exact: true }).getByRole('link', { name: article.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}$`));
    await expectArticlePage(page, article);

    const withoutPhoto = article.authors.map(authorBySlug).find((candidate) => !candidate.hasPhoto);
    if (withoutPhoto) {
      await story(page).getByRole('region', { name: withoutPhoto.name, exact: true }).getByRole('link', { name: withoutPhoto.name, exact: true }).click();
      await expectAuthorPage(page, withoutPhoto);
    }
  });

  test('an author without a photo shows an initials placeholder', async ({ page }) => {
    const author = authorWithoutPhoto!;
    await page.goto('/authors');
    await page.getByRole('main').getByRole('link', { name: author.name, exact: true }).click();
    await expectAuthorPage(page, author);
  });

  test('the Russian-language article is marked as Russian and reads in full', async ({ page }) => {
    const article = demoArticles.find((candidate) => candidate.language === 'ru' && visibleArticles.includes(candidate));
    expect(article, 'a visible Russian-language demo article').toBeDefined();
    await page.goto(`/articles/${article!.slug}`);
    await expectArticlePage(page, article!);
    await expect(story(page)).toHaveAttribute('lang', 'ru');
  });

  test('the home page lists the latest articles after the lead story', async ({ page }) => {
    await page.goto('/');
    const latest = page.getByRole('region', { name: 'Latest', exact: true });
    const expected = visibleArticles.filter((article) => article.slug !== featured.slug).slice(0, 10);
    await expect(latest.getByRole('heading', { level: 3 })).toHaveText(expected.map((article) => article.title));
    await latest.getByRole('link', { name: 'All articles →' }).click();
    await expect(page).toHaveURL(/\/articles$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('All articles');
  });
});
