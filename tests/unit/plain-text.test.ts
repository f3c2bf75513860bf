import { describe, expect, it } from 'vitest';
import type { ListItemNode, RichTextDocument } from '../../lib/content/document';
import { documentToPlainText } from '../../lib/content/plain-text';

describe('documentToPlainText', () => {
  it('returns an empty string for an empty document', () => {
    expect(documentToPlainText({ type: 'doc', content: [] })).toBe('');
  });

  it('drops marks, keeps the text of every run and separates blocks with a blank line', () => {
    const doc: RichTextDocument = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Why it matters' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'The short version: ', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'read ' },
            {
              type: 'text',
              text: 'our map',
              marks: [{ type: 'link', attrs: { href: 'https://example.org/map' } }, { type: 'italic' }],
            },
            { type: 'text', text: '.' },
          ],
        },
      ],
    };
    expect(documentToPlainText(doc)).toBe('Why it matters\n\nThe short version: read our map.');
  });

  it('turns a hard break into a line break', () => {
    const doc: RichTextDocument = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Almaty' }, { type: 'hardBreak' }, { type: 'text', text: 'Kazakhstan' }],
        },
      ],
    };
    expect(documentToPlainText(doc)).toBe('Almaty\nKazakhstan');
  });

  it('puts each list item on its own line and keeps quoted paragraphs apart', () => {
    const item = (text: string): ListItemNode => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    });
    const doc: RichTextDocument = {
      type: 'doc',
      content: [
        { type: 'bulletList', content: [item('Ports'), item('Ferries')] },
        { type: 'orderedList', attrs: { start: 3 }, content: [item('Customs'), item('Tariffs')] },
        {
          type: 'blockquote',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'First.' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Second.' }] },
          ],
        },
      ],
    };
    expect(documentToPlainText(doc)).toBe('Ports\nFerries\n\nCustoms\nTariffs\n\nFirst.\n\nSecond.');
  });

  it('keeps image captions and skips rules, alt text and empty blocks', () => {
    const doc: RichTextDocument = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] },
        { type: 'image', attrs: { src: '/media/map.jpg', alt: 'A map of the route', caption: 'The route in 2026' } },
        { type: 'image', attrs: { src: '/media/chart.jpg', alt: 'A chart' } },
        { type: 'horizontalRule' },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: '   ' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'After.' }] },
      ],
    };
    expect(documentToPlainText(doc)).toBe('Before.\n\nThe route in 2026\n\nAfter.');
  });

  it('reads Cyrillic text unchanged', () => {
    const doc: RichTextDocument = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Коротко: всё' }] }],
    };
    expect(documentToPlainText(doc)).toBe('Коротко: всё');
  });
});
