import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '@/lib/content/normalize';
import { decodeLegacyFile, MAX_LEGACY_DOCUMENT_BYTES, parseLegacyDocument, type LegacyDocument } from '@/lib/content/legacy-document';

// Legacy documents written for these tests in the shape of the export in ../shared/seeds/: blank lines
// around the heading, a paragraph broken mid-sentence, run-in subheads without markup, label lines in emphasis.

const authorBlock = (name: string, position: string, location: string, competence: string, expertise: string, experience: string) => [
  '## AUTHOR',
  '',
  '',
  '',
  `**${name}**`,
  '',
  position,
  '',
  `**Location:** ${location}`,
  '',
  `**Competence:** ${competence}`,
  '',
  `**Field of expertise:** ${expertise}`,
  '',
  `**Work experience:** ${experience}`,
  '',
];

const SAMPLE_LINES = [
  '',
  '',
  '14.03.21',
  '',
  '## WHY THE ARCTIC SHIPPING LANES MATTER',
  '',
  '',
  '',
  '**Melting ice is opening a northern route between Asia and Europe, and coastal states are racing to set its rules.**',
  '',
  '“We expect traffic to double within the decade,” a port official said at a briefing in Tromsø.',
  '',
  'Why it matters: Shorter routes cut fuel costs. Insurers, however, remain wary of the risks.',
  '',
  'Last month, regulators published draft rules for ice-class vessels. Shipowners welcomed the draft but asked for',
  '',
  'Clearer guidance on crew training before the rules take effect.',
  '',
  "What's next for the ports: Consultations close in the autumn.",
  '',
  '*Original publication* [northern-review.example](https://northern-review.example/arctic)',
  '',
  '*Source:* [Why the Arctic shipping lanes matter](#)',
  '',
  '',
  '',
  ...authorBlock(
    'Ines Moreau',
    'Senior Fellow',
    'Oslo, Norway',
    'Arctic, Shipping',
    'Ines studies polar shipping and maritime law.',
    'Ines spent ten years at a port authority. She now advises coastal governments.',
  ),
];
const SAMPLE = SAMPLE_LINES.join('\n');

function parsed(text: string): LegacyDocument {
  const result = parseLegacyDocument(text);
  if (!result.ok) throw new Error(`expected the document to parse, got: ${result.reason}`);
  return result.document;
}

function refusal(text: string): string {
  const result = parseLegacyDocument(text);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.reason;
}

const text = (value: string) => ({ type: 'text', text: value });
const bold = (value: string) => ({ type: 'text', text: value, marks: [{ type: 'bold' }] });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
const quote = (value: string) => ({ type: 'blockquote', content: [paragraph(text(value))] });

/** A minimal document around the given body lines. */
const withBody = (...lines: string[]) => ['01.02.20', '## A TITLE', '', '**A lead.**', '', ...lines].join('\n');
const bodyOf = (...lines: string[]) => parsed(withBody(...lines)).body.content;

