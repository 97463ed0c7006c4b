// GET /unsubscribe/{token}: where a newsletter's unsubscribe link leads. Opening
// it changes nothing (mail scanners open links); its button posts to
// /api/unsubscribe/{token}, which comes back here with the result.
import type { Metadata } from "next";
import Link from "next/link";
import type { SearchParamValue } from "@/lib/http/search-params";
import { NEWSLETTER_CATALOG } from "@/lib/newsletters/newsletter-catalog";
import { inspectUnsubscribeLink } from "@/lib/newsletters/unsubscribe";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false }, referrer: "no-referrer" };

function Trouble({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="message-page">
      <p className="kicker">Newsletters</p>
      <h1>{title}</h1>
      <p>{children}</p>
    </div>
  );
}

export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const { token } = await params;
  const result = (await searchParams).result;
  const link = await inspectUnsubscribeLink(token);
  const manage = <Link href="/account#newsletters">your account page</Link>;
  if (link.kind === "invalid") {
    return (
      <Trouble title="This unsubscribe link is not valid">
        Please use the link from the email again, or sign in and choose your newsletters on {manage}.
      </Trouble>
    );
  }
  if (link.kind === "expired") {
    const name = link.newsletter ? NEWSLETTER_CATALOG[link.newsletter].name : "this newsletter";
    return (
      <Trouble title="This unsubscribe link has expired">
        To stop receiving {name}, sign in and switch it off on {manage}.
      </Trouble>
    );
  }
  const name = NEWSLETTER_CATALOG[link.newsletter].name;
  if (result === "unsubscribed" || result === "already" || !link.receiving) {
    return (
      <div className="message-page" role="status">
        <p className="kicker">Newsletters</p>
        <h1>{result === "unsubscribed" ? `You are unsubscribed from ${name}` : `You are not receiving ${name}`}</h1>
        <p>
          {result === "unsubscribed"
            ? "You will not receive it any more."
            : "You were already unsubscribed; using this link again changed nothing."}{" "}
          Changed your mind? Switch it back on from {manage}.
        </p>
      </div>
    );
  }
  return (
    <div className="message-page">
      <p className="kicker">Newsletters</p>
      <h1>Unsubscribe from {name}?</h1>
      <p>
        {link.maskedEmail ? (
          <>
            The address {link.maskedEmail} will no longer receive {name}.{" "}
          </>
        ) : null}
        Your other newsletters and your account stay as they are.
      </p>
      <form method="post" action={`/api/unsubscribe/${token}`}>
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className="button button-primary">
          Unsubscribe from {name}
        </button>
      </form>
    </div>
  );
}
