"use client";
// The create and edit form of an organisation. It posts to a server action
// (through useActionState, with the page as its permalink, so it works
// without JavaScript too); a refused save shows each problem next to its
// field, with what was typed.
import { useActionState } from "react";
import type { OrganisationField, OrganisationFormState } from "@/lib/organisations/organisation-input";

type Props = {
  action: (previous: OrganisationFormState, formData: FormData) => Promise<OrganisationFormState>;
  permalink: string;
  /** The organisation's id; none for a new one. */
  id?: string;
  initial: OrganisationFormState;
  timeZone: string;
  submitLabel: string;
};

function Field({
  id,
  name,
  label,
  hint,
  state,
  kind = "text",
  ...rest
}: {
  id: string;
  name: OrganisationField;
  label: string;
  hint?: string;
  state: OrganisationFormState;
  kind?: "text" | "date" | "number" | "email" | "textarea";
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  placeholder?: string;
}) {
  const error = state.errors[name];
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue: state.form[name],
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
    ...rest,
  };
  return (
    <div className="newsroom-field">
      <label htmlFor={id}>{label}</label>
      {kind === "textarea" ? <textarea rows={4} spellCheck={false} {...common} /> : <input type={kind} {...common} />}
      {hint && (
        <p id={`${id}-hint`} className="meta">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function OrganisationForm({ action, permalink, id, initial, timeZone, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, initial, permalink);
  const field = (name: string) => `${id ? "edit" : "new"}-organisation-${name}`;
  return (
    <form action={formAction} className="newsroom-form organisation-form" noValidate>
      {state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="id" value={id ?? ""} />
      <Field id={field("name")} name="name" label="Name" state={state} required maxLength={200} />
      <div className="organisation-dates">
        <Field id={field("first-day")} name="firstDay" label="First day" kind="date" state={state} required />
        <Field id={field("last-day")} name="lastDay" label="Last day" kind="date" state={state} required />
      </div>
      <p className="meta">
        Access starts at midnight at the start of the first day and ends at midnight at the end of the last, in the
        publication’s time zone ({timeZone}).
      </p>
      <Field
        id={field("domains")}
        name="domains"
        label="Email domains"
        kind="textarea"
        hint="One per line, like example.edu. Readers who confirm an address at one of them, or at a subdomain, read everything. Consumer mail services (gmail.com, outlook.com, …) and public suffixes (co.uk, gov.uk) are refused."
        placeholder="example.edu"
        state={state}
      />
      <Field
        id={field("ip-ranges")}
        name="ipRanges"
        label="IP ranges"
        kind="textarea"
        hint="One per line: IPv4 or IPv6 in CIDR notation, like 131.111.0.0/16 or 2001:630::/32, or one address alone. Readers from these addresses read everything without signing in. A range must not overlap another organisation’s."
        placeholder="131.111.0.0/16"
        state={state}
      />
      <Field
        id={field("seats")}
        name="seats"
        label="Seats"
        kind="number"
        min={1}
        max={100000}
        hint="How many readers the manager may invite; empty for none."
        state={state}
      />
      <Field
        id={field("manager")}
        name="manager"
        label="Manager’s email address"
        kind="email"
        hint="With seats: the reader who invites and removes members at /account/organisation. They must have signed in once."
        state={state}
      />
      <button type="submit" className="button button-primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
