"use server";
// The admin's organisation form: create (no id) or save (the id in a hidden
// field). Anyone can post any arguments to a server action: the role is
// checked here and again in lib/organisations, and the fields are read as
// strings only. A refused save comes back with what was typed and each
// problem next to its field; nothing was written.
import { redirect } from "next/navigation";
import { actionActor } from "@/lib/newsroom/require-role";
import { EMPTY_FORM, readOrganisationForm, type OrganisationFormState } from "@/lib/organisations/organisation-input";
import { saveOrganisation } from "@/lib/organisations/save-organisation";

function textFields(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

export async function saveOrganisationAction(
  _previous: OrganisationFormState,
  formData: unknown,
): Promise<OrganisationFormState> {
  const actor = await actionActor("admin");
  if (!(formData instanceof FormData)) {
    return { form: EMPTY_FORM, errors: {}, message: "That request was not understood; nothing changed." };
  }
  const fields = textFields(formData);
  const id = fields.id ? fields.id : null;
  const result = await saveOrganisation(actor, id, fields);
  switch (result.kind) {
    case "saved":
      redirect(`/admin/organisations/${result.id}?notice=${result.created ? "created" : "saved"}`);
    case "not-found":
      return {
        form: readOrganisationForm(fields),
        errors: {},
        message: "There is no such organisation; nothing was saved.",
      };
    case "invalid":
      return {
        form: readOrganisationForm(fields),
        errors: result.errors,
        message: "Nothing was saved: see the problems below.",
      };
  }
}
