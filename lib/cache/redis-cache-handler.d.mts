type Logger = Pick<Console, 'error'>;
type CacheContext = { tags?: string[]; softTags?: string[]; fetchCache?: boolean; cacheControl?: { revalidate: number | false; expire?: number } } & Record<string, unknown>;
type CacheEntry = { lastModified: number; value: unknown; cacheControl?: { revalidate: number | false; expire?: number } };

export declare function serializeEntry(entry: unknown): string;
export declare function deserializeEntry(text: string): unknown;

export declare function createRedisCacheStore(options: { url: string; prefix?: string; log?: Logger }): {
  get(key: string, ctx: CacheContext): Promise<CacheEntry | null>;
  set(key: string, value: unknown, ctx: CacheContext): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  close(): Promise<void>;
};

export declare function listenForInvalidations(
  options: { url: string; prefix?: string; log?: Logger },
  onInvalidate: () => void,
): Promise<() => Promise<void>>;

export default class RedisCacheHandler {
  get(key: string, ctx: CacheContext): Promise<CacheEntry | null>;
  set(key: string, value: unknown, ctx: CacheContext): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
