import Link from "next/link";

// Shown with status 403 when a signed-in reader opens a page above their role.
export default function Forbidden() {
  return (
    <div className="message-page">
      <p className="kicker">403</p>
      <h1>This page is for the newsroom</h1>
      <p>Your account does not have the role this page needs. An admin can grant it.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