describe('parseLegacyDocument: the export shape', () => {
  it('maps every part of a document to its field', () => {
    expect(parsed(SAMPLE)).toEqual({
      date: '2021-03-14',
      title: 'WHY THE ARCTIC SHIPPING LANES MATTER',
      lead: 'Melting ice is opening a northern route between Asia and Europe, and coastal states are racing to set its rules.',
      language: 'en',
      body: {
        type: 'doc',
        content: [
          quote('“We expect traffic to double within the decade,” a port official said at a briefing in Tromsø.'),
          paragraph(bold('Why it matters:'), text(' Shorter routes cut fuel costs. Insurers, however, remain wary of the risks.')),
          paragraph(
            text(
              'Last month, regulators published draft rules for ice-class vessels. Shipowners welcomed the draft but asked for Clearer guidance on crew training before the rules take effect.',
            ),
          ),
          paragraph(bold("What's next for the ports:"), text(' Consultations close in the autumn.')),
        ],
      },
      original: { outlet: 'northern-review.example', url: 'https://northern-review.example/arctic' },
      source: { title: 'Why the Arctic shipping lanes matter', url: '' },
      topics: [],
      authors: [
        {
          name: 'Ines Moreau',
          position: 'Senior Fellow',
          location: 'Oslo, Norway',
          competences: ['Arctic', 'Shipping'],
          fieldOfExpertise: 'Ines studies polar shipping and maritime law.',
          workExperience: 'Ines spent ten years at a port authority. She now advises coastal governments.',
        },
      ],
    });
  });

  it('produces a body the document model keeps as it is', () => {
    const { body } = parsed(SAMPLE);
    expect(normalizeDocument(body)).toEqual(body);
  });

  it('reads CRLF and CR line endings, a byte order mark and trailing spaces the same way', () => {
    const expected = parsed(SAMPLE);
    expect(parsed(SAMPLE.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(parsed(SAMPLE.replace(/\n/g, '\r'))).toEqual(expected);
    expect(parsed(`\uFEFF${SAMPLE_LINES.map((line) => `${line}  \t`).join('\n')}`)).toEqual(expected);
  });

  it('is not thrown off by extra blank lines anywhere', () => {
    expect(parsed(SAMPLE_LINES.join('\n\n\n'))).toEqual(parsed(SAMPLE));
  });

  it('joins consecutive lines of one paragraph with a space', () => {
    expect(bodyOf('One paragraph that the export', 'wrapped over two lines.')).toEqual([paragraph(text('One paragraph that the export wrapped over two lines.'))]);
  });
});

describe('parseLegacyDocument: dates', () => {
  const dateOf = (line: string) => parsed(`${line}\n\n## T\n`).date;

  it('reads DD.MM.YY, DD.MM.YYYY, D.M.YYYY, slashes and YYYY-MM-DD', () => {
    expect(dateOf('23.05.19')).toBe('2019-05-23');
    expect(dateOf('23.05.2019')).toBe('2019-05-23');
    expect(dateOf('3.5.2019')).toBe('2019-05-03');
    expect(dateOf('03/05/2019')).toBe('2019-05-03');
    expect(dateOf('2019-05-23')).toBe('2019-05-23');
    expect(dateOf('*23.05.19*')).toBe('2019-05-23');
  });

  it('puts two-digit years from 70 in the 1900s', () => {
    expect(dateOf('01.01.69')).toBe('2069-01-01');
    expect(dateOf('31.12.98')).toBe('1998-12-31');
  });

  it('accepts the date below the title too', () => {
    expect(parsed('## T\n\n05.06.22\n\nBody.').date).toBe('2022-06-05');
  });
});

describe('parseLegacyDocument: body', () => {
  it('turns a short phrase with a colon at the start of a paragraph into a bold run-in subhead', () => {
    expect(bodyOf('Decoding the message: The statement had three parts.')).toEqual([paragraph(bold('Decoding the message:'), text(' The statement had three parts.'))]);
    expect(bodyOf('**Why it matters:** The talks failed.')).toEqual([paragraph(bold('Why it matters:'), text(' The talks failed.'))]);
    expect(bodyOf('**Why it matters**: The talks failed.')).toEqual([paragraph(bold('Why it matters:'), text(' The talks failed.'))]);
  });

  it('joins a subhead standing on its own line to the paragraph below it', () => {
    expect(bodyOf('Why it matters:', '', 'The talks failed.')).toEqual([paragraph(bold('Why it matters:'), text(' The talks failed.'))]);
  });

  it('leaves ordinary sentences with a colon alone', () => {
    const sentences = [
      'The minister said there were several reasons for the delay: Budgets were short.',
      'He said: “We will not sign.”',
      'Note: the figures are preliminary.',
      'At 10:30 the meeting began.',
    ];
    expect(bodyOf(...sentences.flatMap((sentence) => [sentence, '']))).toEqual(sentences.map((sentence) => paragraph(text(sentence))));
  });

  it('makes quote paragraphs and > lines blockquotes', () => {
    expect(bodyOf('"Straight quotes," she said.', '', '«Ёлочки», сказал он.', '', '„Unten“, sagte sie.')).toEqual([
      quote('"Straight quotes," she said.'),
      quote('«Ёлочки», сказал он.'),
      quote('„Unten“, sagte sie.'),
    ]);
    expect(bodyOf('> First line', '> continues.', '>', '> Second paragraph.')).toEqual([
      { type: 'blockquote', content: [paragraph(text('First line continues.')), paragraph(text('Second paragraph.'))] },
    ]);
  });

  it('rejoins paragraphs broken mid-sentence, but not headings or finished sentences', () => {
    expect(bodyOf('The committee met on Tuesday and agreed that the', '', 'proposal needs more work.')).toEqual([
      paragraph(text('The committee met on Tuesday and agreed that the proposal needs more work.')),
    ]);
    // A quote can be broken as well.
    expect(bodyOf('“We will continue the talks as long as', '', 'they are useful,” she said.')).toEqual([quote('“We will continue the talks as long as they are useful,” she said.')]);
    // A short line without punctuation reads as a heading, not as half a sentence.
    expect(bodyOf('Background', '', 'The treaty was signed in 1990.')).toEqual([paragraph(text('Background')), paragraph(text('The treaty was signed in 1990.'))]);
    expect(bodyOf('It ended with a question?', '', 'nobody answered.')).toEqual([paragraph(text('It ended with a question?')), paragraph(text('nobody answered.'))]);
    expect(bodyOf('The ministry listed the reasons as follows:', '', 'Budgets were short.')).toHaveLength(2);
    expect(bodyOf('She called it “a turning point for the whole region.”', '', 'Others disagreed with her.')).toHaveLength(2);
    // A paragraph missing its full stop does not swallow the subhead that follows.
    expect(bodyOf('The talks went on for many hours without any result', '', 'What comes next: More talks.')).toHaveLength(2);
  });

  it('keeps inline emphasis and safe links, and drops unsafe link targets', () => {
    expect(bodyOf('Read *the report* and **the annex** at [the site](https://example.org/r) or [here](javascript:void); snake_case_name stays.')).toEqual([
      paragraph(
        text('Read '),
        { type: 'text', text: 'the report', marks: [{ type: 'italic' }] },
        text(' and '),
        bold('the annex'),
        text(' at '),
        { type: 'text', text: 'the site', marks: [{ type: 'link', attrs: { href: 'https://example.org/r' } }] },
        text(' or here; snake_case_name stays.'),
      ),
    ]);
    expect(bodyOf('Use \\*stars\\* and 5 * 3 = 15, [brackets] too.')).toEqual([paragraph(text('Use *stars* and 5 * 3 = 15, [brackets] too.'))]);
  });

  it('reads headings, lists and rules', () => {
    expect(bodyOf('## Closing hashes ##', '', '## Notes on C#')).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [text('Closing hashes')] },
      { type: 'heading', attrs: { level: 2 }, content: [text('Notes on C#')] },
    ]);
    expect(bodyOf('### Section', '', '- one', '- two', '', '3. three', '4. four', '', '* * *')).toEqual([
      { type: 'heading', attrs: { level: 3 }, content: [text('Section')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('one'))] }, { type: 'listItem', content: [paragraph(text('two'))] }] },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [paragraph(text('three'))] }, { type: 'listItem', content: [paragraph(text('four'))] }] },
      { type: 'horizontalRule' },
    ]);
  });
});

