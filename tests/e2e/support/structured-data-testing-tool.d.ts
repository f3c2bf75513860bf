// The parts of structured-data-testing-tool (plain JavaScript, no bundled types) that the e2e specs use.

declare module 'structured-data-testing-tool' {
  export type StructuredDataTestCase = {
    test: string;
    type?: 'jsonld' | 'microdata' | 'rdfa' | 'metatag' | 'any';
    expect?: boolean | string | RegExp;
    warning?: boolean;
    optional?: boolean;
    description?: string;
    group?: string;
    error?: { type: string; message: string };
  };
  export type StructuredDataPreset = { name: string; description: string; tests?: StructuredDataTestCase[]; presets?: StructuredDataPreset[] };
  export type StructuredDataResult = {
    passed: StructuredDataTestCase[];
    failed: StructuredDataTestCase[];
    warnings: StructuredDataTestCase[];
    schemas: string[];
    structuredData: { jsonld: Record<string, Record<string, unknown>[]>; metatags: Record<string, string[]> };
  };
  export type StructuredDataFailure = Error & { type?: string; res?: StructuredDataResult };
  /** Resolves when every test passes; rejects with `type: 'VALIDATION_FAILED'` and `res` otherwise. */
  export function structuredDataTest(
    input: string | Buffer,
    options?: { presets?: StructuredDataPreset[]; schemas?: string[]; tests?: StructuredDataTestCase[]; auto?: boolean },
  ): Promise<StructuredDataResult>;
}

// Imported by its file name: the package has no "exports" map, and ESM does not resolve `presets` to presets.js.
declare module 'structured-data-testing-tool/presets.js' {
  import type { StructuredDataPreset } from 'structured-data-testing-tool';
  const presets: { Google: StructuredDataPreset; Twitter: StructuredDataPreset; Facebook: StructuredDataPreset; SocialMedia: StructuredDataPreset };
  export default presets;
}
