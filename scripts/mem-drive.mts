// throwaway: drive anonymous (2,000 articles) then subscriber pages, print req/s and the server's peak RSS
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { preparePeople } from "./bench/page-bench-people";
const url = "postgresql://postgres@127.0.0.1:5432/folio_bench";
const pid = Number(process.argv[2]);
const duration = Number(process.argv[3] ?? 10);
const people = await preparePeople(url, { anonymousArticles: 2000, unlockReaders: 1 });
let peak = 0;
const timer = setInterval(() => {
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
  peak = Math.max(peak, rss);
}, 200);
const scenarios = {
  anonymous: people.anonymousSlugs.map((slug) => ({ method: "GET" as const, path: `/articles/${slug}` })),
  subscriber: people.subscriber.gatedSlugs.map((slug) => ({ method: "GET" as const, path: `/articles/${slug}`, headers: { cookie: people.subscriber.cookie } })),
};
for (const [name, requests] of Object.entries(scenarios)) {
  await autocannon({ url: "http://127.0.0.1:3500", connections: 32, amount: requests.length, requests });
  const result = await autocannon({ url: "http://127.0.0.1:3500", connections: 32, duration, requests });
  console.log(name, "req/s", Math.round(result.requests.average), "p50", result.latency.p50, "p99", result.latency.p99, "non2xx", result.non2xx, "errors", result.errors, "peak RSS MB", Math.round(peak));
}
clearInterval(timer);
