"use client";
// A form whose action is a server action, with the address it posts to when
// JavaScript is off. Given a server action itself, React writes the form as
// action="" (the page's own address): browsers accept that, HTML does not
// (the W3C validator refuses it). useActionState's permalink is React's way
// to name that address; React writes it into the form's action. Most actions
// here ignore the state and form data useActionState passes them; those that
// read the form's fields (remove a member) take the form data.
import { useActionState, type ReactNode } from "react";

export function ActionForm({
  action,
  permalink,
  className,
  children,
}: {
  action: (previous: void, formData: FormData) => Promise<void>;
  /** The page the form is on, or one the action is as much at home on. */
  permalink: string;
  className?: string;
  children: ReactNode;
}) {
  const [, formAction] = useActionState<void, FormData>(action, undefined, permalink);
  return (
    <form action={formAction} className={className}>
      {children}
    </form>
  );
}
