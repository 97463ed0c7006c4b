// A reader page whose subject does not exist (an article, an author, a
// topic) draws the not-found page itself, and the web server answers it 404
// (server/not-found-status.ts). Next.js 16 answers a notFound() thrown by a
// page with 404 and an empty error shell, and draws the not-found page in
// the browser from its flight data: without JavaScript, and on the reader
// pages that are sent without it (lib/http/page-without-scripts.ts), a blank
// page (vercel/next.js#98954; an unmatched address is drawn on the server).
// Without the web server (`next dev`) there is no one to set the status, so
// it throws notFound() as before.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { currentRequestContext } from "@/lib/observability/request-context";
import { NotFoundMessage } from "./not-found-message";

/** The metadata of such a page: what Next.js gives its own not-found page. */
export const NOT_FOUND_METADATA: Metadata = { title: "Not found", robots: { index: false } };

/** The not-found page, drawn in place of the page, answered 404. */
export function pageNotFound() {
  const context = currentRequestContext();
  if (!context) notFound();
  context.notFound = true;
  return <NotFoundMessage />;
}
