import type { ImageLoaderProps } from 'next/image';
import { hasVariants, MEDIA_URL_PREFIX, VARIANT_WIDTHS, variantKey } from './media-keys';

// next/image's loader (next.config.js `images.loaderFile`): it runs in the browser and on the server, so it
// must stay pure. Uploads are resized once, when stored; requests only choose among the stored files.

/** The smallest stored variant at least `width` wide, else the original; any other source unchanged. */
export default function mediaImageLoader({ src, width }: ImageLoaderProps): string {
  if (!src.startsWith(MEDIA_URL_PREFIX)) return src;
  const storageKey = src.slice(MEDIA_URL_PREFIX.length);
  if (!hasVariants(storageKey)) return src;
  const variantWidth = VARIANT_WIDTHS.find((candidate) => candidate >= width);
  return variantWidth ? `${MEDIA_URL_PREFIX}${variantKey(storageKey, variantWidth)}` : src;
}
