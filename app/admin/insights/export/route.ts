// GET /admin/insights/export?csv=funnel&period=30d&group=day: one of the
// dashboard's charts or tables as CSV (editors; revenue and churn for admins).
import { NextResponse } from "next/server";
import { env } from "@/lib/config/env";
import { insightsCsvRows, mayDownload, parseInsightsCsv } from "@/lib/newsroom/insights/insights-csv";
import { parseInsightsPeriod } from "@/lib/newsroom/insights/insights-period";
import { withRole } from "@/lib/newsroom/require-role";
import { csvRows } from "@/lib/text/csv";

export const dynamic = "force-dynamic";

const refuse = (status: number, message: string) =>
  new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export const GET = withRole("editor", async (request, { actor }) => {
  const query = new URL(request.url).searchParams;
  const csv = parseInsightsCsv(query.get("csv"));
  if (!csv)
    return refuse(
      400,
      "Ask for one of the dashboard's CSV files: csv=funnel, views, articles, revenue, churn, readers or newsletters.",
    );
  if (!mayDownload(actor, csv)) return refuse(403, "Revenue figures are for admins.");
  const params = Object.fromEntries([...query.keys()].map((key) => [key, query.getAll(key)]));
  const parsed = parseInsightsPeriod(params, new Date(), env().PUBLICATION_TIMEZONE);
  if (!parsed.ok) return refuse(400, parsed.message);
  const { period } = parsed;
  const rows = await insightsCsvRows(actor, csv, period, { sort: query.get("sort") });
  const name = `folio-${csv}-${period.from}-to-${period.to}.csv`;
  return new NextResponse(csvRows(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });
});
