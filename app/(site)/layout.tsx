import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { listTopics } from '@/lib/data/topics';
import { getSiteConfig } from '@/lib/site';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const site = getSiteConfig();
  const topics = await listTopics();
  return (
    <>
      <SiteHeader siteName={site.name} regions={topics.filter((topic) => topic.kind === 'REGION')} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <SiteFooter siteName={site.name} topics={topics} />
    </>
  );
}
