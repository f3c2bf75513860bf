'use client';

import Image from '@tiptap/extension-image';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId, useState } from 'react';
import type { RichTextDocument } from '@/lib/content/document';
import { normalizeDocument } from '@/lib/content/normalize';
import { ImageInsertForm } from './ImageInsertForm';
import { LinkForm } from './LinkForm';

// The article body: Tiptap restricted to the document model of lib/content/document.ts. Pasted HTML from a
// word processor or a web page is parsed against this schema, so structure survives and everything else
// (styles, classes, scripts, unknown elements) is dropped; the result is normalized again before it is sent.

const CaptionedImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-caption') || element.closest('figure')?.querySelector('figcaption')?.textContent || null,
        renderHTML: (attributes) => (attributes.caption ? { 'data-caption': attributes.caption } : {}),
      },
    };
  },
});

const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], defaultProtocol: 'https' },
  }),
  CaptionedImage.configure({ allowBase64: false }),
];

type Props = {
  initial: RichTextDocument;
  onChange: (document: RichTextDocument) => void;
  errors?: string[];
  editable: boolean;
};

export function BodyEditor({ initial, onChange, errors, editable }: Props) {
  const labelId = useId();
  const errorId = useId();
  const editor = useEditor({
    extensions,
    immediatelyRender: false,
    editable,
    content: initial.content.length > 0 ? initial : undefined,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(errors?.length ? { 'aria-describedby': errorId, 'aria-invalid': 'true' } : {}),
        class: 'prose-article min-h-64 max-w-none rounded-b border border-stone-400 bg-white px-4 py-3 focus:outline-none dark:border-stone-600 dark:bg-stone-900',
      },
    },
    onUpdate: ({ editor: current }) => onChange(normalizeDocument(current.getJSON())),
  });

  return (
    <div className="flex flex-col gap-1">
      <span id={labelId} className="text-sm font-medium">Body</span>
      {editor ? <Toolbar editor={editor} disabled={!editable} /> : null}
      {editor ? <EditorContent editor={editor} /> : <div className="min-h-64 rounded border border-stone-400 p-4 text-stone-500">Loading the editor…</div>}
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-800 dark:text-red-300">{errors.join(' ')}</p>
      ) : null}
    </div>
  );
}

type Panel = 'none' | 'link' | 'image';

function Toolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const [panel, setPanel] = useState<Panel>('none');
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      link: current.isActive('link'),
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      quote: current.isActive('blockquote'),
      bullets: current.isActive('bulletList'),
      numbers: current.isActive('orderedList'),
      href: (current.getAttributes('link').href as string | undefined) ?? '',
    }),
  });
  const chain = () => editor.chain().focus();
  const buttons: { label: string; active?: boolean; run: () => void }[] = [
    { label: 'Bold', active: state.bold, run: () => chain().toggleBold().run() },
    { label: 'Italic', active: state.italic, run: () => chain().toggleItalic().run() },
    { label: 'Heading 2', active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { label: 'Heading 3', active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: 'Quote', active: state.quote, run: () => chain().toggleBlockquote().run() },
    { label: 'Bulleted list', active: state.bullets, run: () => chain().toggleBulletList().run() },
    { label: 'Numbered list', active: state.numbers, run: () => chain().toggleOrderedList().run() },
    { label: 'Divider', run: () => chain().setHorizontalRule().run() },
  ];
  return (
    <div className="rounded-t border border-b-0 border-stone-400 bg-stone-50 p-1 dark:border-stone-600 dark:bg-stone-800">
      <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-1">
        {buttons.map((button) => (
          <button
            key={button.label}
            type="button"
            disabled={disabled}
            aria-pressed={button.active === undefined ? undefined : button.active}
            onClick={button.run}
            className="rounded px-2 py-1 text-sm hover:bg-stone-200 aria-pressed:bg-stone-800 aria-pressed:text-white dark:hover:bg-stone-700 dark:aria-pressed:bg-stone-200 dark:aria-pressed:text-stone-900"
          >
            {button.label}
          </button>
        ))}
        <button type="button" disabled={disabled} aria-pressed={state.link} aria-expanded={panel === 'link'} onClick={() => setPanel(panel === 'link' ? 'none' : 'link')} className="rounded px-2 py-1 text-sm hover:bg-stone-200 aria-pressed:bg-stone-800 aria-pressed:text-white dark:hover:bg-stone-700">
          Link
        </button>
        <button type="button" disabled={disabled} aria-expanded={panel === 'image'} onClick={() => setPanel(panel === 'image' ? 'none' : 'image')} className="rounded px-2 py-1 text-sm hover:bg-stone-200 dark:hover:bg-stone-700">
          Image
        </button>
      </div>
      {panel === 'link' ? (
        <LinkForm
          initialHref={state.href}
          onApply={(href) => {
            if (href) chain().extendMarkRange('link').setLink({ href }).run();
            else chain().extendMarkRange('link').unsetLink().run();
            setPanel('none');
          }}
          onCancel={() => setPanel('none')}
        />
      ) : null}
      {panel === 'image' ? (
        <ImageInsertForm
          onInsert={(image) => {
            chain().setImage({ src: image.src, alt: image.alt }).updateAttributes('image', { caption: image.caption || null }).run();
            setPanel('none');
          }}
          onCancel={() => setPanel('none')}
        />
      ) : null}
    </div>
  );
}
