import Link from "next/link";
import { readsEverythingNow } from "@/lib/access/article-access";
import { getReader } from "@/lib/auth/get-reader";
import { env } from "@/lib/config/env";

export async function SiteFooter() {
  // A subscriber (paid or comp) or an organisation's member already has what
  // the link offers; asking them to subscribe again reads as if their access
  // had lapsed. The header asks the same, and React's per-request cache
  // answers both with one query.
  const subscriber = await readsEverythingNow(await getReader());
  return (
    <footer className="site-footer">
      <p>{env().PUBLICATION_NAME}: independent analysis of world affairs, funded by its readers.</p>
      <ul>
        {!subscriber && (
          <li>
            <Link href="/subscribe">Subscribe</Link>
          </li>
        )}
        <li>
          <Link href="/archive">Archive</Link>
        </li>
        <li>
          <a href="/feed.xml">RSS</a>
        </li>
      </ul>
    </footer>
  );
}
