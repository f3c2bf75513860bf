import type { HighlightedText } from '@/lib/data/search';

/** Text with the words that matched the search marked; every run is rendered as text, never as HTML. */
export function SearchHighlight({ text }: { text: HighlightedText }) {
  return (
    <>
      {text.map((run, index) =>
        run.highlighted ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-700/60 dark:text-stone-50">{run.text}</mark>
        ) : (
          <span key={index}>{run.text}</span>
        ),
      )}
    </>
  );
}
