import Link from "next/link";
import { env } from "@/lib/config/env";
import { signOutAction } from "@/app/signin/actions";
import { isSubscriber } from "@/lib/access/article-access";
import { listTags } from "@/lib/articles/taxonomy-queries";
import { getReader } from "@/lib/auth/get-reader";
import { hasRole } from "@/lib/auth/roles";
import { SearchBox } from "@/components/search/search-box";
import { ActionForm } from "@/components/site/action-form";

export async function SiteHeader() {
  const [topics, regions, reader] = await Promise.all([listTags("topic"), listTags("region"), getReader()]);
  const subscriber = await isSubscriber(reader);
  return (
    <header className="site-header">
      <div className="masthead">
        <Link href="/" className="masthead-title">
          {env().PUBLICATION_NAME}
        </Link>
        <form role="search" aria-label="Site search" action="/search" method="get" className="site-search">
          <SearchBox id="site-search-query" label="Search the library" />
          <button type="submit" className="button button-small">
            Search
          </button>
        </form>
        <nav className="account-nav" aria-label="Account">
          {!subscriber && (
            <Link href="/subscribe" className="button button-small">
              Subscribe
            </Link>
          )}
          {reader ? (
            <>
              {hasRole(reader.role, "editor") && <Link href="/admin">Newsroom</Link>}
              {/* No address or name here: the masthead of an article page is shared by
                  every reader of its variant (lib/access/article-page-variant.ts). */}
              <Link href="/account">Account</Link>
              {/* Posted to the home page without JavaScript, where signing out leads anyway. */}
              <ActionForm action={signOutAction} permalink="/">
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </ActionForm>
            </>
          ) : (
            <Link href="/signin">Log in</Link>
          )}
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
