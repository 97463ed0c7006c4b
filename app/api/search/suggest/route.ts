// GET /api/search/suggest?q=: headlines matching what the reader has typed so far, for the search box.
import { NextResponse } from "next/server";
import { z } from "zod";
import { MAX_QUERY_LENGTH } from "@/lib/search/search-request";
import { suggestHeadlines } from "@/lib/search/suggest-headlines";

export const dynamic = "force-dynamic";

// What has been typed so far; a repeated q counts by its first value.
const typedSchema = z.string().max(MAX_QUERY_LENGTH);

export async function GET(request: Request) {
  const parsed = typedSchema.safeParse(new URL(request.url).searchParams.get("q") ?? "");
  if (!parsed.success) {
    return NextResponse.json(
      { error: "query_too_long", message: `Search terms can be at most ${MAX_QUERY_LENGTH} characters long.` },
      { status: 400 },
    );
  }
  const suggestions = await suggestHeadlines(parsed.data);
  // Headlines are the same for every reader. The web server's policy
  // (lib/http/cache-policy.ts) replaces this header: public without a cookie
  // (and kept by its page cache), private with one.
  return NextResponse.json(
    { suggestions: suggestions.map(({ slug, title }) => ({ slug, title, url: `/articles/${slug}` })) },
    { headers: { "Cache-Control": "public, max-age=60" } },
  );
}
