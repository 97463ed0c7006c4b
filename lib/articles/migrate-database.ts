// Brings a database up to date: the SQL migrations, then the article cuts
// that only TypeScript can make (lib/articles/recut-articles.ts). Every
// program that migrates calls this, never migrate() alone, so that no server
// reads an article whose stored cut is missing or was made with another
// PREVIEW_PARAGRAPHS setting.
import { migrate, type MigrateOptions } from "@/lib/db/migrate";
import { recutArticles } from "./recut-articles";

export type MigrateDatabaseOptions = MigrateOptions & { previewParagraphs?: number };

/** Applies pending migrations and cuts the articles that need it; returns the migrations applied. */
export async function migrateDatabase(databaseUrl: string, options: MigrateDatabaseOptions = {}): Promise<string[]> {
  const applied = await migrate(databaseUrl, options);
  await recutArticles(databaseUrl, {
    previewParagraphs: options.previewParagraphs,
    schema: options.schema,
    log: options.log,
  });
  return applied;
}
