import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RichText } from '@/components/content/RichText';
import { normalizeDocument } from '@/lib/content/normalize';

const render = (doc: unknown) => renderToStaticMarkup(<RichText document={normalizeDocument(doc)} />);

describe('RichText', () => {
  it('renders the allowed nodes as their HTML elements', () => {
    const html = render({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Why it matters: ', marks: [{ type: 'bold' }] }, { type: 'text', text: 'text' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'out', marks: [{ type: 'link', attrs: { href: 'https://example.org/x' } }] }] },
      ],
    });
    expect(html).toBe(
      '<p><strong>Why it matters: </strong>text</p><ul><li><p>one</p></li></ul><p><a href="https://example.org/x" rel="noopener noreferrer">out</a></p>',
    );
  });

  it('escapes text instead of interpreting it as markup', () => {
    const html = render({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>' }] }] });
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});
