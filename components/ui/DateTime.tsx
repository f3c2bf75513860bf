import { getSiteConfig } from '@/lib/site';

// Making a formatter costs about a quarter of a millisecond, formatting with one a few microseconds; a list page
// shows dozens of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}), timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A date as readers of this site read it (site locale and time zone), with the exact instant in `dateTime`. */
export function DateTime({ value, withTime = false }: { value: string; withTime?: boolean }) {
  const { locale, timeZone } = getSiteConfig();
  return <time dateTime={value}>{formatterFor(locale, timeZone, withTime).format(new Date(value))}</time>;
}
