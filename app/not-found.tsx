import { connection } from 'next/server';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { NotFoundMessage } from '@/components/site/NotFoundMessage';
import { getSiteConfig } from '@/lib/site';

// Any unknown address: the site's header and footer without the topic lists, so it needs no database. Rendered when
// asked (connection), so the site name is the running server's, not the build's.
export default async function NotFound() {
  await connection();
  const site = getSiteConfig();
  return (
    <>
      <SiteHeader siteName={site.name} regions={[]} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <NotFoundMessage />
      </main>
      <SiteFooter siteName={site.name} topics={[]} />
    </>
  );
}
