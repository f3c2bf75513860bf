import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ImportForm } from '@/components/editor/ImportForm';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage() {
  const viewer = await requireViewer('/editor/import');
  // Importing may create author profiles, which only staff do.
  if (!can(viewer, 'article.create') || !can(viewer, 'author.create')) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl font-bold">Import a legacy document</h1>
      <p>
        The document becomes a draft with its date as the publish date. Its authors are matched to existing profiles by
        name, or new profiles are created from their AUTHOR blocks; competences that match no topic are proposed as new
        topics.
      </p>
      <ImportForm />
    </div>
  );
}
