// What a chart or table says instead of an empty frame.
export const NOTHING_COUNTED = "Nothing counted in this period.";

export function NothingCounted() {
  return <p className="insights-empty">{NOTHING_COUNTED}</p>;
}
