// The create and edit form of an author, topic or region. It posts to the
// newsroom's route (works without JavaScript); a refused save comes back
// with what was typed and the problem next to its field.
import type { TaxonomyFields, TaxonomyField } from "@/lib/newsroom/taxonomy/taxonomy-input";
import type { TaxonomyKindInfo } from "@/lib/newsroom/taxonomy/taxonomy-kinds";

type Props = {
  info: TaxonomyKindInfo;
  action: string;
  /** Distinguishes two forms on one page (field ids). */
  idPrefix: string;
  values: Partial<TaxonomyFields>;
  problem: { field: TaxonomyField; text: string } | null;
  submitLabel: string;
};

function Field(props: {
  id: string;
  name: TaxonomyField;
  label: string;
  hint?: string;
  value: string | undefined;
  problem: Props["problem"];
  multiline?: boolean;
  required?: boolean;
  maxLength: number;
}) {
  const error = props.problem?.field === props.name ? props.problem.text : null;
  const described =
    [props.hint ? `${props.id}-hint` : null, error ? `${props.id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id: props.id,
    name: props.name,
    defaultValue: props.value ?? "",
    maxLength: props.maxLength,
    required: props.required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
  };
  return (
    <div className="newsroom-field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
      {props.hint && (
        <p id={`${props.id}-hint`} className="meta">
          {props.hint}
        </p>
      )}
      {error && (
        <p id={`${props.id}-error`} className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function TaxonomyForm({ info, action, idPrefix, values, problem, submitLabel }: Props) {
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <form method="post" action={action} className="newsroom-form">
      <Field id={id("name")} name="name" label="Name" value={values.name} problem={problem} required maxLength={120} />
      <Field
        id={id("slug")}
        name="slug"
        label="Slug"
        hint={`In the address ${info.publicPath}/…; lower-case letters, digits and dashes. Left empty, it is made from the name.`}
        value={values.slug}
        problem={problem}
        maxLength={120}
      />
      {info.kind === "author" ? (
        <>
          <Field
            id={id("role")}
            name="role"
            label="Role"
            hint="Shown on the author's page, like “Europe editor”."
            value={values.role}
            problem={problem}
            maxLength={120}
          />
          <Field
            id={id("bio")}
            name="bio"
            label="Bio"
            value={values.bio}
            problem={problem}
            multiline
            maxLength={2000}
          />
        </>
      ) : (
        <Field
          id={id("description")}
          name="description"
          label="Description"
          value={values.description}
          problem={problem}
          multiline
          maxLength={2000}
        />
      )}
      <button type="submit" className="button button-primary">
        {submitLabel}
      </button>
    </form>
  );
}
