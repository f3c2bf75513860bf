import type { TopicRef } from '@/lib/data/dto';
import type { RosterQuery } from '@/lib/validation/profile';
import { Field } from '@/components/ui/Field';
import { Select } from '@/components/ui/Select';

/** Search and filters as a plain GET form: the URL holds the view, and it works before any script loads. */
export function RosterFilters({ query, topics }: { query: RosterQuery; topics: TopicRef[] }) {
  return (
    <form method="get" action="/editor/authors" role="search" aria-label="Authors" className="flex flex-wrap items-end gap-4">
      <Field label="Search by name" name="q" type="search" defaultValue={query.q ?? ''} />
      <Select
        label="Competence"
        name="topic"
        defaultValue={query.topic ?? ''}
        options={[{ value: '', label: 'Any' }, ...topics.map((topic) => ({ value: topic.slug, label: `${topic.name} (${topic.kind === 'REGION' ? 'region' : 'theme'})` }))]}
      />
      <Select
        label="Status"
        name="status"
        defaultValue={query.status}
        options={[{ value: 'active', label: 'Active' }, { value: 'retired', label: 'Retired' }, { value: 'all', label: 'All' }]}
      />
      <button type="submit" className="rounded border border-ink px-4 py-2 font-medium dark:border-stone-100">Filter</button>
    </form>
  );
}
