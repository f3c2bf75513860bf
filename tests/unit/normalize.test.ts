import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '@/lib/content/normalize';

describe('normalizeDocument', () => {
  it('keeps every allowed node and mark', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Sub' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Why: ', marks: [{ type: 'bold' }] }, { type: 'text', text: 'see', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quote', marks: [{ type: 'italic' }] }] }] },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three' }] }] }] },
        { type: 'image', attrs: { src: '/media/a.jpg', alt: 'A map', caption: 'Fig. 1' } },
        { type: 'horizontalRule' },
      ],
    };
    expect(normalizeDocument(doc)).toEqual(doc);
  });

  it('drops unsafe links and images but keeps their text', () => {
    const result = normalizeDocument({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
        { type: 'image', attrs: { src: 'data:image/svg+xml,<svg onload=alert(1)>', alt: '' } },
      ],
    });
    expect(result).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click' }] }] });
  });

  it('turns unknown nodes into plain paragraphs and ignores non-documents', () => {
    expect(normalizeDocument({ type: 'doc', content: [{ type: 'iframe', content: [{ type: 'text', text: 'inside' }] }] })).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'inside' }] }],
    });
    expect(normalizeDocument('<p>html</p>')).toEqual({ type: 'doc', content: [] });
    expect(normalizeDocument(null)).toEqual({ type: 'doc', content: [] });
  });

  it('limits nesting depth', () => {
    let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
    for (let i = 0; i < 50; i++) node = { type: 'blockquote', content: [node] };
    const json = JSON.stringify(normalizeDocument({ type: 'doc', content: [node] }));
    expect(json.split('blockquote').length - 1).toBeLessThanOrEqual(13);
  });
});
