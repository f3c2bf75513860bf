import { notFound } from 'next/navigation';
import { ImageResponse } from 'next/og';
import { getPublishedArticleBySlug } from '@/lib/data/articles';
import { loadSocialImageFonts, SOCIAL_IMAGE_FONT_FAMILY } from '@/lib/seo/social-image-fonts';
import { getSiteConfig } from '@/lib/site';

// The card shown when an article is shared: headline, authors and site name, drawn in the site's serif.

export const alt = 'The article’s headline and authors';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
// Drawn on first request and kept; an edited headline shows within a minute.
export const revalidate = 60;

function headlineFontSize(title: string): number {
  if (title.length <= 60) return 72;
  if (title.length <= 110) return 60;
  return 48;
}

function byline(names: string[]): string {
  if (names.length === 0) return '';
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `By ${listed}`;
}

export default async function ArticleSocialImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = await getPublishedArticleBySlug(slug);
  if (!found || !('article' in found)) notFound();
  const { article } = found;
  const site = getSiteConfig();
  const topic = article.topics[0]?.name;

  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '56px 72px 64px',
          background: '#fbfaf7',
          borderTop: '20px solid #a8321f',
          color: '#1c1917',
          fontFamily: SOCIAL_IMAGE_FONT_FAMILY,
        }}
      >
        <div style={{ display: 'flex', alignItems: 'baseline', gap: 24, fontSize: 34 }}>
          <span style={{ fontWeight: 700, color: '#8c2716' }}>{site.name}</span>
          {topic ? <span style={{ color: '#57534e' }}>{topic}</span> : null}
        </div>
        <div style={{ display: 'flex', fontSize: headlineFontSize(article.title), fontWeight: 700, lineHeight: 1.12, lineClamp: 4 }}>
          {article.title}
        </div>
        <div style={{ display: 'flex', fontSize: 32, color: '#44403c', lineClamp: 2 }}>{byline(article.authors.map((author) => author.name))}</div>
      </div>
    ),
    { ...size, fonts: await loadSocialImageFonts() },
  );
}
