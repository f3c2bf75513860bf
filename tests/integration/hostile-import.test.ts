import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RichText } from '@/components/content/RichText';
import type { Viewer } from '@/lib/auth/permissions';
import type { RichTextDocument } from '@/lib/content/document';
import { normalizeDocument } from '@/lib/content/normalize';
import { documentToPlainText } from '@/lib/content/plain-text';
import { hostileStrings, scriptShapedStrings, wfuzzXssStrings } from '../support/hostile-inputs';
import { useIsolatedDatabase } from '../support/test-database';
import { createScriptPrisma, type ScriptPrisma } from '../../scripts/lib/prisma';
import { createViewer } from '../support/viewers';

// Legacy documents (lib/content/legacy-document.ts) are Markdown-like plain text, not HTML: markup in one, in any
// place the format has (title, lead, body paragraphs, headings, lists, quotes, emphasis, links, the original
// publication and source lines, topics, the author block), must come through the import (lib/data/legacy-import.ts,
// what the import action and the CLI call) only as literal text, never as nodes, marks or attributes; links keep
// only web and mailto targets. The stored body is checked against the document model node by node and rendered
// with the site's renderer to confirm no element or attribute comes of it.

let prisma: ScriptPrisma;
let editor: Viewer;
let legacyImport: typeof import('@/lib/data/legacy-import');

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/** Every way the value departs from the document model of lib/content/document.ts; empty when it conforms. */
function modelProblems(value: unknown, where = 'doc'): string[] {
  const node = value as Record<string, unknown> | null;
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [`${where}: not a node`];
  const keys = Object.keys(node);
  const only = (allowed: string[]) => keys.filter((key) => !allowed.includes(key)).map((key) => `${where}: ${String(node.type)} has "${key}"`);
  const children = (check: (child: unknown, at: string) => string[]) =>
    Array.isArray(node.content) ? node.content.flatMap((child, index) => check(child, `${where}/${index}`)) : [`${where}: content is not a list`];
  const block = (child: unknown, at: string) => modelProblems(child, at).concat(isBlock(child) ? [] : [`${at}: ${String((child as { type?: unknown })?.type)} is not a block`]);
  const inline = (child: unknown, at: string) => {
    const item = child as Record<string, unknown>;
    if (item?.type === 'hardBreak') return Object.keys(item).length === 1 ? [] : [`${at}: hardBreak has attributes`];
    if (item?.type !== 'text' || typeof item.text !== 'string' || item.text === '') return [`${at}: ${String(item?.type)} is not inline text`];
    const extra = Object.keys(item).filter((key) => !['type', 'text', 'marks'].includes(key)).map((key) => `${at}: text has "${key}"`);
    const marks = item.marks === undefined ? [] : Array.isArray(item.marks) ? item.marks : [null];
    return extra.concat(
      marks.flatMap((mark: Record<string, unknown> | null) => {
        if (mark?.type === 'bold' || mark?.type === 'italic') return Object.keys(mark).length === 1 ? [] : [`${at}: ${mark.type} has attributes`];
        const href = (mark?.attrs as { href?: unknown } | undefined)?.href;
        if (mark?.type === 'link' && typeof href === 'string' && SAFE_HREF.test(href) && Object.keys(mark.attrs as object).length === 1) return [];
        return [`${at}: mark ${JSON.stringify(mark)}`];
      }),
    );
  };
  switch (node.type) {
    case 'doc':
    case 'blockquote':
    case 'listItem':
      return [...only(['type', 'content']), ...children(block)];
    case 'paragraph':
      return [...only(['type', 'content']), ...(node.content === undefined ? [] : children(inline))];
    case 'heading': {
      const level = (node.attrs as { level?: unknown } | undefined)?.level;
      const attrs = level === 2 || level === 3 ? [] : [`${where}: heading level ${String(level)}`];
      return [...only(['type', 'attrs', 'content']), ...attrs, ...(node.content === undefined ? [] : children(inline))];
    }
    case 'bulletList':
    case 'orderedList': {
      const start = (node.attrs as { start?: unknown } | undefined)?.start;
      const attrs = node.attrs === undefined || (node.type === 'orderedList' && Number.isInteger(start) && Object.keys(node.attrs as object).length === 1) ? [] : [`${where}: list attributes`];
      const items = children((child, at) => ((child as { type?: unknown })?.type === 'listItem' ? modelProblems(child, at) : [`${at}: not a list item`]));
      return [...only(['type', 'attrs', 'content']), ...attrs, ...items];
    }
    case 'horizontalRule':
      return only(['type']);
    case 'image': {
      const attrs = node.attrs as { src?: unknown; alt?: unknown } | undefined;
      const src = typeof attrs?.src === 'string' && /^(https?:\/\/|\/media\/)/i.test(attrs.src) ? [] : [`${where}: image source ${String(attrs?.src)}`];
      return [...only(['type', 'attrs']), ...src];
    }
    default:
      return [`${where}: node type ${JSON.stringify(node.type)}`];
  }
}

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'image', 'horizontalRule']);
const isBlock = (value: unknown) => BLOCKS.has(String((value as { type?: unknown })?.type));

