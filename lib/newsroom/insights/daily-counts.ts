// Reads the insights roll-up (insight_counts, lib/insights/) for a period:
// each metric's total per bucket of the dashboard's period.
import { db } from "@/lib/db/prisma";
import type { Bucket } from "./insights-period";

/** For each metric asked, its count in each bucket (in the buckets' order). */
export async function countsByBucket(metrics: readonly string[], buckets: Bucket[]): Promise<Map<string, number[]>> {
  const series = new Map(metrics.map((metric) => [metric, buckets.map(() => 0)]));
  if (buckets.length === 0) return series;
  const rows = await db().$queryRaw<{ day: string; metric: string; count: bigint }[]>`
    SELECT day::text AS day, metric, sum(count)::int8 AS count FROM insight_counts
    WHERE day BETWEEN ${buckets[0]!.start}::date AND ${buckets.at(-1)!.end}::date AND metric = ANY(${[...metrics]}::text[])
    GROUP BY day, metric`;
  for (const row of rows) {
    const index = bucketIndex(buckets, row.day);
    const values = series.get(row.metric);
    if (values && index !== -1) values[index]! += Number(row.count);
  }
  return series;
}

/** The bucket holding `day` (buckets are in order and do not overlap). */
export function bucketIndex(buckets: Bucket[], day: string): number {
  let low = 0;
  let high = buckets.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const bucket = buckets[middle]!;
    if (day < bucket.start) high = middle - 1;
    else if (day > bucket.end) low = middle + 1;
    else return middle;
  }
  return -1;
}
