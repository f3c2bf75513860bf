import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/site/ArticleView';
import { requestIp } from '@/lib/actions/request-context';
import { getSharedPreview } from '@/lib/data/article-preview';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Draft preview', robots: { index: false, follow: false, nocache: true } };

type Props = { params: Promise<{ token: string }> };

/** A draft shared by a private link with someone who has no account; every use is logged. */
export default async function SharedPreviewPage({ params }: Props) {
  const { token } = await params;
  const article = await getSharedPreview(token, await requestIp());
  if (!article) notFound();
  return (
    <div>
      <p role="note" className="mx-auto mb-8 max-w-3xl rounded bg-amber-100 px-4 py-2 text-sm text-amber-950">
        A private preview of a draft. Please do not share this link; it expires and may be revoked.
      </p>
      <ArticleView article={article} related={[]} />
    </div>
  );
}
