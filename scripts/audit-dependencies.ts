// CLI: `npm run audit:deps` (run by .ci/run). `npm audit --omit=dev` must
// report no high or critical advisory in a production dependency, except
// those listed, with the reason they cannot be reached, in
// security/audit-exceptions.json. When the registry does not offer its audit
// endpoint (the registry these machines reach answers 405 to it),
// that is said loudly and the check passes: nothing could be checked, and
// claiming otherwise would be worse.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

type Advisory = { source?: number; url?: string; title?: string; severity?: string };
type Vulnerability = { name: string; severity: string; via: (Advisory | string)[] };
type AuditReport = { vulnerabilities?: Record<string, Vulnerability>; statusCode?: number; message?: string };

const root = path.resolve(import.meta.dirname, "..");
const exceptions = (
  JSON.parse(readFileSync(path.join(root, "security/audit-exceptions.json"), "utf8")) as {
    exceptions: Record<string, string>;
  }
).exceptions;

const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], {
  cwd: root,
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});
let report: AuditReport;
try {
  report = JSON.parse(result.stdout) as AuditReport;
} catch {
  console.error(`[audit] npm audit printed no report: ${result.stderr.trim()}`);
  process.exit(1);
}
if (!report.vulnerabilities && report.statusCode) {
  console.warn(
    `[audit] WARNING: the registry refused the audit request (${report.message ?? report.statusCode}); dependencies were NOT checked.`,
  );
  process.exit(0);
}
const serious = Object.values(report.vulnerabilities ?? {}).filter(
  (entry) => entry.severity === "high" || entry.severity === "critical",
);
const unexplained = serious.filter((entry) =>
  entry.via.some((via) => typeof via === "object" && !exceptions[via.url?.split("/").at(-1) ?? ""]),
);
for (const entry of serious) {
  const advisories = entry.via
    .filter((via): via is Advisory => typeof via === "object")
    .map((via) => `${via.title} (${via.url})`);
  console.log(
    `[audit] ${entry.severity}: ${entry.name}: ${advisories.join("; ") || "through " + entry.via.join(", ")}`,
  );
}
if (unexplained.length > 0) {
  console.error(
    `[audit] ${unexplained.length} high or critical finding(s) in production dependencies; fix them or explain each in security/audit-exceptions.json`,
  );
  process.exit(1);
}
console.log(
  `[audit] no unexplained high or critical advisory in production dependencies (${serious.length} explained)`,
);
