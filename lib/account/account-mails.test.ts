// The publication's name is a name: the default, "The Folio Review", must
// never read "the The Folio Review" or "your The Folio Review" in an email.
import { render } from "@react-email/render";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NewsletterEmail } from "@/lib/mail/newsletter-email";
import { deletionConfirmationMail, emailChangeConfirmationMail, emailChangedNoticeMail } from "./account-mails";

const NAME = "The Folio Review";
// "the The", "your The", "a The": an article or possessive before the name.
const DOUBLED = /\b(the|your|our|a|an)\s+the\b/i;

beforeAll(() => {
  // Before the first env() call of this file, which caches the settings.
  vi.stubEnv("PUBLICATION_NAME", NAME);
});

describe("account emails", () => {
  const mails = () => ({
    deletion: deletionConfirmationMail("reader@example.org", "https://folio.example/account/confirm-delete?token=x"),
    confirmation: emailChangeConfirmationMail(
      "new@example.org",
      "old@example.org",
      "https://folio.example/account/confirm-email?token=x",
    ),
    notice: emailChangedNoticeMail("old@example.org", "new@example.org"),
  });

  it.each(["deletion", "confirmation", "notice"] as const)("%s: names the publication once, as a name", (which) => {
    const mail = mails()[which];
    for (const text of [mail.subject, mail.text, mail.html]) {
      expect(text).toContain(NAME);
      expect(text).not.toMatch(DOUBLED);
    }
  });

  it("reads as a person would write it", () => {
    const { deletion, notice } = mails();
    expect(deletion.subject).toBe("Confirm deleting your account at The Folio Review");
    expect(notice.text).toContain("The email address of your account at The Folio Review is now new@example.org.");
  });
});

describe("the newsletter email", () => {
  it("names the publication and the newsletter without doubling their article", async () => {
    const element = NewsletterEmail({
      publicationName: NAME,
      newsletterName: "The Daily Review",
      tagline: "The day's analysis.",
      issueLabel: "Friday, 4 December 2026",
      editorNote: "",
      items: [],
      siteUrl: "https://folio.example",
      webUrl: "https://folio.example/newsletters/daily-review/2026-12-04",
      accountUrl: "https://folio.example/account#newsletters",
      unsubscribeUrl: "https://folio.example/unsubscribe/x",
    });
    const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
    // React marks the joins between text parts with empty comments in HTML.
    for (const rendered of [html.replaceAll("<!-- -->", ""), text]) {
      expect(rendered).toContain("from The Folio Review");
      expect(rendered).not.toMatch(DOUBLED);
    }
  });
});
