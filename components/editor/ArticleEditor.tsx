'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { createArticleAction, saveArticleAction } from '@/lib/actions/article-actions';
import type { EditorArticle, EditorOptions } from '@/lib/data/article-drafts';
import { emptyDocument } from '@/lib/content/document';
import { isSlugOfTitle } from '@/lib/content/slugify';
import type { ArticleDraft } from '@/lib/validation/article';
import { AuthorPicker } from './AuthorPicker';
import { AutosaveController, type SaveStatus } from './autosave';
import { BodyEditor } from './BodyEditor';
import { ConflictView } from './ConflictView';
import { CoverImageField, type CoverPreview } from './CoverImageField';
import { DraftFields } from './DraftFields';
import { SaveStatusLine } from './SaveStatusLine';
import { TopicPicker } from './TopicPicker';
import { WorkflowPanel } from './WorkflowPanel';

type Props = { article: EditorArticle | null; options: EditorOptions; emptyDraft: ArticleDraft; newArticleMay: EditorArticle['may'] };

/** The whole editing surface of one article: fields, body, autosave, conflicts and the workflow buttons. */
export function ArticleEditor({ article, options, emptyDraft, newArticleMay }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState<ArticleDraft>(article?.draft ?? { ...emptyDraft, body: emptyDocument() });
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [cover, setCover] = useState<CoverPreview | null>(article?.coverPreview ?? null);
  const [slugFollowsTitle, setSlugFollowsTitle] = useState(() => !article || (!article.everPublished && isSlugOfTitle(article.draft.slug, article.draft.title)));
  const [bodyKey, setBodyKey] = useState(0);
  const [autosave] = useState(
    () =>
      new AutosaveController(
        {
          create: createArticleAction,
          save: saveArticleAction,
          onStatus: setStatus,
          onCreated: (id) => window.history.replaceState(null, '', `/editor/articles/${id}`),
          onSlug: (slug) => setDraft((current) => (current.slug === slug ? current : { ...current, slug })),
        },
        article?.id ?? null,
        article?.version ?? 1,
        article?.draft ?? emptyDraft,
      ),
  );
  const editable = article ? article.may.edit : true;

  useEffect(() => {
    autosave.setSlugFollowsTitle(slugFollowsTitle);
  }, [autosave, slugFollowsTitle]);
  useEffect(() => () => autosave.dispose(), [autosave]);
  // Leaving with unsaved changes asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!autosave.hasUnsavedChanges()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [autosave]);

  const change = (patch: Partial<ArticleDraft>) => {
    setDraft((current) => {
      const next = { ...current, ...patch };
      autosave.noteChange(next);
      return next;
    });
  };

  const errors = status.kind === 'error' ? status.errors ?? {} : {};

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <div className="flex flex-col gap-5">
        {status.kind === 'conflict' ? (
          <ConflictView
            mine={draft}
            theirs={status.theirs}
            onKeepMine={() => void autosave.resolveConflict(status.theirs.version, true, draft)}
            onTakeTheirs={() => {
              setDraft(status.theirs.draft);
              setBodyKey((key) => key + 1);
              void autosave.resolveConflict(status.theirs.version, false, status.theirs.draft);
            }}
          />
        ) : null}
        <DraftFields
          draft={draft}
          errors={errors}
          editable={editable}
          slugLocked={article?.everPublished ?? false}
          onChange={change}
          onTitleChange={(title) => change({ title })}
          onSlugEdited={(slug) => {
            setSlugFollowsTitle(false);
            change({ slug });
          }}
          body={
            <BodyEditor
              key={bodyKey}
              initial={draft.body}
              editable={editable}
              errors={errors.body}
              onChange={(body) => change({ body })}
            />
          }
        />
      </div>
      <aside aria-label="Publishing" className="flex flex-col gap-6">
        <SaveStatusLine status={status} onSaveNow={() => void autosave.flush()} />
        <WorkflowPanel
          article={article}
          newArticleMay={newArticleMay}
          draft={draft}
          autosave={autosave}
          onDone={(outcome) => {
            if (outcome === 'deleted') router.push('/editor');
            else router.refresh();
          }}
        />
        <AuthorPicker options={options.authors} value={draft.authorIds} onChange={(authorIds) => change({ authorIds })} errors={errors.authorIds} disabled={!editable} />
        <TopicPicker options={options.topics} value={draft.topicIds} onChange={(topicIds) => change({ topicIds })} errors={errors.topicIds} disabled={!editable} />
        <CoverImageField
          preview={cover}
          alt={draft.coverAlt}
          disabled={!editable}
          altErrors={errors.coverAlt}
          onAltChange={(coverAlt) => change({ coverAlt })}
          onChange={(next) => {
            setCover(next?.preview ?? null);
            change({ coverImageId: next?.id ?? null });
          }}
        />
      </aside>
    </div>
  );
}
