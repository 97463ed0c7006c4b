// Types of the cache handler (plain JavaScript, loaded by Next.js at run time).
export type CachedEntry = { value: unknown; lastModified: number };

export default class SharedTagCacheHandler {
  constructor(options: unknown);
  get(key: string, context?: { tags?: string[]; softTags?: string[] }): Promise<CachedEntry | null>;
  set(key: string, value: unknown, context?: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
