// GET /admin/readers/export?plan=&newsletter=&from=&to=: the readers as a CSV download, streamed (admins; logged).
import { refuseCrossSite } from "@/lib/http/same-origin";
import { parseReadersExportFilter } from "@/lib/newsroom/readers/readers-export-filter";
import { readersExportFileName, startReadersExport } from "@/lib/newsroom/readers/readers-export";
import { withRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";

export const GET = withRole("admin", async (request, { actor }) => {
  // withRole lets GETs from other sites through, as they change nothing; this
  // one logs an export and drops every reader's address in the Downloads
  // folder, so only the form on our own page (or a typed address) may start it.
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const parsed = parseReadersExportFilter(new URL(request.url).searchParams);
  if (!parsed.ok) {
    return new Response(`${parsed.message}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const body = await startReadersExport(actor, parsed.filter);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${readersExportFileName()}"`,
    },
  });
});
