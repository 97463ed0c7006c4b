// GET /api/account/export: everything Folio holds about the signed-in reader,
// as a JSON download.
import { exportReaderData } from "@/lib/account/data-export";
import { withReader } from "@/lib/auth/with-reader";

export const GET = withReader(async (_request, { reader }) => {
  const data = await exportReaderData(reader.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="folio-data-${day}.json"`,
    },
  });
});
