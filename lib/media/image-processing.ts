import 'server-only';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { VARIANT_WIDTHS, type UploadFormat, type VariantWidth } from './media-keys';

// Uploaded bytes are untrusted: the type is read from the content (never the name), limits are checked
// from the header before anything is decoded, and every stored file is re-encoded, which drops EXIF, GPS
// and anything else hidden in the original (including the other half of a polyglot file).

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
const MAX_PIXELS = 40_000_000;
const MIN_SIDE = 16;

export const IMAGE_MESSAGES = {
  notAnImage: 'This file is not a JPEG, PNG, WebP or AVIF image.',
  tooLarge: 'The image is too large: at most 15 MB.',
  tooManyPixels: 'The image has too many pixels (at most 40 megapixels).',
  tooSmall: `The image is too small: at least ${MIN_SIDE} × ${MIN_SIDE} pixels.`,
  damaged: 'The image could not be read: the file is damaged or incomplete.',
} as const;

const MIME_TYPES: Record<UploadFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' };

export type ImageVariant = { targetWidth: VariantWidth; width: number; height: number; bytes: Buffer };

export type ProcessedImage = {
  format: UploadFormat;
  mimeType: string;
  width: number;
  height: number;
  /** The upright original, re-encoded in its own format without metadata. */
  original: Buffer;
  /** One WebP per VARIANT_WIDTHS entry, at most as wide as the original. */
  variants: ImageVariant[];
};

export type ImageProcessingResult = { ok: true; image: ProcessedImage } | { ok: false; message: string };

const ORIGINAL_ENCODERS: Record<UploadFormat, (image: Sharp) => Sharp> = {
  jpeg: (image) => image.jpeg({ quality: 85 }),
  png: (image) => image.png(),
  // Low effort keeps a 40-megapixel upload within seconds on two cores; the gain at higher effort is small.
  webp: (image) => image.webp({ quality: 85, effort: 2 }),
  avif: (image) => image.avif({ quality: 60, effort: 2 }),
};

/** The format announced by the file's signature: the only ones libvips is then asked to parse. */
function sniffFormat(bytes: Buffer): UploadFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 16 && bytes.toString('latin1', 4, 8) === 'ftyp') {
    // The ftyp box lists the major brand, a minor version, then compatible brands; HEIC lists none of these.
    const boxEnd = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
    const brands = [bytes.toString('latin1', 8, 12)];
    for (let offset = 16; offset + 4 <= boxEnd; offset += 4) brands.push(bytes.toString('latin1', offset, offset + 4));
    if (brands.includes('avif') || brands.includes('avis')) return 'avif';
  }
  return null;
}

/** The format libvips actually decodes the bytes as. */
function decodedFormat(metadata: Metadata): UploadFormat | null {
  if (metadata.format === 'heif') return metadata.compression === 'av1' ? 'avif' : null;
  return metadata.format === 'jpeg' || metadata.format === 'png' || metadata.format === 'webp' ? metadata.format : null;
}

function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

function decode(bytes: Buffer): Sharp {
  return sharp(bytes, { limitInputPixels: MAX_PIXELS, autoOrient: true });
}

/** Checks an upload and produces everything to store: the clean original and its WebP variants. */
export async function processImageUpload(bytes: Buffer): Promise<ImageProcessingResult> {
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, message: IMAGE_MESSAGES.tooLarge };
  const format = sniffFormat(bytes);
  if (!format) return { ok: false, message: IMAGE_MESSAGES.notAnImage };

  let metadata: Metadata;
  try {
    // Reads the header only; limitInputPixels refuses a decompression bomb before any pixel is decoded.
    metadata = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch (error) {
    return { ok: false, message: isPixelLimitError(error) ? IMAGE_MESSAGES.tooManyPixels : IMAGE_MESSAGES.notAnImage };
  }
  if (decodedFormat(metadata) !== format) return { ok: false, message: IMAGE_MESSAGES.notAnImage };
  const { width, height } = metadata.autoOrient;
  if (width < MIN_SIDE || height < MIN_SIDE) return { ok: false, message: IMAGE_MESSAGES.tooSmall };

  try {
    // One after the other: each pipeline may hold the whole decoded image, and two cores gain little in parallel.
    const original = await ORIGINAL_ENCODERS[format](decode(bytes)).toBuffer();
    const variants: ImageVariant[] = [];
    for (const targetWidth of VARIANT_WIDTHS) {
      const { data, info } = await decode(bytes)
        .resize({ width: Math.min(targetWidth, width) })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ targetWidth, width: info.width, height: info.height, bytes: data });
    }
    return { ok: true, image: { format, mimeType: MIME_TYPES[format], width, height, original, variants } };
  } catch (error) {
    return { ok: false, message: isPixelLimitError(error) ? IMAGE_MESSAGES.tooManyPixels : IMAGE_MESSAGES.damaged };
  }
}
