import type { BlockNode, InlineNode, ListItemNode, Mark, ParagraphNode, RichTextDocument } from './document';

// Reads the legacy article export (see ../shared/seeds/README.md): a date line, a "## TITLE" heading, a bold
// lead, body paragraphs (run-in subheads, quotes), "Original publication" and "Source" lines, then one or more
// AUTHOR blocks. Pure: the data layer decides what to create from the result.

export const MAX_LEGACY_DOCUMENT_BYTES = 1_000_000;

export type LegacyAuthor = {
  name: string;
  position: string;
  location: string;
  competences: string[];
  fieldOfExpertise: string;
  workExperience: string;
};

export type LegacyDocument = {
  /** The publication date as YYYY-MM-DD. */
  date: string;
  title: string;
  lead: string;
  body: RichTextDocument;
  language: 'en' | 'ru';
  original: { outlet: string; url: string } | null;
  source: { title: string; url: string } | null;
  /** Terms of a "Topics:" line, when the document has one. */
  topics: string[];
  authors: LegacyAuthor[];
};

export type LegacyParseResult = { ok: true; document: LegacyDocument } | { ok: false; reason: string };

type Refusal = { ok: false; reason: string };
const refuse = (reason: string): Refusal => ({ ok: false, reason });

// ---------------------------------------------------------------------------------------------------------
// Labels, lowercase; any run of whitespace in a document matches the single space here.

const AUTHORS_HEADINGS = ['author', 'authors', 'about the author', 'about the authors', 'автор', 'авторы', 'об авторе', 'об авторах'];

const METADATA_LABELS = {
  original: ['original publication', 'originally published', 'первоначальная публикация', 'оригинальная публикация', 'оригинал публикации'],
  source: ['source', 'источник'],
  topics: ['topics', 'topic', 'tags', 'темы', 'тема', 'теги'],
} as const;

const AUTHOR_LABELS = {
  position: ['position', 'должность'],
  location: ['location', 'местоположение', 'местонахождение', 'локация', 'город'],
  competences: ['competences', 'competencies', 'competence', 'компетенции', 'компетенция'],
  fieldOfExpertise: ['field of expertise', 'expertise', 'область экспертизы', 'сфера экспертизы', 'экспертиза'],
  workExperience: ['work experience', 'experience', 'опыт работы', 'опыт'],
} as const;

