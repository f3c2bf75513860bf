import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { listTopics } from '@/lib/data/topics';
import { siteFeedAlternates } from '@/lib/feeds/discovery';
import { getSiteConfig } from '@/lib/site';

// Feed autodiscovery on every public page (a page that sets its own `alternates` repeats these).
export function generateMetadata(): Metadata {
  return { alternates: { types: siteFeedAlternates() } };
}

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
