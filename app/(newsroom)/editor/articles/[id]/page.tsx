import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/editor/ArticleEditor';
import { ArticleNotesPanel } from '@/components/editor/ArticleNotesPanel';
import { SharePreviewPanel } from '@/components/editor/SharePreviewPanel';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { getEditorArticle, listEditorOptions } from '@/lib/data/article-drafts';
import { listArticleNotes } from '@/lib/data/article-notes';
import { listPreviewLinks } from '@/lib/data/article-preview';
import { emptyDraft } from '@/lib/validation/article';
import { parseRecordId } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Edit article' };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  const { id: rawId } = await params;
  const viewer = await requireViewer(`/editor/articles/${encodeURIComponent(rawId)}`);
  const id = parseRecordId(rawId);
  const article = id ? await getEditorArticle(viewer, id) : null;
  if (!article) notFound();
  const [options, notes, links] = await Promise.all([
    listEditorOptions(viewer),
    article.may.note ? listArticleNotes(viewer, article.id) : Promise.resolve(null),
    article.may.edit ? listPreviewLinks(viewer, article.id) : Promise.resolve(null),
  ]);
  const publish = can(viewer, 'article.publish');
  return (
    <div>
      <h1 className="mb-6 font-serif text-3xl font-bold">Edit article</h1>
      <ArticleEditor article={article} options={options} emptyDraft={emptyDraft()} newArticleMay={{ edit: true, publish, submit: true, delete: true, note: publish }} />
      <div className="mt-10 grid gap-8 lg:grid-cols-2">
        {links ? <SharePreviewPanel articleId={article.id} links={links} /> : null}
        {notes ? <ArticleNotesPanel articleId={article.id} notes={notes} /> : null}
      </div>
    </div>
  );
}
