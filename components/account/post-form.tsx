"use client";
// A form whose action is a server action that reads the form's fields and
// answers with a redirect (remove a member, withdraw an invitation), with the
// page it is on as the address it posts to without JavaScript: React writes
// useActionState's permalink into the form's action (see
// components/site/action-form.tsx for why a bare action="" will not do).
import { useActionState, type ReactNode } from "react";

export function PostForm({
  action,
  permalink,
  className,
  children,
}: {
  action: (previous: void, formData: FormData) => Promise<void>;
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
