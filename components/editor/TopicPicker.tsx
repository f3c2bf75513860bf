'use client';

type TopicOption = { id: string; name: string; kind: 'REGION' | 'THEME' };

/** Regions and themes as checkboxes, in two groups. */
export function TopicPicker({ options, value, onChange, errors, disabled }: { options: TopicOption[]; value: string[]; onChange: (ids: string[]) => void; errors?: string[]; disabled: boolean }) {
  const toggle = (topicId: string, checked: boolean) => onChange(checked ? [...value, topicId] : value.filter((other) => other !== topicId));
  return (
    <fieldset className="flex flex-col gap-2" disabled={disabled}>
      <legend className="text-sm font-medium">Topics</legend>
      {(['REGION', 'THEME'] as const).map((kind) => (
        <div key={kind} role="group" aria-label={kind === 'REGION' ? 'Regions' : 'Themes'}>
          <p className="text-xs uppercase tracking-wide text-stone-600 dark:text-stone-400">{kind === 'REGION' ? 'Regions' : 'Themes'}</p>
          <ul className="mt-1 grid grid-cols-2 gap-x-2">
            {options.filter((option) => option.kind === kind).map((option) => (
              <li key={option.id}>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={value.includes(option.id)} onChange={(event) => toggle(option.id, event.target.checked)} />
                  {option.name}
                </label>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {errors?.length ? <p className="text-sm text-red-800 dark:text-red-300">{errors.join(' ')}</p> : null}
    </fieldset>
  );
}
