"use client";
// The search page's field, with headline suggestions under it while the
// reader types (a debounced GET /api/search/suggest). Without JavaScript it
// is a plain text field of the GET form around it, and searching still
// works. The masthead's field on every other page is plain HTML
// (site-search.tsx): this is the only client code of a reader's search.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";

type Suggestion = { slug: string; title: string; url: string };

const DEBOUNCE_MS = 200;
const MAX_LENGTH = 256;

export function SearchBox({ id, defaultValue = "", label }: { id: string; defaultValue?: string; label: string }) {
  const [value, setValue] = useState(defaultValue);
  const [typed, setTyped] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Only what the reader types asks for suggestions, not the prefilled query.
  useEffect(() => {
    if (!typed || value.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search/suggest?q=${encodeURIComponent(value)}`, {
          signal: controller.signal,
        });
        if (!response.ok) return;
        const body = (await response.json()) as { suggestions: Suggestion[] };
        setSuggestions(body.suggestions);
        setActive(-1);
        setOpen(true);
      } catch {
        // Aborted by the next keystroke, or offline: no suggestions, searching still works.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value, typed]);

  const listId = `${id}-suggestions`;
  const showing = open && suggestions.length > 0;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!showing) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      // -1 is the field itself; the keys cycle through the suggestions and back to it.
      const count = suggestions.length;
      setActive((current) =>
        event.key === "ArrowDown"
          ? current + 1 >= count
            ? -1
            : current + 1
          : current - 1 < -1
            ? count - 1
            : current - 1,
      );
    } else if (event.key === "Escape") {
      setOpen(false);
    } else if (event.key === "Enter" && active >= 0 && active < suggestions.length) {
      event.preventDefault();
      window.location.assign(suggestions[active]!.url);
    }
  }

  return (
    <div
      className="search-box"
      onBlur={() => {
        closeTimer.current = setTimeout(() => setOpen(false), 150);
      }}
      onFocus={() => clearTimeout(closeTimer.current)}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        // Text, not "search": HTML allows role=combobox on a text input
        // only. The form around it is the search landmark, and the keyboard
        // still offers "search" as its enter key.
        type="text"
        enterKeyHint="search"
        name="q"
        value={value}
        maxLength={MAX_LENGTH}
        placeholder="Search the library"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showing}
        aria-controls={listId}
        aria-activedescendant={showing && active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setTyped(true);
          // Too short to suggest anything: the old suggestions go at once.
          if (event.target.value.trim().length < 2) setSuggestions([]);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Suggested articles" className="search-suggestions" hidden={!showing}>
        {suggestions.map((suggestion, index) => (
          <li key={suggestion.slug} id={`${listId}-${index}`} role="option" aria-selected={index === active}>
            <a href={suggestion.url} tabIndex={-1}>
              {suggestion.title}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
