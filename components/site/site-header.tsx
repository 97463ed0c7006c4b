import Link from "next/link";
import { env } from "@/lib/config/env";
import { signOutAction } from "@/app/signin/actions";
import { readsEverythingNow } from "@/lib/access/article-access";
import { listTags } from "@/lib/articles/taxonomy-queries";
import { getReader } from "@/lib/auth/get-reader";
import { hasRole } from "@/lib/auth/roles";
import { SiteSearch } from "@/components/search/site-search";
import { ActionForm } from "@/components/site/action-form";

// The header's links are not prefetched: Next.js would fetch every page
// they name (twenty-odd) as soon as the header is on screen, on a phone's
// data and CPU, and each of those is a render on the server.
export async function SiteHeader() {
  const [topics, regions, reader] = await Promise.all([listTags("topic"), listTags("region"), getReader()]);
  const subscriber = await readsEverythingNow(reader);
  return (
    <header className="site-header">
      <div className="masthead">
        <Link prefetch={false} href="/" className="masthead-title">
          {env().PUBLICATION_NAME}
        </Link>
        <SiteSearch />
        <nav className="account-nav" aria-label="Account">
          {!subscriber && (
            <Link prefetch={false} href="/subscribe" className="button button-small">
              Subscribe
            </Link>
          )}
          {reader ? (
            <>
              {hasRole(reader.role, "editor") && (
                <Link prefetch={false} href="/admin">
                  Newsroom
                </Link>
              )}
              {/* No address or name here: the masthead of an article page is shared by
                  every reader of its variant (lib/access/article-page-variant.ts). */}
              <Link prefetch={false} href="/account">
                Account
              </Link>
              {/* Posted to the home page without JavaScript, where signing out leads anyway. */}
              <ActionForm action={signOutAction} permalink="/">
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </ActionForm>
            </>
          ) : (
            <Link prefetch={false} href="/signin">
              Log in
            </Link>
          )}
        </nav>
      </div>
      <nav className="section-nav" aria-label="Sections">
        <ul>
          {topics.map((topic) => (
            <li key={topic.id}>
              <Link prefetch={false} href={`/topics/${topic.slug}`}>
                {topic.name}
              </Link>
            </li>
          ))}
          <li className="section-nav-divider" aria-hidden="true" />
          {regions.map((region) => (
            <li key={region.id}>
              <Link prefetch={false} href={`/regions/${region.slug}`}>
                {region.name}
              </Link>
            </li>
          ))}
          <li>
            <Link prefetch={false} href="/archive">
              Archive
            </Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
