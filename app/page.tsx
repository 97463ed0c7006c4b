// GET /: the front page: the latest analysis and reports, with navigation.
import Link from "next/link";
import { ArticleCard } from "@/components/article/article-card";
import { HousePromotion } from "@/components/billing/house-promotion";
import { TagChips } from "@/components/site/tag-chips";
import { isSubscriber } from "@/lib/access/article-access";
import { getReader } from "@/lib/auth/get-reader";
import { listLatest } from "@/lib/articles/article-queries";
import { listTags } from "@/lib/articles/taxonomy-queries";
import { env } from "@/lib/config/env";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  sendPageWithoutScripts();
  const [daily, inDepth, topics, regions, subscriber] = await Promise.all([
    listLatest({ kind: "daily", limit: 9 }),
    listLatest({ kind: "in_depth", limit: 5 }),
    listTags("topic"),
    listTags("region"),
    getReader().then(isSubscriber),
  ]);
  const [lead, ...rest] = daily;
  return (
    <div className="home">
      {/* The masthead shows the name; the page's outline needs it as its heading too. */}
      <h1 className="visually-hidden">{env().PUBLICATION_NAME}</h1>
      <section className="home-main" aria-labelledby="daily-title">
        <h2 id="daily-title" className="section-title">
          Daily Analysis
        </h2>
        {/* The section's heading names the kind: the cards do not repeat it. */}
        {lead ? <ArticleCard article={lead} lead showKind={false} /> : <p>Nothing has been published yet.</p>}
        <div className="card-grid">
          {rest.map((article) => (
            <ArticleCard key={article.id} article={article} showKind={false} />
          ))}
        </div>
      </section>
      <aside className="home-side">
        {!subscriber && <HousePromotion slot="home" />}
        <section aria-labelledby="in-depth-title">
          <h2 id="in-depth-title" className="section-title">
            In-Depth Reports
          </h2>
          <div className="card-list">
            {inDepth.map((article) => (
              <ArticleCard key={article.id} article={article} showKind={false} />
            ))}
          </div>
        </section>
        <TagChips id="topics-title" title="Topics" tags={topics} />
        <TagChips id="regions-title" title="Regions" tags={regions} />
        <p>
          <Link href="/archive">Browse the archive →</Link>
        </p>
      </aside>
    </div>
  );
}
