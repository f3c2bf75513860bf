import { describe, expect, it } from 'vitest';
import mediaImageLoader from '../../lib/media/image-loader';
import { hasVariants, uploadKey, variantKey } from '../../lib/media/media-keys';

const upload = '/media/uploads/2026/11/0123456789abcdef01234567.jpg';
const load = (src: string, width: number) => mediaImageLoader({ src, width, quality: 75 });

describe('mediaImageLoader', () => {
  it('picks the smallest stored variant at least as wide as asked', () => {
    expect(load(upload, 16)).toBe('/media/uploads/2026/11/0123456789abcdef01234567-w480.webp');
    expect(load(upload, 480)).toBe('/media/uploads/2026/11/0123456789abcdef01234567-w480.webp');
    expect(load(upload, 481)).toBe('/media/uploads/2026/11/0123456789abcdef01234567-w960.webp');
    expect(load(upload, 1080)).toBe('/media/uploads/2026/11/0123456789abcdef01234567-w1600.webp');
    expect(load(upload, 1600)).toBe('/media/uploads/2026/11/0123456789abcdef01234567-w1600.webp');
  });

  it('serves the original beyond the widest variant', () => {
    expect(load(upload, 1920)).toBe(upload);
    expect(load(upload, 3840)).toBe(upload);
  });

  it('keeps the original format of every upload out of the variant names', () => {
    for (const extension of ['png', 'webp', 'avif']) {
      expect(load(`/media/uploads/2025/01/0123456789abcdef01234567.${extension}`, 960)).toBe('/media/uploads/2025/01/0123456789abcdef01234567-w960.webp');
    }
  });

  it('returns every other source unchanged', () => {
    for (const src of [
      '/media/authors/amina-bekova-1a2b3c4d.jpg',
      '/media/uploads/2026/11/0123456789abcdef01234567-w480.webp',
      '/media/uploads/2026/11/not-an-upload.jpg',
      '/media/uploads/2026/11/0123456789abcdef01234567.gif',
      '/media/uploads/2026/11/0123456789abcdef01234567.jpg?v=2',
      '/images/logo.png',
      'https://example.org/media/uploads/2026/11/0123456789abcdef01234567.jpg',
    ]) {
      expect(load(src, 480)).toBe(src);
    }
  });
});

describe('media keys', () => {
  it('names uploads by UTC month and derives variant names from them', () => {
    const key = uploadKey('0123456789abcdef01234567', 'jpeg', new Date('2026-11-30T23:59:59Z'));
    expect(key).toBe('uploads/2026/11/0123456789abcdef01234567.jpg');
    expect(hasVariants(key)).toBe(true);
    expect(variantKey(key, 1600)).toBe('uploads/2026/11/0123456789abcdef01234567-w1600.webp');
    expect(uploadKey('0123456789abcdef01234567', 'avif', new Date('2027-01-01T00:00:00Z'))).toBe('uploads/2027/01/0123456789abcdef01234567.avif');
  });

  it('refuses an id that would break the naming rules', () => {
    expect(() => uploadKey('../../etc/passwd', 'png', new Date())).toThrow();
  });
});
