import { getSiteEnv } from '@/lib/env';

export type SiteConfig = { name: string; url: string; locale: string; timeZone: string; description: string };

export function getSiteConfig(): SiteConfig {
  const env = getSiteEnv();
  return {
    name: env.SITE_NAME,
    url: env.SITE_URL.replace(/\/$/, ''),
    locale: env.SITE_LOCALE,
    timeZone: env.SITE_TIME_ZONE,
    description: 'Independent analysis of Eurasia and the wider world by the fellows of Dispatch.',
  };
}

export function absoluteUrl(path: string): string {
  return `${getSiteConfig().url}${path.startsWith('/') ? path : `/${path}`}`;
}
