import type { ReactNode } from 'react';
import type { BlockNode, InlineNode, Mark, RichTextDocument } from '@/lib/content/document';

// The allowlist renderer: every node and mark of the document model maps to one React element; nothing else
// renders, and stored content never reaches the page as raw HTML.

function applyMark(mark: Mark, child: ReactNode, key: number): ReactNode {
  switch (mark.type) {
    case 'bold':
      return <strong key={key}>{child}</strong>;
    case 'italic':
      return <em key={key}>{child}</em>;
    case 'link': {
      const external = /^https?:\/\//i.test(mark.attrs.href);
      return (
        <a key={key} href={mark.attrs.href} {...(external ? { rel: 'noopener noreferrer' } : {})}>
          {child}
        </a>
      );
    }
  }
}

function renderInline(nodes: InlineNode[] | undefined): ReactNode[] {
  return (nodes ?? []).map((node, index) => {
    if (node.type === 'hardBreak') return <br key={index} />;
    return (node.marks ?? []).reduceRight<ReactNode>((child, mark) => applyMark(mark, child, index), node.text);
  });
}

function renderBlock(node: BlockNode, key: number): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{renderInline(node.content)}</p>;
    case 'heading':
      return node.attrs.level === 2 ? <h2 key={key}>{renderInline(node.content)}</h2> : <h3 key={key}>{renderInline(node.content)}</h3>;
    case 'blockquote':
      return <blockquote key={key}>{node.content.map(renderBlock)}</blockquote>;
    case 'bulletList':
      return <ul key={key}>{node.content.map((item, index) => <li key={index}>{item.content.map(renderBlock)}</li>)}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={node.attrs?.start}>
          {node.content.map((item, index) => <li key={index}>{item.content.map(renderBlock)}</li>)}
        </ol>
      );
    case 'image':
      return (
        <figure key={key}>
          {/* Body images may be remote or uploaded; their size is unknown, so next/image cannot lay them out. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={node.attrs.src} alt={node.attrs.alt} loading="lazy" decoding="async" />
          {node.attrs.caption ? <figcaption>{node.attrs.caption}</figcaption> : null}
        </figure>
      );
    case 'horizontalRule':
      return <hr key={key} />;
  }
}

export function RichText({ document }: { document: RichTextDocument }) {
  return <>{document.content.map(renderBlock)}</>;
}
