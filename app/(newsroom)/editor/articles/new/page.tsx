import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/editor/ArticleEditor';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { listEditorOptions } from '@/lib/data/article-drafts';
import { emptyDraft } from '@/lib/validation/article';

export const metadata: Metadata = { title: 'New article' };

export default async function NewArticlePage() {
  const viewer = await requireViewer('/editor/articles/new');
  const options = await listEditorOptions(viewer);
  const publish = can(viewer, 'article.publish');
  const draft = emptyDraft();
  return (
    <div>
      <h1 className="mb-6 font-serif text-3xl font-bold">New article</h1>
      <ArticleEditor
        article={null}
        options={options}
        emptyDraft={viewer.authorId && viewer.role === 'FELLOW' ? { ...draft, authorIds: [viewer.authorId] } : draft}
        newArticleMay={{ edit: true, publish, submit: true, delete: true, note: publish }}
      />
    </div>
  );
}
