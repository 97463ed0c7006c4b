// The upload form of /admin/import: a plain multipart post, so it works
// without JavaScript; the file goes to disk as it arrives (lib/import/receive-upload.ts).
import { formatLimit } from "@/lib/import/receive-upload";

export function ImportForm({ maxBytes }: { maxBytes: number }) {
  return (
    <form method="post" action="/api/admin/import" encType="multipart/form-data" className="newsroom-form import-form">
      <div className="newsroom-field">
        <label htmlFor="import-file">Export file</label>
        <input
          id="import-file"
          type="file"
          name="file"
          accept=".json,.xml,.zip,.csv,application/json,application/xml,text/xml,application/zip,text/csv"
          required
          aria-describedby="import-file-help"
        />
        <p className="meta" id="import-file-help">
          Up to {formatLimit(maxBytes)}. A larger file is imported on the server with{" "}
          <code>npm run import -- FILE</code>.
        </p>
      </div>
      <fieldset className="import-choice">
        <legend>Drafts</legend>
        <label>
          <input type="radio" name="drafts" value="skip" defaultChecked /> Skip drafts
        </label>
        <label>
          <input type="radio" name="drafts" value="import" /> Import them as drafts
        </label>
      </fieldset>
      <label className="import-check">
        <input type="checkbox" name="sendWelcome" /> Members CSV only: send imported readers a welcome email (unticked,
        they get no email)
      </label>
      <button type="submit" className="button button-primary">
        Preview import
      </button>
      <p className="meta">The preview writes nothing: it shows what the import would do, and you import from there.</p>
    </form>
  );
}
