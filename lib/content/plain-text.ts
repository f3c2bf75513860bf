import type { BlockNode, InlineNode, RichTextDocument } from './document';

// Blocks are separated by a blank line so search snippets and feed summaries keep paragraph boundaries.
const BLOCK_SEPARATOR = '\n\n';

function inlineToPlainText(content: InlineNode[] | undefined): string {
  return (content ?? []).map((node) => (node.type === 'text' ? node.text : '\n')).join('');
}

function blockToPlainText(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineToPlainText(block.content);
    case 'blockquote':
      return blocksToPlainText(block.content);
    case 'bulletList':
    case 'orderedList':
      // One line per item: a list reads as a unit, not as separate paragraphs.
      return joinNonEmpty(
        block.content.map((item) => joinNonEmpty(item.content.map(blockToPlainText), '\n')),
        '\n',
      );
    case 'image':
      // Only the caption is text readers see; alt text describes the picture and would read as noise here.
      return block.attrs.caption ?? '';
    case 'horizontalRule':
      return '';
  }
}

function joinNonEmpty(texts: string[], separator: string): string {
  return texts
    .map((text) => text.trim())
    .filter(Boolean)
    .join(separator);
}

function blocksToPlainText(blocks: BlockNode[]): string {
  return joinNonEmpty(blocks.map(blockToPlainText), BLOCK_SEPARATOR);
}

/** The readable text of a body, one block per paragraph, for search and summaries. */
export function documentToPlainText(doc: RichTextDocument): string {
  return blocksToPlainText(doc.content);
}
