import { expect, it } from "vitest";
import { invitationMail } from "./invitation-mail";

it("says who invites, to what, until when, how to accept and that nothing happens otherwise", () => {
  process.env.PUBLICATION_TIMEZONE ??= "UTC";
  const mail = invitationMail("reader@example.edu", {
    organisation: "University of Example",
    endsAt: new Date("2028-01-01T00:00:00Z"),
    invitedBy: "librarian@example.edu",
    url: "http://localhost:3000/account/organisation/join?token=abc",
  });
  expect(mail.to).toBe("reader@example.edu");
  expect(mail.subject).toMatch(/^University of Example invites you to read /);
  expect(mail.text).toContain("librarian@example.edu invites you to take one of University of Example's seats");
  expect(mail.text).toContain("until the end of 31 December 2027");
  expect(mail.text).toContain("sign in with this address (reader@example.edu)");
  expect(mail.text).toContain("Accept the invitation: http://localhost:3000/account/organisation/join?token=abc");
  expect(mail.text).toContain("nothing happens unless you accept");
  expect(mail.html).toContain('href="http://localhost:3000/account/organisation/join?token=abc"');
});
