// The article body: a ProseMirror/Tiptap JSON document restricted to the nodes and marks below.
// Everything that reaches storage or the renderer is first reduced to this model by `normalizeDocument`.

export type Mark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'link'; attrs: { href: string } };

export type TextNode = { type: 'text'; text: string; marks?: Mark[] };
export type HardBreakNode = { type: 'hardBreak' };
export type InlineNode = TextNode | HardBreakNode;

export type ParagraphNode = { type: 'paragraph'; content?: InlineNode[] };
export type HeadingNode = { type: 'heading'; attrs: { level: 2 | 3 }; content?: InlineNode[] };
export type BlockquoteNode = { type: 'blockquote'; content: BlockNode[] };
export type ListItemNode = { type: 'listItem'; content: BlockNode[] };
export type BulletListNode = { type: 'bulletList'; content: ListItemNode[] };
export type OrderedListNode = { type: 'orderedList'; attrs?: { start?: number }; content: ListItemNode[] };
export type ImageNode = { type: 'image'; attrs: { src: string; alt: string; caption?: string } };
export type HorizontalRuleNode = { type: 'horizontalRule' };

export type BlockNode =
  | ParagraphNode
  | HeadingNode
  | BlockquoteNode
  | BulletListNode
  | OrderedListNode
  | ImageNode
  | HorizontalRuleNode;

export type RichTextDocument = { type: 'doc'; content: BlockNode[] };

export const emptyDocument = (): RichTextDocument => ({ type: 'doc', content: [] });
