import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IMAGE_MESSAGES, MAX_UPLOAD_BYTES, processImageUpload, type ProcessedImage } from '../../lib/media/image-processing';
import { decompressionBombPng } from '../support/png-bomb';

type Format = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

function solid(width: number, height: number, format: Format): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2d6a8f' } })[format]().toBuffer();
}

async function accepted(bytes: Buffer): Promise<ProcessedImage> {
  const result = await processImageUpload(bytes);
  if (!result.ok) throw new Error(`Expected the image to be accepted, got: ${result.message}`);
  return result.image;
}

async function refusal(bytes: Buffer): Promise<string> {
  const result = await processImageUpload(bytes);
  if (result.ok) throw new Error('Expected the image to be refused');
  return result.message;
}

describe('processImageUpload: accepted formats', () => {
  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
  ] as const)('accepts %s with its dimensions, a clean original in its own format and three WebP variants', async (format, mimeType) => {
    const image = await accepted(await solid(2000, 1000, format));
    expect(image).toMatchObject({ format, mimeType, width: 2000, height: 1000 });
    const original = await sharp(image.original).metadata();
    expect(original.format).toBe(format === 'avif' ? 'heif' : format);
    expect([original.width, original.height]).toEqual([2000, 1000]);
    expect(image.variants.map(({ targetWidth, width, height }) => ({ targetWidth, width, height }))).toEqual([
      { targetWidth: 480, width: 480, height: 240 },
      { targetWidth: 960, width: 960, height: 480 },
      { targetWidth: 1600, width: 1600, height: 800 },
    ]);
    for (const variant of image.variants) {
      const metadata = await sharp(variant.bytes).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual(['webp', variant.width, variant.height]);
    }
  });

  it('never upscales: a small image has every variant, each at most its own width', async () => {
    const image = await accepted(await solid(700, 350, 'png'));
    expect(image.variants.map(({ targetWidth, width, height }) => [targetWidth, width, height])).toEqual([
      [480, 480, 240],
      [960, 700, 350],
      [1600, 700, 350],
    ]);
  });

  it('turns the image upright from its EXIF orientation and stores no EXIF or GPS data', async () => {
    const photo = await sharp({ create: { width: 60, height: 20, channels: 3, background: '#aa3311' } })
      .jpeg()
      .withExif({
        IFD0: { Copyright: 'Secret Newsroom', Artist: 'Jane Source' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 7/1 0/1' },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    const image = await accepted(photo);
    expect([image.width, image.height]).toEqual([20, 60]);
    for (const stored of [image.original, ...image.variants.map((variant) => variant.bytes)]) {
      const metadata = await sharp(stored).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(stored.includes('Secret Newsroom')).toBe(false);
      expect(stored.includes('Jane Source')).toBe(false);
    }
    expect(image.variants[0]).toMatchObject({ width: 20, height: 60 });
  });
});

describe('processImageUpload: refusals', () => {
  it('refuses an SVG, even one carrying a script', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script><rect width="100" height="100"/></svg>');
    expect((await sharp(svg).metadata()).format).toBe('svg');
    expect(await refusal(svg)).toBe(IMAGE_MESSAGES.notAnImage);
  });

  it('refuses a polyglot that reads as SVG although it carries a JPEG', async () => {
    const jpeg = (await solid(64, 64, 'jpeg')).toString('base64');
    const polyglot = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><image href="data:image/jpeg;base64,${jpeg}" width="64" height="64"/><script>alert(1)</script></svg>`,
    );
    expect((await sharp(polyglot).metadata()).format).toBe('svg');
    expect(await refusal(polyglot)).toBe(IMAGE_MESSAGES.notAnImage);
  });

  it('keeps only the pixels of a JPEG that carries a script after its image data', async () => {
    const payload = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const image = await accepted(Buffer.concat([await solid(64, 64, 'jpeg'), Buffer.from(payload)]));
    for (const stored of [image.original, ...image.variants.map((variant) => variant.bytes)]) expect(stored.includes('<script>')).toBe(false);
  });

  it('refuses a GIF', async () => {
    expect(await refusal(await solid(64, 64, 'gif'))).toBe(IMAGE_MESSAGES.notAnImage);
  });

  it('refuses HEIC (an ftyp box without an AVIF brand)', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)]);
    expect(await refusal(heic)).toBe(IMAGE_MESSAGES.notAnImage);
  });

  it('refuses a text file, an empty file and a file that only starts like a JPEG', async () => {
    expect(await refusal(Buffer.from('Not really a photo, just text saved as photo.jpg\n'))).toBe(IMAGE_MESSAGES.notAnImage);
    expect(await refusal(Buffer.alloc(0))).toBe(IMAGE_MESSAGES.notAnImage);
    expect(await refusal(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('garbage')]))).toBe(IMAGE_MESSAGES.notAnImage);
  });

  it('refuses a truncated image as damaged', async () => {
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } }).jpeg().toBuffer();
    expect(await refusal(photo.subarray(0, Math.floor(photo.length / 2)))).toBe(IMAGE_MESSAGES.damaged);
  });

  it('refuses a 20000 × 20000 PNG from its header, without decoding it', async () => {
    const bomb = decompressionBombPng(20_000, 20_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect(await refusal(bomb)).toBe(IMAGE_MESSAGES.tooManyPixels);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses more than 15 MB, even when the bytes start as a valid image', async () => {
    const padded = Buffer.concat([await solid(64, 64, 'jpeg'), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect(await refusal(padded)).toBe(IMAGE_MESSAGES.tooLarge);
  });

  it('refuses an image smaller than 16 × 16', async () => {
    expect(await refusal(await solid(15, 200, 'png'))).toBe(IMAGE_MESSAGES.tooSmall);
    expect(await accepted(await solid(16, 16, 'png'))).toMatchObject({ width: 16, height: 16 });
  });
});
