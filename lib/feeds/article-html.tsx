import { RichText } from '@/components/content/RichText';
import type { BlockNode, RichTextDocument } from '@/lib/content/document';
import { stripNonXmlCharacters } from './xml-text';

// A feed carries the article body as HTML, rendered by the site's own allowlist renderer. Feed readers show it
// away from the site, so uploaded images (stored as `/media/...`) need absolute addresses.

function withAbsoluteImages(node: BlockNode, siteUrl: string): BlockNode {
  switch (node.type) {
    case 'image':
      return { ...node, attrs: { ...node.attrs, src: new URL(node.attrs.src, `${siteUrl}/`).toString() } };
    case 'blockquote':
      return { ...node, content: node.content.map((child) => withAbsoluteImages(child, siteUrl)) };
    case 'bulletList':
    case 'orderedList':
      return { ...node, content: node.content.map((item) => ({ ...item, content: item.content.map((child) => withAbsoluteImages(child, siteUrl)) })) };
    default:
      return node;
  }
}

export async function renderArticleHtml(document: RichTextDocument, siteUrl: string): Promise<string> {
  // Route handlers are bundled as React Server Components, where a static import of react-dom/server is refused.
  const { renderToStaticMarkup } = await import('react-dom/server');
  const absolute: RichTextDocument = { ...document, content: document.content.map((node) => withAbsoluteImages(node, siteUrl)) };
  return stripNonXmlCharacters(renderToStaticMarkup(<RichText document={absolute} />));
}
