import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/site/ArticleView';
import { requireViewer } from '@/lib/auth/session';
import { getArticlePreview } from '@/lib/data/article-preview';
import { parseRecordId } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

export default async function ArticlePreviewPage({ params }: Props) {
  const { id: rawId } = await params;
  const viewer = await requireViewer(`/editor/articles/${encodeURIComponent(rawId)}/preview`);
  const id = parseRecordId(rawId);
  const article = id ? await getArticlePreview(viewer, id) : null;
  if (!article) notFound();
  return (
    <div>
      <p role="note" className="mb-8 flex flex-wrap items-center justify-between gap-2 rounded bg-amber-100 px-4 py-2 text-sm text-amber-950">
        <span>Preview of the current draft: readers see this page only once it is published.</span>
        <Link href={`/editor/articles/${article.id}`} className="font-semibold underline">Back to the editor</Link>
      </p>
      <ArticleView article={article} related={[]} />
    </div>
  );
}
