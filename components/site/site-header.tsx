import Link from "next/link";
import { env } from "@/lib/config/env";
import { listTags } from "@/lib/articles/taxonomy-queries";

export async function SiteHeader() {
  const [topics, regions] = await Promise.all([listTags("topic"), listTags("region")]);
  return (
    <header className="site-header">
      <div className="masthead">
        <Link href="/" className="masthead-title">
          {env().PUBLICATION_NAME}
        </Link>
        <nav className="account-nav" aria-label="Account">
          <Link href="/subscribe" className="button button-small">
            Subscribe
          </Link>
          <Link href="/signin">Log in</Link>
        </nav>
      </div>
      <nav className="section-nav" aria-label="Sections">
        <ul>
          {topics.map((topic) => (
            <li key={topic.id}>
              <Link href={`/topics/${topic.slug}`}>{topic.name}</Link>
            </li>
          ))}
          <li className="section-nav-divider" aria-hidden="true" />
          {regions.map((region) => (
            <li key={region.id}>
              <Link href={`/regions/${region.slug}`}>{region.name}</Link>
            </li>
          ))}
          <li>
            <Link href="/archive">Archive</Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