describe('parseLegacyDocument: reference lines', () => {
  const referencesOf = (...lines: string[]) => {
    const { original, source } = parsed(withBody('Body.', '', ...lines));
    return { original, source };
  };

  it('reads the outlet and its address in several spellings', () => {
    expect(referencesOf('Original publication: Northern Review https://northern-review.example/a').original).toEqual({ outlet: 'Northern Review', url: 'https://northern-review.example/a' });
    expect(referencesOf('**Original publication:** Northern Review [link](https://northern-review.example/a)').original).toEqual({ outlet: 'Northern Review', url: 'https://northern-review.example/a' });
    expect(referencesOf('Original publication <https://www.northern-review.example/a>').original).toEqual({ outlet: 'northern-review.example', url: 'https://www.northern-review.example/a' });
    expect(referencesOf('Original publication: Northern Review').original).toEqual({ outlet: 'Northern Review', url: '' });
  });

  it('reads the source title and keeps only a real web address', () => {
    expect(referencesOf('Source: [The report](https://example.org/report)').source).toEqual({ title: 'The report', url: 'https://example.org/report' });
    expect(referencesOf('Source: Annual shipping review').source).toEqual({ title: 'Annual shipping review', url: '' });
    expect(referencesOf('*Source:* [The report](ftp://example.org/report)').source).toEqual({ title: 'The report', url: '' });
  });

  it('is null when the line is missing, and takes the first line when repeated', () => {
    expect(referencesOf()).toEqual({ original: null, source: null });
    expect(referencesOf('Source: First', '', 'Source: Second').source).toEqual({ title: 'First', url: '' });
  });

  it('does not take prose that merely starts with a label word', () => {
    const document = parsed(withBody('Sources say the deal is close.', '', 'Source of the trouble was a leak.'));
    expect(document.source).toBeNull();
    expect(document.body.content).toHaveLength(2);
  });

  it('reads a Topics line', () => {
    expect(parsed(withBody('Body.', '', 'Topics: Arctic; shipping, Arctic')).topics).toEqual(['Arctic', 'shipping']);
  });
});

