import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

// Fonts for images drawn with next/og (Satori), read from the bundled @fontsource files: Satori reads TTF, OTF
// and WOFF but not WOFF2, so Inter (shipped only as variable WOFF2) cannot be used and every line is set in
// Source Serif 4. Each script subset gets its own family name: Satori falls back across families, glyph by glyph.

type SocialImageFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };

export const SOCIAL_IMAGE_FONT_FAMILY = 'Source Serif 4';

const FONT_DIRECTORY = path.join(process.cwd(), 'node_modules/@fontsource/source-serif-4/files');
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'] as const;
const WEIGHTS = [400, 700] as const;

let loading: Promise<SocialImageFont[]> | undefined;

async function readFonts(): Promise<SocialImageFont[]> {
  const variants = SUBSETS.flatMap((subset) => WEIGHTS.map((weight) => ({ subset, weight })));
  return Promise.all(
    variants.map(async ({ subset, weight }) => ({
      name: subset === 'latin' ? SOCIAL_IMAGE_FONT_FAMILY : `${SOCIAL_IMAGE_FONT_FAMILY} ${subset}`,
      data: await readFile(path.join(FONT_DIRECTORY, `source-serif-4-${subset}-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  );
}

/** The fonts, read once on first use and kept; a failed read is retried on the next request. */
export function loadSocialImageFonts(): Promise<SocialImageFont[]> {
  loading ??= readFonts().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
