"use client";
// Topics or regions: a checkbox each, in a list that scrolls on a wide screen
// so that the Markdown stays near the top of the editor.
import type { Choice } from "@/lib/newsroom/articles/editor-choices";
import { describedBy, FieldError } from "./field-error";

export function TagBoxes({
  legend,
  name,
  options,
  chosen,
  error,
  onChange,
}: {
  legend: string;
  name: "topicIds" | "regionIds";
  options: Choice[];
  chosen: string[];
  error: string | undefined;
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset className="editor-field editor-choices" {...describedBy(`${name}-error`, error)}>
      <legend>{legend}</legend>
      <div className="editor-choice-list">
        {options.map((option) => (
          <label key={option.id} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={option.id}
              checked={chosen.includes(option.id)}
              onChange={(event) =>
                onChange(event.target.checked ? [...chosen, option.id] : chosen.filter((id) => id !== option.id))
              }
            />
            {option.name}
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} message={error} />
    </fieldset>
  );
}
