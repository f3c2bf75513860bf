import { describe, expect, it } from 'vitest';
import { buildCitations, citationHtml, type Citation, type CitationFormat, type CitationSource } from '../../lib/seo/citation';

const source: CitationSource = {
  title: 'The Middle Corridor Needs Fewer Summits and More Railcars',
  authors: ['Aigerim Sadykova', 'Tamar Gelashvili', 'Haruka Ishida'],
  publishedAt: '2026-10-14T06:00:00.000Z',
  url: 'https://dispatch.example/articles/middle-corridor-needs-railcars',
  siteName: 'Dispatch',
  timeZone: 'UTC',
  slug: 'middle-corridor-needs-railcars',
};

function citation(format: CitationFormat, overrides: Partial<CitationSource> = {}): Citation {
  const found = buildCitations({ ...source, ...overrides }).find((candidate) => candidate.format === format);
  if (!found) throw new Error(`no ${format} citation`);
  return found;
}

describe('buildCitations', () => {
  it('offers Chicago, APA and BibTeX, in that order', () => {
    expect(buildCitations(source).map((entry) => entry.label)).toEqual(['Chicago', 'APA', 'BibTeX']);
  });

  it('writes a Chicago bibliography entry: first author inverted, title in quotes, site in italics, date, URL', () => {
    const chicago = citation('chicago');
    expect(chicago.text).toBe(
      'Sadykova, Aigerim, Tamar Gelashvili, and Haruka Ishida. “The Middle Corridor Needs Fewer Summits and More Railcars.” Dispatch, October 14, 2026. https://dispatch.example/articles/middle-corridor-needs-railcars.',
    );
    expect(chicago.runs.filter((run) => run.italic).map((run) => run.text)).toEqual(['Dispatch']);
  });

  it('lists one or two Chicago authors with the serial comma and shortens more than ten to seven and et al.', () => {
    expect(citation('chicago', { authors: ['Oksana Levchuk'] }).text).toMatch(/^Levchuk, Oksana\. “/);
    expect(citation('chicago', { authors: ['Oksana Levchuk', 'Leila Haddad'] }).text).toMatch(/^Levchuk, Oksana, and Leila Haddad\. “/);
    const eleven = Array.from({ length: 11 }, (_, index) => `Author Number${index + 1}`);
    expect(citation('chicago', { authors: eleven }).text).toMatch(/^Number1, Author, Author Number2, .*Author Number7, et al\. “/);
  });

  it('keeps a question mark that ends the title instead of adding a period', () => {
    expect(citation('chicago', { title: 'Who Pays for the Grid?' }).text).toContain('“Who Pays for the Grid?” Dispatch');
    expect(citation('apa', { title: 'Who Pays for the Grid?' }).text).toContain('Who Pays for the Grid? Dispatch.');
  });

  it('writes APA 7: initials, ampersand, date in parentheses, title in italics, no period after the URL', () => {
    const apa = citation('apa');
    expect(apa.text).toBe(
      'Sadykova, A., Gelashvili, T., & Ishida, H. (2026, October 14). The Middle Corridor Needs Fewer Summits and More Railcars. Dispatch. https://dispatch.example/articles/middle-corridor-needs-railcars',
    );
    expect(apa.runs.filter((run) => run.italic).map((run) => run.text)).toEqual(['The Middle Corridor Needs Fewer Summits and More Railcars.']);
  });

  it('abbreviates every given name and hyphenated names in APA', () => {
    expect(citation('apa', { authors: ['Jean-Paul Anne Sartre'] }).text).toMatch(/^Sartre, J\.-P\. A\. \(2026/);
  });

  it('moves the title to the front when an article has no authors', () => {
    expect(citation('chicago', { authors: [] }).text).toMatch(/^“The Middle Corridor/);
    expect(citation('apa', { authors: [] }).text).toMatch(/^The Middle Corridor Needs Fewer Summits and More Railcars\. \(2026, October 14\)\. Dispatch\./);
    expect(citation('bibtex', { authors: [] }).text).not.toContain('author');
  });

  it('dates the citation in the site time zone', () => {
    const late = { publishedAt: '2026-10-14T23:30:00.000Z' };
    expect(citation('chicago', { ...late, timeZone: 'UTC' }).text).toContain('October 14, 2026');
    expect(citation('chicago', { ...late, timeZone: 'Asia/Almaty' }).text).toContain('October 15, 2026');
    expect(citation('bibtex', { ...late, timeZone: 'Asia/Almaty' }).text).toContain('date         = {2026-10-15},');
  });

  it('writes a BibTeX @misc entry with a readable key, protected title capitals and the URL', () => {
    expect(citation('bibtex').text).toBe(
      [
        '@misc{sadykova2026middle,',
        '  author       = {Sadykova, Aigerim and Gelashvili, Tamar and Ishida, Haruka},',
        '  title        = {{The Middle Corridor Needs Fewer Summits and More Railcars}},',
        '  howpublished = {Dispatch},',
        '  year         = {2026},',
        '  month        = oct,',
        '  date         = {2026-10-14},',
        '  url          = {https://dispatch.example/articles/middle-corridor-needs-railcars},',
        '}',
      ].join('\n'),
    );
  });

  it('escapes TeX specials in BibTeX and keeps its key ASCII for accented and Cyrillic names', () => {
    const bibtex = citation('bibtex', { title: 'Oil & Gas: 50% {Less} $ #1 under_score ~ ^ \\', authors: ['Gunel Həsənova'] }).text;
    expect(bibtex).toContain('title        = {{Oil \\& Gas: 50\\% \\{Less\\} \\$ \\#1 under\\_score \\textasciitilde{} \\textasciicircum{} \\textbackslash{}}},');
    expect(bibtex).toMatch(/^@misc\{hsnova2026middle,/);
    expect(citation('bibtex', { authors: ['Шохрух Турсунов'] }).text).toMatch(/^@misc\{dispatch2026middle,/);
  });
});

describe('citationHtml', () => {
  it('escapes the text and sets italic runs in <i>', () => {
    expect(citationHtml([{ text: 'A <b> & "B" ' }, { text: 'Site', italic: true }])).toBe('A &lt;b&gt; &amp; &quot;B&quot; <i>Site</i>');
  });
});
