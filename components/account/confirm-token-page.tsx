import Link from "next/link";
import { ACCOUNT_TOKEN_PATTERN } from "@/lib/account/account-tokens";

/** The page an emailed account link opens: opening it changes nothing (mail
 *  scanners open links); the button does. */
export function ConfirmTokenPage({
  token,
  title,
  explanation,
  action,
  button,
}: {
  token: string | undefined;
  title: string;
  explanation: string;
  action: string;
  button: string;
}) {
  if (!token || !ACCOUNT_TOKEN_PATTERN.test(token)) {
    return (
      <div className="message-page">
        <h1>This link is incomplete</h1>
        <p>
          Please open the link from the email again, or go to <Link href="/account">your account</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="message-page">
      <p className="kicker">Your account</p>
      <h1>{title}</h1>
      <p>{explanation}</p>
      <form method="post" action={action}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button button-primary">
          {button}
        </button>
      </form>
    </div>
  );
}
