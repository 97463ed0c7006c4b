// What the newsletter pages say after one of their forms was sent (?notice=…).
import { NewsroomNotice, type NoticeTexts } from "../newsroom-notice";

const NOTICES: NoticeTexts = {
  "issue-saved": { text: "The next issue is updated." },
  "issue-stale": {
    text: "That issue is no longer the next one: it was sent, or its day passed. Here is the next one.",
    error: true,
  },
  "issue-empty": {
    text: "Nothing to send: the issue had no articles. It is recorded as empty and was not sent.",
    error: true,
  },
  "not-in-issue": { text: "That article is not in the next issue any more.", error: true },
  "test-sent": { text: "The test is sent to your address. It can take a minute to arrive." },
  "test-empty": { text: "Nothing to test: the issue has no articles.", error: true },
  "test-limited": {
    text: "You sent several tests in the last few minutes. Try again in a few minutes.",
    error: true,
  },
  "test-failed": { text: "The mail server did not take the test. Try again later.", error: true },
  "invalid-input": { text: "That change could not be made: the form was incomplete.", error: true },
};

export function NewsletterNotice({ code }: { code: string | undefined }) {
  return <NewsroomNotice code={code} texts={NOTICES} />;
}
