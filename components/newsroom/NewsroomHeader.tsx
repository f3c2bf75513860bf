import Link from 'next/link';
import type { Viewer } from '@/lib/auth/permissions';
import { signOutAction } from '@/lib/actions/own-account-actions';

const ROLE_LABELS = { ADMIN: 'Administrator', EDITOR: 'Editor', FELLOW: 'Fellow' } as const;

export function NewsroomHeader({ viewer, siteName }: { viewer: Viewer | null; siteName: string }) {
  return (
    <header role="banner" className="border-b border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <p className="font-serif text-xl font-bold">
          <Link href="/editor">{siteName} newsroom</Link>
        </p>
        {viewer ? (
          <nav aria-label="Newsroom" className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm">
            <Link href="/editor" className="hover:underline">Articles</Link>
            <Link href="/editor/search" className="hover:underline">Search</Link>
            {viewer.role !== 'FELLOW' ? <Link href="/editor/authors" className="hover:underline">Authors</Link> : null}
            {viewer.role === 'ADMIN' ? <Link href="/editor/users" className="hover:underline">Users</Link> : null}
            {viewer.authorId ? <Link href="/profile" className="hover:underline">My profile</Link> : null}
            <Link href="/editor/account" className="hover:underline">Account</Link>
            <Link href="/" className="hover:underline">View site</Link>
            <span className="text-stone-600 dark:text-stone-400">
              {viewer.name} ({ROLE_LABELS[viewer.role]})
            </span>
            <form action={signOutAction}>
              <button type="submit" className="font-medium hover:underline">Sign out</button>
            </form>
          </nav>
        ) : null}
      </div>
    </header>
  );
}
