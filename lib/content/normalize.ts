import type { BlockNode, HeadingNode, InlineNode, ListItemNode, Mark, ParagraphNode, RichTextDocument } from './document';

// Reduces any JSON to the allowed document model: unknown nodes keep only their text, unknown marks and
// attributes are dropped, links keep only http(s) and mailto targets.

type UnknownNode = { type?: unknown; text?: unknown; marks?: unknown; attrs?: unknown; content?: unknown };

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
const SAFE_IMAGE = /^(https?:\/\/|\/media\/)/i;
const MAX_DEPTH = 12;

function asNode(value: unknown): UnknownNode | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as UnknownNode) : null;
}

function children(node: UnknownNode): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

function attr(node: UnknownNode, name: string): unknown {
  const attrs = asNode(node.attrs) as Record<string, unknown> | null;
  return attrs?.[name];
}

export function safeLinkHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const href = value.trim();
  return SAFE_LINK.test(href) ? href : null;
}

function normalizeMarks(value: unknown): Mark[] {
  if (!Array.isArray(value)) return [];
  const marks: Mark[] = [];
  for (const item of value) {
    const mark = asNode(item);
    if (mark?.type === 'bold' || mark?.type === 'italic') marks.push({ type: mark.type });
    if (mark?.type === 'link') {
      const href = safeLinkHref(attr(mark, 'href'));
      if (href) marks.push({ type: 'link', attrs: { href } });
    }
  }
  return marks;
}

function plainText(node: UnknownNode, depth: number): string {
  if (depth > MAX_DEPTH) return '';
  if (typeof node.text === 'string') return node.text;
  return children(node)
    .map((child) => {
      const inner = asNode(child);
      return inner ? plainText(inner, depth + 1) : '';
    })
    .join('');
}

function normalizeInline(values: unknown[], depth: number): InlineNode[] {
  const result: InlineNode[] = [];
  for (const value of values) {
    const node = asNode(value);
    if (!node) continue;
    if (node.type === 'hardBreak') {
      result.push({ type: 'hardBreak' });
    } else if (node.type === 'text' && typeof node.text === 'string' && node.text.length > 0) {
      const marks = normalizeMarks(node.marks);
      result.push(marks.length > 0 ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text });
    } else {
      const text = plainText(node, depth + 1);
      if (text) result.push({ type: 'text', text });
    }
  }
  return result;
}

function withInline<T extends ParagraphNode | HeadingNode>(node: T, content: InlineNode[]): T {
  return content.length > 0 ? { ...node, content } : node;
}

function normalizeListItems(values: unknown[], depth: number): ListItemNode[] {
  return values.flatMap((value) => {
    const node = asNode(value);
    if (!node) return [];
    const content = normalizeBlocks(node.type === 'listItem' ? children(node) : [node], depth + 1);
    return content.length > 0 ? [{ type: 'listItem' as const, content }] : [];
  });
}

function normalizeBlock(node: UnknownNode, depth: number): BlockNode[] {
  switch (node.type) {
    case 'paragraph':
      return [withInline<ParagraphNode>({ type: 'paragraph' }, normalizeInline(children(node), depth))];
    case 'heading': {
      const level = attr(node, 'level') === 3 ? 3 : 2;
      return [withInline<HeadingNode>({ type: 'heading', attrs: { level } }, normalizeInline(children(node), depth))];
    }
    case 'blockquote': {
      const content = normalizeBlocks(children(node), depth + 1);
      return content.length > 0 ? [{ type: 'blockquote', content }] : [];
    }
    case 'bulletList':
    case 'orderedList': {
      const items = normalizeListItems(children(node), depth);
      if (items.length === 0) return [];
      if (node.type === 'bulletList') return [{ type: 'bulletList', content: items }];
      const start = attr(node, 'start');
      return [
        typeof start === 'number' && Number.isInteger(start) && start > 1
          ? { type: 'orderedList', attrs: { start }, content: items }
          : { type: 'orderedList', content: items },
      ];
    }
    case 'image': {
      const src = attr(node, 'src');
      if (typeof src !== 'string' || !SAFE_IMAGE.test(src.trim())) return [];
      const alt = attr(node, 'alt');
      const caption = attr(node, 'caption');
      return [{
        type: 'image',
        attrs: {
          src: src.trim(),
          alt: typeof alt === 'string' ? alt : '',
          ...(typeof caption === 'string' && caption.trim() ? { caption } : {}),
        },
      }];
    }
    case 'horizontalRule':
      return [{ type: 'horizontalRule' }];
    default: {
      const text = plainText(node, depth + 1);
      return text ? [{ type: 'paragraph', content: [{ type: 'text', text }] }] : [];
    }
  }
}

function normalizeBlocks(values: unknown[], depth: number): BlockNode[] {
  if (depth > MAX_DEPTH) return [];
  return values.flatMap((value) => {
    const node = asNode(value);
    return node ? normalizeBlock(node, depth) : [];
  });
}

export function normalizeDocument(value: unknown): RichTextDocument {
  const root = asNode(value);
  return { type: 'doc', content: root && root.type === 'doc' ? normalizeBlocks(children(root), 0) : [] };
}
