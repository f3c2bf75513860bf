import type { FieldDiff } from '@/lib/content/revision-diff';

/** Word-level changes per field: removals struck through, additions underlined, not by colour alone. */
export function RevisionDiffView({ diffs }: { diffs: FieldDiff[] }) {
  if (diffs.length === 0) return <p>These two revisions are identical.</p>;
  return (
    <dl className="space-y-4">
      {diffs.map((diff) => (
        <div key={diff.field}>
          <dt className="font-semibold">{diff.field}</dt>
          <dd className="mt-1 whitespace-pre-wrap rounded border border-stone-300 p-3 font-serif dark:border-stone-700">
            {diff.parts.map((part, index) =>
              part.change === 'added' ? (
                <ins key={index} className="bg-green-100 text-green-950 dark:bg-green-900 dark:text-green-50">{part.text}</ins>
              ) : part.change === 'removed' ? (
                <del key={index} className="bg-red-100 text-red-950 dark:bg-red-900 dark:text-red-50">{part.text}</del>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
