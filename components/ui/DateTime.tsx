import { getSiteConfig } from '@/lib/site';

/** A date as readers of this site read it (site locale and time zone), with the exact instant in `dateTime`. */
export function DateTime({ value, withTime = false }: { value: string; withTime?: boolean }) {
  const { locale, timeZone } = getSiteConfig();
  const formatted = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone,
  }).format(new Date(value));
  return <time dateTime={value}>{formatted}</time>;
}
