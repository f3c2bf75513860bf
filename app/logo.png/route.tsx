import { ImageResponse } from 'next/og';
import { loadSocialImageFonts, SOCIAL_IMAGE_FONT_FAMILY } from '@/lib/seo/social-image-fonts';
import { PUBLISHER_LOGO } from '@/lib/seo/structured-data';
import { getSiteConfig } from '@/lib/site';

// The publisher logo named in articles' JSON-LD: the site's initial, drawn at request time from SITE_NAME.

export async function GET() {
  const site = getSiteConfig();
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          background: '#a8321f',
          color: '#ffffff',
          fontFamily: SOCIAL_IMAGE_FONT_FAMILY,
          fontSize: 360,
          fontWeight: 700,
        }}
      >
        {Array.from(site.name)[0]?.toUpperCase() ?? ''}
      </div>
    ),
    {
      width: PUBLISHER_LOGO.size,
      height: PUBLISHER_LOGO.size,
      fonts: await loadSocialImageFonts(),
      headers: { 'Cache-Control': 'public, max-age=86400' },
    },
  );
}