type MetadataKey = keyof typeof METADATA_LABELS;
type AuthorField = keyof typeof AUTHOR_LABELS;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text without a trailing run of these characters; a loop, since `[…]+$` is quadratic on long runs. */
function trimEndOf(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/** One alternation of labels, longest first so "work experience" wins over "experience". */
function labelPattern(labels: readonly string[]): string {
  return [...labels]
    .sort((a, b) => b.length - a.length)
    .map((label) => escapeRegExp(label).replace(/ /g, '\\s+'))
    .join('|');
}

/**
 * `**Label:** value`, `*Label* value`, `Label: value`: the label must be set off by emphasis or a colon
 * (so "Sources say..." stays prose); a bare label followed directly by a link or web address counts too.
 */
function labelMatcher(labels: readonly string[]): (line: string) => string | null {
  const pattern = labelPattern(labels);
  const emphasised = new RegExp(`^(\\*{1,3}|_{1,3})\\s*(?:${pattern})\\s*:?\\s*\\1\\s*:?\\s*(.*)$`, 'iu');
  const withColon = new RegExp(`^(?:${pattern})\\s*:\\s*(.*)$`, 'iu');
  const beforeLink = new RegExp(`^(?:${pattern})\\s+((?:\\[|<?https?://).*)$`, 'iu');
  return (line) => {
    const emphasisedMatch = emphasised.exec(line);
    if (emphasisedMatch) return emphasisedMatch[2]!.trim();
    const match = withColon.exec(line) ?? beforeLink.exec(line);
    return match ? match[1]!.trim() : null;
  };
}

const metadataMatchers = Object.entries(METADATA_LABELS).map(([key, labels]) => [key as MetadataKey, labelMatcher(labels)] as const);
const authorFieldMatchers = Object.entries(AUTHOR_LABELS).map(([key, labels]) => [key as AuthorField, labelMatcher(labels)] as const);
const authorsHeading = new RegExp(`^(?:#{1,6}\\s*(?:${labelPattern(AUTHORS_HEADINGS)})\\s*:?\\s*#*|(\\*\\*|__)\\s*(?:${labelPattern(AUTHORS_HEADINGS)})\\s*:?\\s*\\1)$`, 'iu');

function matchLabelled<Key extends string>(line: string, matchers: readonly (readonly [Key, (line: string) => string | null])[]): { key: Key; value: string } | null {
  for (const [key, match] of matchers) {
    const value = match(line);
    if (value !== null) return { key, value };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Inline Markdown: **bold**, __bold__, *italic*, _italic_, [text](url), <https://...>, backslash escapes.

const SAFE_HREF = /^(https?:\/\/|mailto:)\S+$/i;
const WEB_URL = /^https?:\/\/[^\s]+$/i;
// Link text stops at any bracket and an autolink at any '<', so scans from successive openers never overlap.
const LINK_AT = /^\[([^[\]]*)\]\(\s*<?([^()\s<>]*)>?(?:\s+"[^"]*")?\s*\)/;
const AUTOLINK_AT = /^<(https?:\/\/[^\s<>]+)>/i;

function sameMarks(a: Mark[] = [], b: Mark[] = []): boolean {
  return a.length === b.length && a.every((mark, index) => {
    const other = b[index]!;
    return mark.type === other.type && (mark.type !== 'link' || (other.type === 'link' && mark.attrs.href === other.attrs.href));
  });
}

function pushText(nodes: InlineNode[], text: string, marks: Mark[]): void {
  if (!text) return;
  const last = nodes.at(-1);
  if (last?.type === 'text' && sameMarks(last.marks, marks)) {
    last.text += text;
  } else {
    nodes.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
  }
}

// Emphasis nests at most this deep, so no paragraph, however malformed, needs a deep stack.
const MAX_INLINE_DEPTH = 6;

/** The first run of exactly `delimiter` after `inner` that can close emphasis, or -1. */
function scanForCloser(text: string, inner: number, delimiter: string): number {
  const char = delimiter[0]!;
  for (let index = text.indexOf(char, inner + 1); index !== -1; index = text.indexOf(char, index + 1)) {
    let end = index;
    while (text[end] === char) end += 1;
    // An underscore inside a word (snake_case) is not emphasis.
    const inWord = char === '_' && /[\p{L}\p{N}]/u.test(text[end] ?? '');
    if (end - index === delimiter.length && !/\s/.test(text[index - 1]!) && !inWord) return index;
    index = end - 1;
  }
  return -1;
}

/**
 * Where emphasis opened at `start` closes, or -1; delimiters hug their text, as in Markdown. Openers are met
 * left to right, so the last answer for a delimiter stands until the search passes it: linear time overall.
 */
function emphasisCloser(text: string): (start: number, delimiter: string) => number {
  const last = new Map<string, { from: number; at: number }>();
  return (start, delimiter) => {
    const inner = start + delimiter.length;
    if (inner >= text.length || /\s/.test(text[inner]!)) return -1;
    const known = last.get(delimiter);
    if (known && known.from <= inner && (known.at === -1 || known.at > inner)) return known.at;
    const at = scanForCloser(text, inner, delimiter);
    last.set(delimiter, { from: inner, at });
    return at;
  };
}

function parseInline(text: string, marks: Mark[] = [], nodes: InlineNode[] = []): InlineNode[] {
  let literal = '';
  const flush = () => {
    pushText(nodes, literal, marks);
    literal = '';
  };
  const nested = marks.length < MAX_INLINE_DEPTH;
  const closerOf = emphasisCloser(text);
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\\' && /^[\\`*_{}[\]()#+\-.!<>"]/.test(text[index + 1] ?? '')) {
      literal += text[index + 1];
      index += 2;
      continue;
    }
    if ((char === '*' || char === '_') && nested) {
      const delimiter = text[index + 1] === char ? char + char : char;
      const wordBefore = char === '_' && /[\p{L}\p{N}]/u.test(text[index - 1] ?? '');
      const close = wordBefore ? -1 : closerOf(index, delimiter);
      if (close !== -1) {
        flush();
        const mark: Mark = { type: delimiter.length === 2 ? 'bold' : 'italic' };
        parseInline(text.slice(index + delimiter.length, close), [...marks, mark], nodes);
        index = close + delimiter.length;
        continue;
      }
    }
    const link = char === '[' && nested ? LINK_AT.exec(text.slice(index)) : null;
    if (link) {
      flush();
      const href = link[2]!;
      parseInline(link[1]!, SAFE_HREF.test(href) ? [...marks, { type: 'link', attrs: { href } }] : marks, nodes);
      index += link[0].length;
      continue;
    }
    const autolink = char === '<' ? AUTOLINK_AT.exec(text.slice(index)) : null;
    if (autolink) {
      flush();
      pushText(nodes, autolink[1]!, [...marks, { type: 'link', attrs: { href: autolink[1]! } }]);
      index += autolink[0].length;
      continue;
    }
    literal += char;
    index += 1;
  }
  flush();
  return nodes;
}

/** The text of inline Markdown without its markup, whitespace collapsed. */
function plain(text: string): string {
  return parseInline(text)
    .map((node) => (node.type === 'text' ? node.text : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------------------
// Sentences, paragraphs and run-in subheads

const QUOTE_OPENERS = '“"«„';
const MAX_RUN_IN_WORDS = 6;
const wordCount = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

/** Whether the text ends a sentence (or introduces something, with a colon), ignoring closing quotes and markup. */
function endsSentence(text: string): boolean {
  const core = trimEndOf(text, ' ”"»’\')]*_');
  return core === '' || /[.!?…:;]$/u.test(core);
}

const startsLowercase = (text: string) => /^[\s“"«„'‘*_([]*\p{Ll}/u.test(text);
const startsUppercase = (text: string) => /^[*_[]*[\p{Lu}\p{N}]/u.test(text);

/** A short phrase closed by a colon at the start of a paragraph ("Why it matters:"), bold or not. */
function splitRunIn(text: string): { phrase: string; rest: string } | null {
  const bold = /^(\*\*|__)([^*_]+?)(:?)\1(:?)\s*(\S[\s\S]*)$/u.exec(text);
  if (bold && (bold[3] || bold[4]) && wordCount(bold[2]!) <= MAX_RUN_IN_WORDS) {
    return { phrase: `${bold[2]!.trim()}:`, rest: bold[5]! };
  }
  const bare = /^([\p{Lu}\p{N}][^:.!?;,“”"«»„()[\]*_\n]{0,60}):\s+(\S[\s\S]*)$/u.exec(text);
  // The text after the colon starts a sentence; "He said: “…”" is speech, not a subhead.
  if (bare && wordCount(bare[1]!) <= MAX_RUN_IN_WORDS && startsUppercase(bare[2]!)) {
    return { phrase: `${bare[1]!.trim()}:`, rest: bare[2]! };
  }
  return null;
}

const isBareSubhead = (text: string) => text.length <= 100 && /:\**$/.test(text) && wordCount(text) <= MAX_RUN_IN_WORDS && splitRunIn(`${text} X`) !== null;

/**
 * Whether `next` continues `previous`: the export breaks some paragraphs mid-sentence. The previous one must
 * not end a sentence, and either the next starts in lowercase or the previous is long enough not to be a
 * heading-like line. A subhead alone on its line joins the paragraph it heads.
 */
function continues(previous: string, next: string): boolean {
  if (isBareSubhead(previous)) return true;
  if (endsSentence(previous) || splitRunIn(next)) return false;
  return startsLowercase(next) || wordCount(previous) > MAX_RUN_IN_WORDS;
}

function paragraph(text: string): ParagraphNode {
  const content = parseInline(text);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function proseBlock(text: string): BlockNode {
  if (QUOTE_OPENERS.includes(text[0]!)) return { type: 'blockquote', content: [paragraph(text)] };
  const runIn = splitRunIn(text);
  if (!runIn) return paragraph(text);
  return { type: 'paragraph', content: parseInline(` ${runIn.rest}`, [], [{ type: 'text', text: runIn.phrase, marks: [{ type: 'bold' }] }]) };
}

// ---------------------------------------------------------------------------------------------------------
// Body blocks

type RawBlock = { kind: 'prose'; text: string } | { kind: 'node'; node: BlockNode };

const HEADING = /^(#{1,6}) (.*)$/;

/** A heading line's level and text, without the optional closing hashes ("## Title ##"). */
function readHeading(line: string): { level: number; text: string } | null {
  const match = HEADING.exec(line);
  if (!match) return null;
  const withoutHashes = trimEndOf(match[2]!, '#');
  return { level: match[1]!.length, text: withoutHashes === '' || withoutHashes.endsWith(' ') ? withoutHashes.trim() : match[2]! };
}
const RULE = /^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const BULLET = /^[-*•]\s+/;
const NUMBERED = /^(\d{1,3})[.)]\s+/;

function listItems(lines: string[], marker: RegExp): ListItemNode[] {
  const items: string[] = [];
  for (const line of lines) {
    if (marker.test(line)) items.push(line.replace(marker, ''));
    else items[items.length - 1] += ` ${line}`;
  }
  return items.map((item) => ({ type: 'listItem', content: [paragraph(item)] }));
}

function quoteBlock(lines: string[]): BlockNode {
  const paragraphs: string[][] = [[]];
  for (const line of lines.map((quoted) => quoted.replace(/^>\s?/, '').trim())) {
    if (line) paragraphs.at(-1)!.push(line);
    else paragraphs.push([]);
  }
  return { type: 'blockquote', content: paragraphs.filter((words) => words.length > 0).map((words) => paragraph(words.join(' '))) };
}

function toRawBlock(lines: string[]): RawBlock {
  const first = lines[0]!;
  const heading = lines.length === 1 ? readHeading(first) : null;
  if (heading) {
    const content = parseInline(heading.text);
    return { kind: 'node', node: { type: 'heading', attrs: { level: heading.level >= 3 ? 3 : 2 }, ...(content.length > 0 ? { content } : {}) } };
  }
  if (lines.length === 1 && RULE.test(first)) return { kind: 'node', node: { type: 'horizontalRule' } };
  if (lines.every((line) => line.startsWith('>'))) return { kind: 'node', node: quoteBlock(lines) };
  if (BULLET.test(first)) return { kind: 'node', node: { type: 'bulletList', content: listItems(lines, BULLET) } };
  const numbered = NUMBERED.exec(first);
  if (numbered) {
    const start = Number(numbered[1]);
    const items = listItems(lines, NUMBERED);
    return { kind: 'node', node: start > 1 ? { type: 'orderedList', attrs: { start }, content: items } : { type: 'orderedList', content: items } };
  }
  return { kind: 'prose', text: lines.join(' ') };
}

function buildBody(blocks: string[][]): RichTextDocument {
  const raw: RawBlock[] = [];
  for (const block of blocks.map(toRawBlock)) {
    const previous = raw.at(-1);
    if (previous?.kind === 'prose' && block.kind === 'prose' && continues(previous.text, block.text)) {
      previous.text = `${previous.text} ${block.text}`;
    } else {
      raw.push(block);
    }
  }
  return { type: 'doc', content: raw.map((block) => (block.kind === 'prose' ? proseBlock(block.text) : block.node)) };
}

// ---------------------------------------------------------------------------------------------------------
// Date, references, authors

type DateLine = { date: string } | { invalid: string } | null;

/** `DD.MM.YY`, `DD.MM.YYYY` (also with slashes) or `YYYY-MM-DD`, optionally in emphasis; two-digit years 00–69 are 20xx. */
function parseDateLine(line: string): DateLine {
  if (line.length > 40) return null;
  const text = line.replace(/^[*_]+|[*_]+$/g, '').trim();
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!dayFirst && !iso) return null;
  const [day, month, rawYear] = dayFirst ? [dayFirst[1]!, dayFirst[2]!, dayFirst[3]!] : [iso![3]!, iso![2]!, iso![1]!];
  const year = rawYear.length === 2 ? (Number(rawYear) < 70 ? 2000 : 1900) + Number(rawYear) : Number(rawYear);
  const date = new Date(Date.UTC(year, Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return { invalid: text };
  return { date: date.toISOString().slice(0, 10) };
}

const GENERIC_LINK_TEXT = /^(link|here|source|ссылка|здесь|источник)$/i;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** A reference line's value: the text of its link (unless generic), the text around it, and its web address. */
function parseReference(value: string): { linkText: string; otherText: string; url: string } {
  const link = /\[([^[\]]*)\]\(\s*<?([^()\s<>]*)>?(?:\s+"[^"]*")?\s*\)/.exec(value);
  const bare = link ? null : /<?(https?:\/\/[^\s>]+)>?/i.exec(value);
  const found = link ?? bare;
  const url = found ? (link ? link[2]! : bare![1]!) : '';
  const around = found ? `${value.slice(0, found.index)} ${value.slice(found.index + found[0].length)}` : value;
  const linkText = link ? plain(link[1]!) : '';
  return {
    linkText: GENERIC_LINK_TEXT.test(linkText) || WEB_URL.test(linkText) ? '' : linkText,
    otherText: trimEndOf(plain(around).replace(/^[\s:,–—-]+/, ''), ' :,–—-'),
    url: WEB_URL.test(url) ? url : '',
  };
}

function splitTerms(value: string): string[] {
  const seen = new Set<string>();
  return plain(value)
    .split(/[,;]/)
    .map((term) => term.trim().replace(/\.$/, '').trim())
    .filter((term) => {
      const key = term.toLocaleLowerCase();
      if (!term || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

const emptyAuthor = (name: string): LegacyAuthor => ({ name, position: '', location: '', competences: [], fieldOfExpertise: '', workExperience: '' });

/** Continues a text field: a broken sentence goes on after a space, a finished one starts a new paragraph. */
function appendParagraph(existing: string, addition: string): string {
  if (!existing) return addition;
  return endsSentence(existing) ? `${existing}\n\n${addition}` : `${existing} ${addition}`;
}

// `**Languages:** …` and other labels the product has no field for.
const UNKNOWN_LABEL = /^(\*{1,3}|_{1,3})[^*_]{1,40}?(?::\1|\1\s*:)/u;

class AuthorsReader {
  readonly authors: LegacyAuthor[] = [];
  private current: LegacyAuthor | null = null;
  /** The field an unlabelled line continues; 'ignored' after a label we do not keep. */
  private lastField: AuthorField | 'ignored' | null = null;

  /** Another AUTHOR heading: the next name starts the next author. */
  endAuthor(): void {
    this.current = null;
    this.lastField = null;
  }

  read(line: string): void {
    const labelled = matchLabelled(line, authorFieldMatchers);
    if (labelled || UNKNOWN_LABEL.test(line)) {
      if (!this.current) return;
      this.lastField = labelled?.key ?? 'ignored';
      if (labelled) this.addToField(labelled.key, labelled.value);
      return;
    }
    const heading = readHeading(line);
    const boldName = /^(\*\*|__)(.+?)\1\s*(?:[,–—-]\s*(.*))?$/.exec(line);
    if (heading || boldName || !this.current) {
      this.current = emptyAuthor(plain(heading?.text ?? boldName?.[2] ?? line));
      this.lastField = null;
      this.authors.push(this.current);
      if (boldName?.[3]) this.current.position = plain(boldName[3]);
      return;
    }
    // An unlabelled line right after the name is the position; after a labelled field, it continues that field.
    if (this.lastField !== 'ignored') this.addToField(this.lastField ?? 'position', line);
  }

  private addToField(field: AuthorField, value: string): void {
    const author = this.current!;
    const text = plain(value);
    if (field === 'competences') author.competences = splitTerms([...author.competences, value].join(', '));
    else if (field === 'position' || field === 'location') author[field] = [author[field], text].filter(Boolean).join(', ');
    else author[field] = appendParagraph(author[field], text);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The document

function detectLanguage(text: string): 'en' | 'ru' {
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return cyrillic > latin ? 'ru' : 'en';
}

function utf8Length(text: string): number {
  // No string of more characters than the limit can be within it in bytes; skip encoding a huge one.
  return text.length > MAX_LEGACY_DOCUMENT_BYTES ? text.length : new TextEncoder().encode(text).length;
}

/** A file's bytes as text, or why it cannot be a legacy document (too large, not UTF-8 text). */
export function decodeLegacyFile(bytes: Uint8Array): { ok: true; text: string } | Refusal {
  if (bytes.length > MAX_LEGACY_DOCUMENT_BYTES) return refuse('The document is larger than 1 MB.');
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return refuse('The document is not UTF-8 text.');
  }
}

/** The top of the document: the date line and the title heading, in either order; where the rest begins. */
function readHead(lines: string[]): { date: string; title: string; next: number } | Refusal {
  let date: string | null = null;
  let title: string | null = null;
  let index = 0;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (!line) continue;
    const dateLine: DateLine = date === null ? parseDateLine(line) : null;
    const heading = title === null && !authorsHeading.test(line) ? readHeading(line) : null;
    if (dateLine && 'invalid' in dateLine) return refuse(`The date line "${dateLine.invalid}" is not a real date (expected DD.MM.YY).`);
    if (dateLine) date = dateLine.date;
    else if (heading && plain(heading.text)) title = plain(heading.text);
    else break;
  }
  if (title === null) return refuse('The document has no title: expected a heading line like "## TITLE" at the top, next to the date.');
  if (date === null) return refuse('The document has no date: expected a line like "23.05.19" (DD.MM.YY) above the title.');
  return { date, title, next: index };
}

export function parseLegacyDocument(text: string): LegacyParseResult {
  if (utf8Length(text) > MAX_LEGACY_DOCUMENT_BYTES) return refuse('The document is larger than 1 MB.');
  // Control characters and U+FFFD (what a decoder puts in place of bytes that are not UTF-8) mean binary data.
  if (/[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/.test(text)) return refuse('The document is not text: it holds binary data or bytes that are not UTF-8.');
  // Runs of spaces, tabs and no-break spaces mean nothing here; collapsing them also keeps every pattern linear.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/).map((line) => line.replace(/\s+/g, ' ').trim());
  if (lines.every((line) => !line)) return refuse('The document is empty.');

  const head = readHead(lines);
  if ('ok' in head) return head;

  const metadata: Partial<Record<MetadataKey, string>> = {};
  const authors = new AuthorsReader();
  const blocks: string[][] = [];
  let block: string[] = [];
  let inAuthors = false;
  const endBlock = () => {
    if (block.length > 0) blocks.push(block);
    block = [];
  };
  for (const line of lines.slice(head.next)) {
    const labelled = line ? matchLabelled(line, metadataMatchers) : null;
    if (labelled) {
      metadata[labelled.key] ??= labelled.value;
      endBlock();
    } else if (authorsHeading.test(line)) {
      endBlock();
      inAuthors = true;
      authors.endAuthor();
    } else if (inAuthors) {
      if (line) authors.read(line);
    } else if (!line || HEADING.test(line)) {
      endBlock();
      if (line) blocks.push([line]);
    } else {
      block.push(line);
    }
  }
  endBlock();

  const leadMatch = blocks[0] ? /^(\*\*|__)((?:(?!\1)[\s\S])+)\1$/.exec(blocks[0].join(' ')) : null;
  const lead = leadMatch ? plain(leadMatch[2]!) : '';
  const body = buildBody(leadMatch ? blocks.slice(1) : blocks);

  const original = metadata.original === undefined ? null : parseReference(metadata.original);
  const source = metadata.source === undefined ? null : parseReference(metadata.source);
  return {
    ok: true,
    document: {
      date: head.date,
      title: head.title,
      lead,
      body,
      language: detectLanguage(`${head.title} ${lead}`),
      // The outlet is the text before the link; a lone link names it by its text or its host.
      original: original ? { outlet: original.otherText || original.linkText || hostOf(original.url), url: original.url } : null,
      // The source is titled by its link's text, else by the text around it.
      source: source ? { title: source.linkText || source.otherText || hostOf(source.url), url: source.url } : null,
      topics: metadata.topics === undefined ? [] : splitTerms(metadata.topics),
      authors: authors.authors.filter((author) => author.name),
    },
  };
}
