import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NewsroomHeader } from '@/components/newsroom/NewsroomHeader';
import { getViewer } from '@/lib/auth/session';
import { getSiteConfig } from '@/lib/site';

export const metadata: Metadata = { robots: { index: false, follow: false } };

// Shows who is signed in; it enforces nothing (every page and data function checks the viewer itself).
export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <>
      <NewsroomHeader viewer={viewer} siteName={getSiteConfig().name} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
