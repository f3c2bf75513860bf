'use client';

import { useActionState } from 'react';
import { saveProfileAction } from '@/lib/actions/profile-actions';
import { initialFormState } from '@/lib/actions/form-state';
import type { ProfileEditorDto, ProfileTopicOption } from '@/lib/data/profiles';
import { Field, TextArea } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { Select } from '@/components/ui/Select';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { PhotoField } from './PhotoField';

type TextKey = 'name' | 'position' | 'location' | 'fieldOfExpertise' | 'workExperience' | 'biography' | 'website' | 'orcid' | 'xHandle' | 'linkedin' | 'email';

function CompetenceGroup({ legend, topics, chosen }: { legend: string; topics: ProfileTopicOption[]; chosen: Set<string> }) {
  if (topics.length === 0) return null;
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <ul className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-3">
        {topics.map((topic) => (
          <li key={topic.id}>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="topicIds" value={topic.id} defaultChecked={chosen.has(topic.id)} />
              {topic.name}
              {topic.proposed ? <span className="text-xs text-stone-600 dark:text-stone-400">(proposed, awaiting an editor)</span> : null}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Every field of an author profile; the fellow's own form and the editors' form are the same. */
export function ProfileForm({ editor }: { editor: ProfileEditorDto }) {
  const [state, action] = useActionState(saveProfileAction, initialFormState);
  const kept = state.status === 'error' ? state.values : undefined;
  const errors = state.errors ?? {};
  const { profile } = editor;
  const text = (key: TextKey) => kept?.[key] ?? profile[key];
  const chosen = new Set(kept ? kept.topicIds?.split(',').filter(Boolean) : profile.topicIds);

  return (
    <form action={action} className="space-y-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="authorId" value={editor.authorId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" required defaultValue={text('name')} errors={errors.name} autoComplete="name" />
        <Field label="Position" name="position" defaultValue={text('position')} errors={errors.position} hint="For example: Senior Fellow" />
        <Field label="Location" name="location" defaultValue={text('location')} errors={errors.location} hint="For example: Almaty, Kazakhstan" />
        <Field label="Languages" name="languages" defaultValue={kept?.languages ?? profile.languages.join(', ')} errors={errors.languages} hint="Separated by commas, for example: English, Russian, Kazakh" />
      </div>

      <fieldset className="space-y-3 rounded border border-stone-300 p-4 dark:border-stone-700">
        <legend className="px-1 font-semibold">Competence</legend>
        <p className="text-xs text-stone-600 dark:text-stone-400">The regions and themes you write about, from the publication’s list.</p>
        <CompetenceGroup legend="Regions" topics={editor.topics.filter((topic) => topic.kind === 'REGION')} chosen={chosen} />
        <CompetenceGroup legend="Themes" topics={editor.topics.filter((topic) => topic.kind === 'THEME')} chosen={chosen} />
        {errors.topicIds?.length ? <p role="alert" className="text-sm text-red-800 dark:text-red-300">{errors.topicIds.join(' ')}</p> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Propose a new term" name="proposedTopicName" defaultValue={kept?.proposedTopicName ?? ''} errors={errors.proposedTopicName} hint="Missing from the list? An editor approves it first." />
          <Select
            label="The proposed term is a"
            name="proposedTopicKind"
            defaultValue={kept?.proposedTopicKind ?? 'THEME'}
            errors={errors.proposedTopicKind}
            options={[{ value: 'THEME', label: 'Theme' }, { value: 'REGION', label: 'Region' }]}
          />
        </div>
      </fieldset>

      <TextArea label="Field of expertise" name="fieldOfExpertise" rows={2} defaultValue={text('fieldOfExpertise')} errors={errors.fieldOfExpertise} />
      <TextArea label="Work experience" name="workExperience" rows={4} defaultValue={text('workExperience')} errors={errors.workExperience} />
      <TextArea label="Biography" name="biography" rows={8} defaultValue={text('biography')} errors={errors.biography} hint="Separate paragraphs with an empty line." />

      <PhotoField name="photoId" initial={editor.photo} altDefault={kept?.photoAlt ?? profile.photoAlt} errors={{ photo: errors.photo ?? errors.photoId, photoAlt: errors.photoAlt }} />

      <fieldset className="space-y-4 rounded border border-stone-300 p-4 dark:border-stone-700">
        <legend className="px-1 font-semibold">Links</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Website" name="website" type="url" defaultValue={text('website')} errors={errors.website} hint="https://…" />
          <Field label="ORCID" name="orcid" defaultValue={text('orcid')} errors={errors.orcid} hint="For example: 0000-0002-1825-0097" />
          <Field label="X" name="xHandle" defaultValue={text('xHandle')} errors={errors.xHandle} hint="Your handle, for example: @dispatch" />
          <Field label="LinkedIn" name="linkedin" type="url" defaultValue={text('linkedin')} errors={errors.linkedin} hint="https://www.linkedin.com/in/…" />
          <Field label="Email" name="email" type="email" defaultValue={text('email')} errors={errors.email} />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="showEmail" defaultChecked={kept ? kept.showEmail === 'on' : profile.showEmail} />
          Show email publicly
        </label>
      </fieldset>

      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </form>
  );
}
