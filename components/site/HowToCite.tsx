import { Fragment } from 'react';
import { citationHtml, type Citation } from '@/lib/seo/citation';

// The Copy buttons are wired by /enhance.js (public/enhance.js), which shows them only where copying can work
// (scripts running, a clipboard API); without it the citations stay plain selectable text.

/** "How to cite" with the article's citation in each style, and a Copy button for each where copying works. */
export function HowToCite({ citations }: { citations: Citation[] }) {
  return (
    <section aria-labelledby="cite-heading" className="mt-10 border-t border-stone-200 pt-6 dark:border-stone-700">
      <h2 id="cite-heading" className="font-serif text-2xl font-bold">How to cite</h2>
      <div className="mt-4 space-y-5">
        {citations.map((citation) => (
          <div key={citation.format}>
            <div className="flex items-center justify-between gap-4">
              <h3 className="text-sm font-semibold uppercase tracking-wide text-stone-700 dark:text-stone-300">{citation.label}</h3>
              <button
                type="button"
                hidden
                data-copy-citation={`citation-${citation.format}`}
                data-citation-label={citation.label}
                data-citation-text={citation.text}
                data-citation-html={citation.format === 'bibtex' ? undefined : citationHtml(citation.runs)}
                className="rounded border border-stone-400 px-3 py-1 text-sm font-medium hover:bg-stone-100 print:hidden dark:border-stone-500 dark:hover:bg-stone-800"
              >
                <span data-copy-label>Copy</span>
                <span className="sr-only"> {citation.label} citation</span>
              </button>
            </div>
            {citation.format === 'bibtex' ? (
              <pre id={`citation-${citation.format}`} className="mt-2 whitespace-pre-wrap rounded bg-stone-100 p-3 text-sm wrap-anywhere dark:bg-stone-900">
                <code>{citation.text}</code>
              </pre>
            ) : (
              <p id={`citation-${citation.format}`} className="mt-2 font-serif wrap-anywhere">
                {citation.runs.map((run, index) => (run.italic ? <i key={index}>{run.text}</i> : <Fragment key={index}>{run.text}</Fragment>))}
              </p>
            )}
          </div>
        ))}
      </div>
      <p role="status" className="sr-only" data-copy-status />
      <script src="/enhance.js" defer />
    </section>
  );
}
