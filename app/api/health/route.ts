// GET /api/health: which database this server uses and whether it answers.
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";

export async function GET() {
  const kind = env().FOLIO_DATABASE_KIND;
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    const latencyMs = Math.round(performance.now() - started);
    return Response.json(
      { status: "ok", database: { kind, ok: true, latencyMs } },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "error", database: { kind, ok: false } },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
