// GET /api/search?q=&page=: full-text search of the library as JSON; each snippet follows the reader's access.
import { NextResponse } from "next/server";
import { getReader } from "@/lib/auth/get-reader";
import { pageAddressOrganisations } from "@/lib/organisations/page-address-organisations";
import { searchLibrary } from "@/lib/search/search-library";
import { searchJson } from "@/lib/search/search-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const [reader, addressOrganisations] = await Promise.all([getReader(), pageAddressOrganisations()]);
  const outcome = await searchLibrary(new URL(request.url).searchParams, reader, { browser: { addressOrganisations } });
  const { status, body } = searchJson(outcome);
  // Snippets depend on who asks: never cached for anyone else.
  return NextResponse.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
}
