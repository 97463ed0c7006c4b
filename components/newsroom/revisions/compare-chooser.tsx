// The form that picks two revisions to compare and how to show them: a GET
// form, so it works without JavaScript and the comparison has an address.
export type CompareView = "words" | "side";

export function CompareChooser({
  articleId,
  from,
  to,
  latest,
  view,
}: {
  articleId: string;
  from: number | null;
  to: number | null;
  latest: number;
  view: CompareView;
}) {
  return (
    <form method="get" action={`/admin/articles/${articleId}/revisions/compare`} className="compare-chooser">
      <div className="compare-numbers">
        <label htmlFor="compare-from">Compare revision</label>
        <input
          id="compare-from"
          name="from"
          type="number"
          inputMode="numeric"
          min={1}
          max={latest}
          required
          defaultValue={from ?? undefined}
        />
        <label htmlFor="compare-to">with revision</label>
        <input
          id="compare-to"
          name="to"
          type="number"
          inputMode="numeric"
          min={1}
          max={latest}
          required
          defaultValue={to ?? undefined}
        />
      </div>
      <fieldset className="compare-view">
        <legend>Show</legend>
        <label>
          <input type="radio" name="view" value="words" defaultChecked={view === "words"} /> Word by word
        </label>
        <label>
          <input type="radio" name="view" value="side" defaultChecked={view === "side"} /> Side by side
        </label>
      </fieldset>
      <button type="submit" className="button">
        Compare
      </button>
    </form>
  );
}