describe('parseLegacyDocument: authors', () => {
  it('reads co-authors from several AUTHOR blocks', () => {
    const document = parsed(
      [
        ...SAMPLE_LINES.slice(0, SAMPLE_LINES.indexOf('## AUTHOR')),
        ...authorBlock('Ines Moreau', 'Senior Fellow', 'Oslo, Norway', 'Arctic', 'Polar shipping.', 'Port authority.'),
        ...authorBlock('Tomás Rivera', 'Fellow', 'Lisbon, Portugal', 'Shipping; Ports', 'Maritime economics.', 'A shipping line.'),
      ].join('\n'),
    );
    expect(document.authors.map((author) => [author.name, author.position, author.competences])).toEqual([
      ['Ines Moreau', 'Senior Fellow', ['Arctic']],
      ['Tomás Rivera', 'Fellow', ['Shipping', 'Ports']],
    ]);
  });

  it('reads co-authors listed one after another under one AUTHORS heading, with plain labels', () => {
    const document = parsed(withBody('Body.', '', '## AUTHORS', '**Ann Lee**', 'Fellow', 'Location: Seoul', 'COMPETENCE: Korea', '**Bo Park** — Senior Fellow', 'location: Busan'));
    expect(document.authors).toEqual([
      { name: 'Ann Lee', position: 'Fellow', location: 'Seoul', competences: ['Korea'], fieldOfExpertise: '', workExperience: '' },
      { name: 'Bo Park', position: 'Senior Fellow', location: 'Busan', competences: [], fieldOfExpertise: '', workExperience: '' },
    ]);
  });

  it('leaves missing profile lines empty', () => {
    expect(parsed(withBody('Body.', '', '## AUTHOR', '', '**Guest Writer**')).authors).toEqual([
      { name: 'Guest Writer', position: '', location: '', competences: [], fieldOfExpertise: '', workExperience: '' },
    ]);
  });

  it('continues a field over following lines and skips labels it has no field for', () => {
    const document = parsed(
      withBody(
        'Body.',
        '',
        '## AUTHOR',
        '**Ann Lee**',
        '**Work experience:** Ann worked at a bank.',
        '',
        'She then joined the institute, where she leads',
        '',
        'the Asia programme.',
        '**Languages:** Korean, English',
        'Also some Japanese.',
        '**Location:** Seoul',
      ),
    );
    expect(document.authors[0]).toMatchObject({
      workExperience: 'Ann worked at a bank.\n\nShe then joined the institute, where she leads the Asia programme.',
      location: 'Seoul',
      position: '',
    });
  });

  it('reads reference lines that come after the author block', () => {
    const document = parsed(withBody('Body.', '', '## AUTHOR', '**Ann Lee**', 'Fellow', '', 'Source: The yearbook'));
    expect(document.source).toEqual({ title: 'The yearbook', url: '' });
    expect(document.authors[0]!.position).toBe('Fellow');
  });

  it('has no authors when the AUTHOR block is missing', () => {
    expect(parsed(withBody('Body.')).authors).toEqual([]);
  });
});

describe('parseLegacyDocument: other scripts', () => {
  it('reads a Russian document with Russian labels', () => {
    const document = parsed(
      [
        '07.11.2023',
        '',
        '## ПОЧЕМУ СЕВЕРНЫЙ МОРСКОЙ ПУТЬ ВАЖЕН',
        '',
        '**Таяние льда открывает новый маршрут между Азией и Европой.**',
        '',
        'Почему это важно: Короткий путь снижает расходы на топливо.',
        '',
        'Судовладельцы приветствовали проект, но попросили',
        '',
        'уточнить требования к экипажам.',
        '',
        '«Мы ожидаем роста перевозок», — сказал представитель порта.',
        '',
        '*Оригинальная публикация:* [Северное обозрение](https://sever.example/article)',
        '',
        '*Источник:* [Почему Северный морской путь важен](#)',
        '',
        '## АВТОР',
        '',
        '**Анна Смирнова**',
        '',
        'Старший научный сотрудник',
        '',
        '**Местоположение:** Мурманск, Россия',
        '',
        '**Компетенции:** Арктика, Судоходство',
        '',
        '**Область экспертизы:** Морское право.',
        '',
        '**Опыт работы:** Десять лет в администрации порта.',
      ].join('\n'),
    );
    expect(document).toMatchObject({
      date: '2023-11-07',
      title: 'ПОЧЕМУ СЕВЕРНЫЙ МОРСКОЙ ПУТЬ ВАЖЕН',
      lead: 'Таяние льда открывает новый маршрут между Азией и Европой.',
      language: 'ru',
      original: { outlet: 'Северное обозрение', url: 'https://sever.example/article' },
      source: { title: 'Почему Северный морской путь важен', url: '' },
      authors: [
        {
          name: 'Анна Смирнова',
          position: 'Старший научный сотрудник',
          location: 'Мурманск, Россия',
          competences: ['Арктика', 'Судоходство'],
          fieldOfExpertise: 'Морское право.',
          workExperience: 'Десять лет в администрации порта.',
        },
      ],
    });
    expect(document.body.content).toEqual([
      paragraph(bold('Почему это важно:'), text(' Короткий путь снижает расходы на топливо.')),
      paragraph(text('Судовладельцы приветствовали проект, но попросили уточнить требования к экипажам.')),
      quote('«Мы ожидаем роста перевозок», — сказал представитель порта.'),
    ]);
  });
});

