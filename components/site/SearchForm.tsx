import { Field } from '@/components/ui/Field';
import { Select } from '@/components/ui/Select';
import type { TopicRef } from '@/lib/data/dto';
import { MAX_SEARCH_QUERY_LENGTH, type SearchQuery } from '@/lib/validation/search';

type Props = { query: SearchQuery; authorAsTyped: string; regions: TopicRef[]; themes: TopicRef[] };

/** A plain GET form: the whole search lives in the URL, so results can be bookmarked, shared and paged. */
export function SearchForm({ query, authorAsTyped, regions, themes }: Props) {
  const choices = (items: { slug: string; name: string }[], anyLabel: string) => [
    { value: '', label: anyLabel },
    ...items.map((item) => ({ value: item.slug, label: item.name })),
  ];
  return (
    <form method="get" action="/search" role="search" aria-label="Articles and experts" className="mt-6 grid gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field
            label="Search"
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={MAX_SEARCH_QUERY_LENGTH}
            hint='Use "quotes" for a phrase, a minus sign to leave a word out (-sanctions), and "or" for either word.'
          />
        </div>
        <button type="submit" className="rounded bg-ink px-5 py-2 font-medium text-white dark:bg-stone-100 dark:text-ink">Search</button>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <legend className="sr-only">Filters</legend>
        <Select label="Region" name="region" defaultValue={query.region ?? ''} options={choices(regions, 'Any region')} />
        <Select label="Theme" name="theme" defaultValue={query.theme ?? ''} options={choices(themes, 'Any theme')} />
        {/* Typed, not chosen from a list: an archive has thousands of authors. */}
        <Field label="Author" name="author" type="text" defaultValue={authorAsTyped} maxLength={200} hint="A name, e.g. Leila Haddad" />
        <Field label="From" name="from" type="date" defaultValue={query.from ?? ''} />
        <Field label="To" name="to" type="date" defaultValue={query.to ?? ''} />
      </fieldset>
    </form>
  );
}
