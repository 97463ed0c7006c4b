import Link from "next/link";
import { env } from "@/lib/config/env";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>{env().PUBLICATION_NAME}: independent analysis of world affairs, funded by its readers.</p>
      <ul>
        <li>
          <Link href="/subscribe">Subscribe</Link>
        </li>
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