describe('parseLegacyDocument: refusals', () => {
  it('refuses an empty document', () => {
    expect(refusal('')).toMatch(/empty/);
    expect(refusal(' \n\r\n\t\n')).toMatch(/empty/);
  });

  it('refuses a document without a title or without a date, saying which', () => {
    expect(refusal('23.05.19\n\n**Only a lead.**\n\nBody.')).toMatch(/no title/);
    expect(refusal('## A TITLE\n\n**A lead.**')).toMatch(/no date/);
    expect(refusal('Some introduction.\n\n23.05.19\n\n## A TITLE')).toMatch(/no title/);
    // "## AUTHOR" is the author block, not a title.
    expect(refusal('23.05.19\n\n## AUTHOR\n\n**Ann Lee**')).toMatch(/no title/);
  });

  it('refuses a date that does not exist', () => {
    expect(refusal('31.02.19\n\n## A TITLE')).toMatch(/"31.02.19" is not a real date/);
    expect(refusal('12.13.2019\n\n## A TITLE')).toMatch(/not a real date/);
  });

  it('refuses binary data and text that was not UTF-8', () => {
    expect(refusal(`23.05.19\n\n## A TITLE\n\nPNG\u0000\u0001\u0002`)).toMatch(/not text/);
    expect(refusal(`23.05.19\n\n## A TITLE\n\nCaf\uFFFD`)).toMatch(/not text/);
  });

  it('refuses a document over 1 MB', () => {
    const body = 'x'.repeat(MAX_LEGACY_DOCUMENT_BYTES);
    expect(refusal(`23.05.19\n\n## A TITLE\n\n${body}`)).toMatch(/larger than 1 MB/);
    // Counted in UTF-8 bytes: Cyrillic letters take two each.
    expect(refusal(`23.05.19\n\n## A TITLE\n\n${'ж'.repeat(MAX_LEGACY_DOCUMENT_BYTES / 2)}`)).toMatch(/larger than 1 MB/);
  });
});

describe('parseLegacyDocument: malformed markup', () => {
  it('reads a near-1 MB paragraph dense with emphasis, brackets and angle brackets in linear time', () => {
    const started = performance.now();
    const document = parsed(withBody('*a _b **c [d](e <f ['.repeat(45_000)));
    // Quadratic scanning took minutes here; linear takes about a second on a slow machine.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(document.body.content).toHaveLength(1);
  });

  it('reads long runs of one character in linear time', () => {
    const run = 300_000;
    const started = performance.now();
    for (const line of [`a${')'.repeat(run)}x`, `# a${'#'.repeat(run)}x`, `${':'.repeat(run)}${'*'.repeat(run)}x`, `Source: a${':-'.repeat(run / 2)}x`, `a${' '.repeat(run)}x`]) {
      parsed(withBody(line));
    }
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('stops nesting emphasis at a fixed depth instead of exhausting the stack', () => {
    const deep = `${'*_'.repeat(30_000)}x${'_*'.repeat(30_000)}`;
    expect(() => parsed(withBody(deep))).not.toThrow();
  });
});

describe('decodeLegacyFile', () => {
  it('decodes UTF-8 and refuses other bytes or a file over 1 MB', () => {
    expect(decodeLegacyFile(new TextEncoder().encode('## Заголовок'))).toEqual({ ok: true, text: '## Заголовок' });
    expect(decodeLegacyFile(new Uint8Array([0x23, 0x20, 0xff, 0xfe]))).toEqual({ ok: false, reason: 'The document is not UTF-8 text.' });
    expect(decodeLegacyFile(new Uint8Array(MAX_LEGACY_DOCUMENT_BYTES + 1))).toEqual({ ok: false, reason: 'The document is larger than 1 MB.' });
  });
});