/** Every text node with its marks, in document order. */
function textNodes(value: unknown): { text: string; marks: { type: string; attrs?: { href: string } }[] }[] {
  const node = value as { type?: string; text?: string; marks?: { type: string; attrs?: { href: string } }[]; content?: unknown[] };
  if (node.type === 'text') return [{ text: node.text!, marks: node.marks ?? [] }];
  return (node.content ?? []).flatMap(textNodes);
}

function blocksOfType(value: unknown, type: string): { type: string; content?: unknown[]; attrs?: Record<string, unknown> }[] {
  const node = value as { type?: string; content?: unknown[] };
  return [...(node.type === type ? [node as { type: string; content?: unknown[] }] : []), ...(node.content ?? []).flatMap((child) => blocksOfType(child, type))];
}

const ALLOWED_ELEMENTS = new Set(['p', 'h2', 'h3', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'br', 'hr']);

/** The site renderer's HTML for a stored body, and every element or attribute in it the document model does not produce. */
function renderedProblems(body: RichTextDocument): { html: string; problems: string[] } {
  const html = renderToStaticMarkup(createElement(RichText, { document: body }));
  const problems: string[] = [];
  for (const [, name, attributes] of html.matchAll(/<([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    if (!ALLOWED_ELEMENTS.has(name!.toLowerCase())) problems.push(`element <${name}>`);
    for (const [, attribute, quoted] of attributes!.matchAll(/\s([^\s=]+)(?:="([^"]*)")?/g)) {
      if (!['href', 'rel', 'start'].includes(attribute!)) problems.push(`attribute ${attribute} on <${name}>`);
      if (attribute === 'href' && !SAFE_HREF.test(quoted ?? '')) problems.push(`href ${quoted}`);
    }
  }
  return { html, problems };
}

async function importDocument(text: string) {
  const result = await legacyImport.importLegacyDocument(editor, text, null);
  if (!result.ok) throw new Error(`expected the import to succeed, got: ${result.message}`);
  const article = await prisma.article.findUniqueOrThrow({
    where: { id: result.id },
    include: { authors: { include: { author: { include: { competences: { include: { topic: true } } } } } }, topics: { include: { topic: true } } },
  });
  return { result, article, body: article.body as unknown as RichTextDocument };
}

beforeAll(async () => {
  prisma = createScriptPrisma(await useIsolatedDatabase());
  legacyImport = await import('@/lib/data/legacy-import');
  editor = await createViewer(prisma, 'hostile-import@example.test');
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('the checks of this file', () => {
  it('catch a node, a mark, an attribute or an element outside the model', () => {
    const scriptLink = { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] };
    expect(modelProblems({ type: 'doc', content: [{ type: 'paragraph', content: [scriptLink] }, { type: 'iframe' }, { type: 'paragraph', style: 'x' }] })).toEqual([
      'doc/0/0: mark {"type":"link","attrs":{"href":"javascript:alert(1)"}}',
      'doc/1: node type "iframe"',
      'doc/1: iframe is not a block',
      'doc/2: paragraph has "style"',
    ]);
    // React blocks a javascript: href by itself; a data: one it renders as given.
    const dataLink = { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'data:text/html,x' } }] };
    expect(renderedProblems({ type: 'doc', content: [{ type: 'paragraph', content: [dataLink as never] }] }).problems).toEqual(['href data:text/html,x']);
  });
});

describe('importing a legacy document with markup in every place', () => {
  const TITLE = '<script>alert("title")</script> Title <svg onload=alert(1)>';
  const LEAD = '<img src=x onerror=alert("lead")> The lead <iframe src="javascript:alert(1)"></iframe>';
  // Lines without Markdown in them: each must come back verbatim as the text of one block.
  const HTML_PARAGRAPHS = [
    '<script>alert("body")</script> A paragraph with a script.',
    '<p onclick="alert(1)" style="color:red">An event handler.</p>',
    '<svg onload="alert(1)"><script>alert("svg")</script></svg>',
    '<iframe src="javascript:alert(\'frame\')"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<style>p { background: url(javascript:alert(1)) }</style>',
    '<form action="javascript:alert(\'form\')"><input value="field"><button formaction="javascript:alert(1)">Go</button></form>',
    '<object data="javascript:alert(\'object\')"></object><embed src="javascript:alert(1)">',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">encoded</a> and <img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+">.',
    '<javascript:alert(1)> and <data:text/html,alert(1)> are no autolinks.',
  ];
  const HEADING = '<h2 onmouseover="alert(1)">A heading</h2>';
  const LIST_ITEMS = ['<a href="javascript:alert(1)">list item</a>', '<img src="x" onerror="alert(\'item\')">'];
  const QUOTE = '<blockquote onmouseover=alert(1)>quoted</blockquote>';
  const BOLD = '<b onmouseover=alert(1)>bold</b>';
  const ITALIC = '<i onclick=alert(1)>italic</i>';
  const OUTLET = '<script>alert("outlet")</script>';
  const SOURCE = '<svg onload=alert("source")>';
  const TOPICS = ['<script>alert("topic")</script>', '<iframe src=javascript:alert(1)>'];
  const AUTHOR = {
    name: '<img src=x onerror=alert("author")> Author',
    position: '<svg/onload=alert("position")>',
    location: '<iframe src="javascript:alert(\'location\')">',
    competence: '<style>@import "javascript:alert(1)"</style>',
    fieldOfExpertise: '<object data="data:text/html,<script>alert(1)</script>">.',
    workExperience: '<form><button formaction=javascript:alert(1)>x</button></form>.',
  };
  const document = [
    '14.03.21',
    '',
    `## ${TITLE}`,
    '',
    `**${LEAD}**`,
    '',
    ...HTML_PARAGRAPHS.flatMap((line) => [line, '']),
    'Links: a [script link](javascript:alert%281%29), a [data link](data:text/html;base64,PHNjcmlwdD4=), a [vbscript link](vbscript:msgbox), a [web link](https://example.org/ok) and <https://example.org/auto>.',
    '',
    `### ${HEADING}`,
    '',
    ...LIST_ITEMS.map((item) => `- ${item}`),
    '',
    `> ${QUOTE}`,
    '',
    `**${BOLD}** and *${ITALIC}*.`,
    '',
    `*Original publication* ${OUTLET} [outlet link](javascript:alert%281%29)`,
    '',
    `*Source:* [${SOURCE}](data:text/html;base64,PHNjcmlwdD4=)`,
    '',
    `Topics: ${TOPICS.join(', ')}`,
    '',
    '## AUTHOR',
    '',
    `**${AUTHOR.name}**`,
    '',
    AUTHOR.position,
    '',
    `**Location:** ${AUTHOR.location}`,
    '',
    `**Competence:** ${AUTHOR.competence}`,
    '',
    `**Field of expertise:** ${AUTHOR.fieldOfExpertise}`,
    '',
    `**Work experience:** ${AUTHOR.workExperience}`,
  ].join('\n');

  it('stores a body of the document model only, with the markup as literal text and only web links', async () => {
    const { article, body } = await importDocument(document);
    expect(modelProblems(body)).toEqual([]);
    // Already in the model: normalizing the stored body changes nothing.
    expect(normalizeDocument(body)).toEqual(body);

    const blockTexts = body.content.map((block) => textNodes(block).map((node) => node.text).join(''));
    for (const line of HTML_PARAGRAPHS) expect(blockTexts, line).toContain(line);
    expect(blocksOfType(body, 'heading').map((heading) => [heading.attrs?.level, textNodes(heading).map((node) => node.text).join('')])).toEqual([[3, HEADING]]);
    expect(blocksOfType(body, 'listItem').map((item) => textNodes(item).map((node) => node.text).join(''))).toEqual(LIST_ITEMS);
    expect(blocksOfType(body, 'blockquote').map((quote) => textNodes(quote).map((node) => node.text).join(''))).toEqual([QUOTE]);
    const texts = textNodes(body);
    expect(texts.find((node) => node.text === BOLD)?.marks).toEqual([{ type: 'bold' }]);
    expect(texts.find((node) => node.text === ITALIC)?.marks).toEqual([{ type: 'italic' }]);

    // Links: the text stays, a script, data or vbscript target is dropped with its mark.
    const links = texts.filter((node) => node.marks.some((mark) => mark.type === 'link')).map((node) => [node.text, node.marks.find((mark) => mark.type === 'link')!.attrs!.href]);
    expect(links).toEqual([
      ['web link', 'https://example.org/ok'],
      ['https://example.org/auto', 'https://example.org/auto'],
    ]);
    for (const text of ['script link', 'data link', 'vbscript link']) expect(texts.find((node) => node.text.includes(text))?.marks ?? [], text).toEqual([]);
    expect(JSON.stringify(body)).not.toMatch(/"href":"\s*(javascript|data|vbscript):/i);

    // The other fields hold the markup as the text it was.
    expect(article).toMatchObject({ title: TITLE, lead: LEAD, originalOutlet: OUTLET, originalUrl: null, sourceTitle: SOURCE, sourceUrl: null });
    expect(article.topics.map(({ topic }) => topic.name).sort()).toEqual([...TOPICS].sort());
    expect(article.authors).toHaveLength(1);
    expect(article.authors[0]!.author).toMatchObject({
      name: AUTHOR.name,
      position: AUTHOR.position,
      location: AUTHOR.location,
      fieldOfExpertise: AUTHOR.fieldOfExpertise,
      workExperience: AUTHOR.workExperience,
    });
    expect(article.authors[0]!.author.competences.map(({ topic }) => topic.name)).toEqual([AUTHOR.competence]);
    expect(article.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

    // Rendered by the site, it is text: no element or attribute beyond the model's, the scripts escaped.
    const { html, problems } = renderedProblems(body);
    expect(problems).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt; A paragraph with a script.');
    expect(html).not.toMatch(/<(script|svg|iframe|style|form|object|embed|img|input|button)\b/i);
  });
});

describe('importing every script-shaped hostile string', () => {
  // The legacy format refuses control characters as binary data; one string per line, so none may break a line.
  const payloads = [...new Set([...wfuzzXssStrings(), ...scriptShapedStrings(hostileStrings())])].filter(
    (value) => !/[\u0000-\u001f\u007f\ufffd\u2028\u2029\u0085]/.test(value) && value.trim() !== '',
  );

  it(`keeps the markup of ${payloads.length} payloads as text in a body of the document model`, async () => {
    expect(payloads.length).toBeGreaterThan(250);
    const text = ['14.03.21', '', '## Every script-shaped string', '', ...payloads.flatMap((payload) => [payload, ''])].join('\n');
    const { article, body } = await importDocument(text);
    expect(modelProblems(body)).toEqual([]);
    expect(normalizeDocument(body)).toEqual(body);
    expect(JSON.stringify(body)).not.toMatch(/"href":"\s*(javascript|data|vbscript):/i);

    // A line may become a heading, a list, a quote or a metadata line, and Markdown may take its asterisks,
    // underscores and backslashes; every tag it opens must still be there as text.
    const stored = [article.title, article.lead, documentToPlainText(body), article.originalOutlet, article.sourceTitle, ...article.topics.map(({ topic }) => topic.name)]
      .join('\n')
      .replace(/\s+/g, ' ');
    const missing = payloads.flatMap((payload) =>
      [...payload.matchAll(/<\s*[a-z!/?][a-z0-9-]*/gi)].map((match) => match[0].replace(/\s+/g, ' ')).filter((opener) => !stored.includes(opener)).map((opener) => `${JSON.stringify(payload)}: ${opener}`),
    );
    expect(missing).toEqual([]);

    const { problems } = renderedProblems(body);
    expect(problems).toEqual([]);
    console.log(`hostile import: ${payloads.length} script-shaped payloads, ${body.content.length} blocks stored, no node, mark or attribute outside the model`);
  });
});
