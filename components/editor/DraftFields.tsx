'use client';

import { useId, type ReactNode } from 'react';
import type { ArticleDraft } from '@/lib/validation/article';
import { dateToIso, isoToDate, isoToLocalDateTime, localDateTimeToIso } from './date-input';

type Props = {
  draft: ArticleDraft;
  errors: Record<string, string[]>;
  editable: boolean;
  slugLocked: boolean;
  body: ReactNode;
  onChange: (patch: Partial<ArticleDraft>) => void;
  onTitleChange: (title: string) => void;
  onSlugEdited: (slug: string) => void;
};

const inputClass = 'rounded border border-stone-400 bg-white px-3 py-2 aria-invalid:border-red-700 dark:border-stone-600 dark:bg-stone-900';

function Labelled({ label, errors, hint, children }: { label: string; errors?: string[]; hint?: string; children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-xs text-stone-600 dark:text-stone-400">{hint}</p> : null}
      {children({ id, ...(errors?.length ? { 'aria-invalid': true } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {errors?.length ? <p id={`${id}-error`} className="text-sm text-red-800 dark:text-red-300">{errors.join(' ')}</p> : null}
    </div>
  );
}

/** Every field of the draft except the pickers in the side panel; each with a visible label. */
export function DraftFields({ draft, errors, editable, slugLocked, body, onChange, onTitleChange, onSlugEdited }: Props) {
  const text = (field: keyof ArticleDraft, label: string, options: { hint?: string; maxLength?: number; type?: string } = {}) => (
    <Labelled label={label} errors={errors[field]} hint={options.hint}>
      {(props) => (
        <input {...props} type={options.type ?? 'text'} disabled={!editable} maxLength={options.maxLength} value={String(draft[field] ?? '')} onChange={(event) => onChange({ [field]: event.target.value })} className={inputClass} />
      )}
    </Labelled>
  );
  return (
    <>
      <Labelled label="Title" errors={errors.title}>
        {(props) => <input {...props} disabled={!editable} maxLength={300} value={draft.title} onChange={(event) => onTitleChange(event.target.value)} className={`${inputClass} font-serif text-2xl font-bold`} />}
      </Labelled>
      <Labelled label="Slug" errors={errors.slug} hint={slugLocked ? 'Changing it keeps the old address working: it redirects here.' : 'Follows the title until you edit it.'}>
        {(props) => <input {...props} disabled={!editable} maxLength={200} value={draft.slug} onChange={(event) => onSlugEdited(event.target.value.trim().toLowerCase())} className={`${inputClass} font-mono text-sm`} />}
      </Labelled>
      <Labelled label="Lead" errors={errors.lead} hint="The bold opening paragraph readers see first.">
        {(props) => <textarea {...props} disabled={!editable} maxLength={2000} rows={3} value={draft.lead} onChange={(event) => onChange({ lead: event.target.value })} className={inputClass} />}
      </Labelled>
      {body}
      <div className="grid gap-4 sm:grid-cols-2">
        <Labelled label="Publish date" errors={errors.publishDate} hint="Leave empty to publish now; a future date schedules.">
          {(props) => <input {...props} type="datetime-local" disabled={!editable} value={isoToLocalDateTime(draft.publishDate)} onChange={(event) => onChange({ publishDate: localDateTimeToIso(event.target.value) })} className={inputClass} />}
        </Labelled>
        <Labelled label="Language" errors={errors.language}>
          {(props) => (
            <select {...props} disabled={!editable} value={draft.language} onChange={(event) => onChange({ language: event.target.value === 'ru' ? 'ru' : 'en' })} className={inputClass}>
              <option value="en">English</option>
              <option value="ru">Russian</option>
            </select>
          )}
        </Labelled>
      </div>
      <fieldset className="grid gap-4 rounded border border-stone-300 p-4 sm:grid-cols-2 dark:border-stone-700">
        <legend className="px-1 text-sm font-semibold">Republication</legend>
        {text('originalOutlet', 'Outlet', { maxLength: 200 })}
        {text('originalUrl', 'Original URL', { type: 'url', maxLength: 2000 })}
        <Labelled label="Original publication date" errors={errors.originalPublishedAt}>
          {(props) => <input {...props} type="date" disabled={!editable} value={isoToDate(draft.originalPublishedAt)} onChange={(event) => onChange({ originalPublishedAt: dateToIso(event.target.value) })} className={inputClass} />}
        </Labelled>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" disabled={!editable} checked={draft.canonicalToOriginal} onChange={(event) => onChange({ canonicalToOriginal: event.target.checked })} />
          Canonical link points to the original
        </label>
        {text('sourceTitle', 'Source title', { maxLength: 300 })}
        {text('sourceUrl', 'Source URL', { type: 'url', maxLength: 2000 })}
      </fieldset>
      <fieldset className="grid gap-4 rounded border border-stone-300 p-4 dark:border-stone-700">
        <legend className="px-1 text-sm font-semibold">Search engines and sharing</legend>
        {text('seoTitle', 'SEO title', { maxLength: 120, hint: 'Defaults to the title.' })}
        <Labelled label="SEO description" errors={errors.seoDescription} hint="Defaults to the lead.">
          {(props) => <textarea {...props} disabled={!editable} maxLength={320} rows={2} value={draft.seoDescription} onChange={(event) => onChange({ seoDescription: event.target.value })} className={inputClass} />}
        </Labelled>
      </fieldset>
    </>
  );
}
