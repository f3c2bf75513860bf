// "How to cite" an article in Chicago (notes and bibliography, bibliography entry), APA 7 and BibTeX.
// Pure: the same inputs always give the same citations, so the page, its print version and tests agree.

export type CitationSource = {
  title: string;
  /** Display names in byline order, given name first ("Aigerim Sadykova"). */
  authors: string[];
  /** ISO instant of publication; shown as a date in `timeZone`. */
  publishedAt: string;
  /** The article's permanent, absolute address on this site. */
  url: string;
  siteName: string;
  timeZone: string;
  /** The article's slug (ASCII), used for the BibTeX key. */
  slug: string;
};

export type CitationFormat = 'chicago' | 'apa' | 'bibtex';
/** A stretch of citation text; the styles set titles or site names in italics. */
export type CitationRun = { text: string; italic?: boolean };
export type Citation = { format: CitationFormat; label: string; runs: CitationRun[]; text: string };

type PersonName = { given: string; family: string };
type DateParts = { year: string; month: string; monthNumber: number; day: string };

const CHICAGO_MAX_LISTED = 10;
const CHICAGO_LISTED_BEFORE_ET_AL = 7;
const APA_MAX_LISTED = 20;
const APA_LISTED_BEFORE_ELLIPSIS = 19;
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Bylines hold display names only; the last word is taken as the family name, as most citation managers do.
function splitName(name: string): PersonName {
  const words = name.trim().split(/\s+/);
  const family = words.pop() ?? '';
  return { given: words.join(' '), family };
}

function dateParts(iso: string, timeZone: string): DateParts {
  const parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const monthNumber = Number(new Intl.DateTimeFormat('en-US', { month: 'numeric', timeZone }).format(new Date(iso)));
  return { year: part('year'), month: part('month'), monthNumber, day: part('day') };
}

/** Ends a sentence with `mark` unless it already ends with terminal punctuation. */
function terminate(text: string, mark = '.'): string {
  return /[.?!]$/.test(text) ? text : `${text}${mark}`;
}

function joinWithAnd(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}, ${conjunction} ${items.at(-1)}`;
}

function chicagoAuthors(authors: string[]): string {
  const names = authors.map(splitName);
  const inverted = (name: PersonName) => (name.given ? `${name.family}, ${name.given}` : name.family);
  const direct = (name: PersonName) => [name.given, name.family].filter(Boolean).join(' ');
  const [first, ...rest] = names;
  if (!first) return '';
  if (names.length > CHICAGO_MAX_LISTED) {
    return `${[inverted(first), ...rest.slice(0, CHICAGO_LISTED_BEFORE_ET_AL - 1).map(direct)].join(', ')}, et al.`;
  }
  return terminate(rest.length === 0 ? inverted(first) : joinWithAnd([inverted(first), ...rest.map(direct)], 'and'));
}

function chicago(source: CitationSource, date: DateParts): CitationRun[] {
  const authors = chicagoAuthors(source.authors);
  return [
    { text: `${authors ? `${authors} ` : ''}“${terminate(source.title)}” ` },
    { text: source.siteName, italic: true },
    { text: `, ${date.month} ${date.day}, ${date.year}. ${source.url}.` },
  ];
}

function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.split('-').map((part) => `${part.charAt(0).toUpperCase()}.`).join('-'))
    .join(' ');
}

function apaAuthors(authors: string[]): string {
  const formatted = authors.map(splitName).map((name) => (name.given ? `${name.family}, ${initials(name.given)}` : name.family));
  if (formatted.length > APA_MAX_LISTED) {
    return `${formatted.slice(0, APA_LISTED_BEFORE_ELLIPSIS).join(', ')}, . . . ${formatted.at(-1)}`;
  }
  if (formatted.length <= 1) return formatted.join('');
  return `${formatted.slice(0, -1).join(', ')}, & ${formatted.at(-1)}`;
}

// A web-only publication's article: title in italics, site name in roman (APA 7, "webpage on a news website").
function apa(source: CitationSource, date: DateParts): CitationRun[] {
  const published = `(${date.year}, ${date.month} ${date.day}).`;
  const authors = apaAuthors(source.authors);
  if (!authors) {
    return [{ text: terminate(source.title), italic: true }, { text: ` ${published} ${source.siteName}. ${source.url}` }];
  }
  return [
    { text: `${terminate(authors)} ${published} ` },
    { text: terminate(source.title), italic: true },
    { text: ` ${source.siteName}. ${source.url}` },
  ];
}

function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (character) => {
    if (character === '\\') return '\\textbackslash{}';
    if (character === '~') return '\\textasciitilde{}';
    if (character === '^') return '\\textasciicircum{}';
    return `\\${character}`;
  });
}

function asciiWord(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function bibtexKey(source: CitationSource, date: DateParts): string {
  const firstAuthor = source.authors[0];
  const prefix = (firstAuthor ? asciiWord(splitName(firstAuthor).family) : '') || asciiWord(source.siteName) || 'article';
  const titleWord = asciiWord(source.slug.split('-')[0] ?? '');
  return `${prefix}${date.year}${titleWord}`;
}

function bibtex(source: CitationSource, date: DateParts): string {
  const authors = source.authors
    .map(splitName)
    .map((name) => escapeBibtex(name.given ? `${name.family}, ${name.given}` : name.family))
    .join(' and ');
  const isoDate = `${date.year}-${String(date.monthNumber).padStart(2, '0')}-${date.day.padStart(2, '0')}`;
  const fields: [string, string][] = [
    ...(authors ? [['author', `{${authors}}`] as [string, string]] : []),
    // Double braces keep the title's capitals as published.
    ['title', `{{${escapeBibtex(source.title)}}}`],
    ['howpublished', `{${escapeBibtex(source.siteName)}}`],
    ['year', `{${date.year}}`],
    ['month', BIBTEX_MONTHS[date.monthNumber - 1] ?? `{${date.monthNumber}}`],
    ['date', `{${isoDate}}`],
    ['url', `{${source.url}}`],
  ];
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value},`).join('\n');
  return `@misc{${bibtexKey(source, date)},\n${body}\n}`;
}

const plainText = (runs: CitationRun[]) => runs.map((run) => run.text).join('');

/** The article's citations in every offered style, each as styled runs and as plain text. */
export function buildCitations(source: CitationSource): Citation[] {
  const date = dateParts(source.publishedAt, source.timeZone);
  const chicagoRuns = chicago(source, date);
  const apaRuns = apa(source, date);
  const bibtexText = bibtex(source, date);
  return [
    { format: 'chicago', label: 'Chicago', runs: chicagoRuns, text: plainText(chicagoRuns) },
    { format: 'apa', label: 'APA', runs: apaRuns, text: plainText(apaRuns) },
    { format: 'bibtex', label: 'BibTeX', runs: [{ text: bibtexText }], text: bibtexText },
  ];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The citation as HTML with its italics, for pasting into word processors. */
export function citationHtml(runs: CitationRun[]): string {
  return runs
    .map((run) => {
      const text = run.text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
      return run.italic ? `<i>${text}</i>` : text;
    })
    .join('');
}
