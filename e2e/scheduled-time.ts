// A scheduled article's time, come now: the article's time and the time of
// the job that scheduling sent for it are both moved to now, as if the
// minute had passed. The job runners (polling every second) then publish it.
// How pg-boss runs a job at its time is tested in
// test/integration/scheduled-publishing.test.ts, against the real clock.
import { expect } from "@playwright/test";
import { PUBLISH_DUE_QUEUE } from "../lib/newsroom/articles/publish-due-queue";
import { sql } from "./database";

export async function bringScheduledTimeToNow(articleId: string): Promise<void> {
  const articles = await sql(
    "UPDATE articles SET published_at = now() WHERE id = $1 AND status = 'scheduled' RETURNING id",
    [articleId],
  );
  expect(articles, "the article is scheduled").toHaveLength(1);
  const jobs = await sql(
    `UPDATE pgboss.job SET start_after = now()
     WHERE name = $1 AND data ->> 'articleId' = $2 AND state = 'created' RETURNING id`,
    [PUBLISH_DUE_QUEUE, articleId],
  );
  expect(jobs, "scheduling sent one job for the article's time").toHaveLength(1);
}
