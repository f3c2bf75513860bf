// <input type="datetime-local"> and <input type="date"> speak the browser's local time without a zone;
// drafts store ISO instants.

const pad = (value: number) => String(value).padStart(2, '0');

export function isoToLocalDateTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function localDateTimeToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A calendar date (the original publication's) is kept at noon UTC so no time zone moves it to another day. */
export function isoToDate(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}

export function dateToIso(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00.000Z` : null;
}
