// How uploaded images are named in storage. The image loader derives a variant's URL from the original's
// without a database lookup, so both sides share these rules. Runs in the browser too: keep it pure.

/** Every upload is stored as WebP at each of these widths (never upscaled), plus its normalized original. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
export type VariantWidth = (typeof VARIANT_WIDTHS)[number];

export const MEDIA_URL_PREFIX = '/media/';

export const UPLOAD_EXTENSIONS = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif' } as const;
export type UploadFormat = keyof typeof UPLOAD_EXTENSIONS;

const UPLOAD_KEY = /^uploads\/\d{4}\/\d{2}\/[0-9a-f]{24}\.(?:jpg|png|webp|avif)$/;

/** `uploads/2026/11/<id>.jpg`: grouped by month (UTC) so no folder grows without bound. */
export function uploadKey(id: string, format: UploadFormat, now: Date): string {
  if (!/^[0-9a-f]{24}$/.test(id)) throw new Error('An upload id is 24 hexadecimal characters.');
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `uploads/${now.getUTCFullYear()}/${month}/${id}.${UPLOAD_EXTENSIONS[format]}`;
}

/** Whether the key names an upload, which always has every variant; demo portraits and others have none. */
export function hasVariants(storageKey: string): boolean {
  return UPLOAD_KEY.test(storageKey);
}

/** `uploads/2026/11/<id>.jpg` at 480 → `uploads/2026/11/<id>-w480.webp`. */
export function variantKey(storageKey: string, width: VariantWidth): string {
  return `${storageKey.slice(0, storageKey.lastIndexOf('.'))}-w${width}.webp`;
}
