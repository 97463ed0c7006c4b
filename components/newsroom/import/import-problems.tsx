// Every problem a run met, where and why; past SHOWN the JSON report has the rest.
const SHOWN = 1_000;

export function ImportProblems({
  problems,
  reportHref,
}: {
  problems: { where: string; reason: string }[];
  reportHref: string;
}) {
  if (problems.length === 0) return <p>No problems.</p>;
  return (
    <>
      <table className="newsroom-table import-problems">
        <caption>
          {problems.length.toLocaleString("en-US")} {problems.length === 1 ? "problem" : "problems"}
        </caption>
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, SHOWN).map((problem, index) => (
            <tr key={index}>
              <td>{problem.where}</td>
              <td>{problem.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > SHOWN && (
        <p className="meta">
          The first {SHOWN.toLocaleString("en-US")} are shown; <a href={reportHref}>the JSON report</a> lists them all.
        </p>
      )}
    </>
  );
}
