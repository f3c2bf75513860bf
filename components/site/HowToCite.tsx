'use client';

import { Fragment, useRef, useState, useSyncExternalStore } from 'react';
import { citationHtml, type Citation, type CitationFormat } from '@/lib/seo/citation';

const subscribeToNothing = () => () => {};
// Copy buttons appear only where they can work (scripts running, a clipboard API); the text stays selectable.
const clipboardAvailable = () => typeof navigator !== 'undefined' && Boolean(navigator.clipboard);
const noClipboardOnServer = () => false;

async function writeToClipboard(citation: Citation): Promise<void> {
  if (citation.format !== 'bibtex' && typeof ClipboardItem !== 'undefined') {
    // Rich text keeps the style's italics when pasted into a word processor; plain text goes everywhere else.
    const item = new ClipboardItem({
      'text/plain': new Blob([citation.text], { type: 'text/plain' }),
      'text/html': new Blob([citationHtml(citation.runs)], { type: 'text/html' }),
    });
    try {
      await navigator.clipboard.write([item]);
      return;
    } catch {
      // Some browsers refuse rich clipboard items; plain text is still worth trying.
    }
  }
  await navigator.clipboard.writeText(citation.text);
}

/** "How to cite" with the article's citation in each style, and a Copy button for each where copying works. */
export function HowToCite({ citations }: { citations: Citation[] }) {
  const canCopy = useSyncExternalStore(subscribeToNothing, clipboardAvailable, noClipboardOnServer);
  const [copied, setCopied] = useState<CitationFormat | null>(null);
  const [status, setStatus] = useState('');
  const textRefs = useRef(new Map<CitationFormat, HTMLElement>());

  async function copy(citation: Citation) {
    try {
      await writeToClipboard(citation);
      setCopied(citation.format);
      setStatus(`${citation.label} citation copied to the clipboard.`);
    } catch {
      const element = textRefs.current.get(citation.format);
      if (element) window.getSelection()?.selectAllChildren(element);
      setCopied(null);
      setStatus(`Copying is blocked here. The ${citation.label} citation is selected: press Ctrl+C (⌘C on a Mac) to copy it.`);
    }
  }

  const keepRef = (format: CitationFormat) => (element: HTMLElement | null) => {
    if (element) textRefs.current.set(format, element);
    else textRefs.current.delete(format);
  };

  return (
    <section aria-labelledby="cite-heading" className="mt-10 border-t border-stone-200 pt-6 dark:border-stone-700">
      <h2 id="cite-heading" className="font-serif text-2xl font-bold">How to cite</h2>
      <div className="mt-4 space-y-5">
        {citations.map((citation) => (
          <div key={citation.format}>
            <div className="flex items-center justify-between gap-4">
              <h3 className="text-sm font-semibold uppercase tracking-wide text-stone-700 dark:text-stone-300">{citation.label}</h3>
              {canCopy ? (
                <button
                  type="button"
                  onClick={() => copy(citation)}
                  className="rounded border border-stone-400 px-3 py-1 text-sm font-medium hover:bg-stone-100 print:hidden dark:border-stone-500 dark:hover:bg-stone-800"
                >
                  {copied === citation.format ? 'Copied' : 'Copy'}
                  <span className="sr-only"> {citation.label} citation</span>
                </button>
              ) : null}
            </div>
            {citation.format === 'bibtex' ? (
              <pre ref={keepRef(citation.format)} className="mt-2 whitespace-pre-wrap rounded bg-stone-100 p-3 text-sm wrap-anywhere dark:bg-stone-900">
                <code>{citation.text}</code>
              </pre>
            ) : (
              <p ref={keepRef(citation.format)} className="mt-2 font-serif wrap-anywhere">
                {citation.runs.map((run, index) => (run.italic ? <i key={index}>{run.text}</i> : <Fragment key={index}>{run.text}</Fragment>))}
              </p>
            )}
          </div>
        ))}
      </div>
      <p role="status" className="sr-only">{status}</p>
    </section>
  );
}
