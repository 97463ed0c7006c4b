"use client";
// On a narrow screen the Markdown and the preview take turns: two tabs (the
// ARIA tabs pattern: arrow keys, Home and End move between them). On a wide
// one, and without JavaScript, both show and there are no tabs.
import { useRef, type KeyboardEvent } from "react";

export type EditorTab = "write" | "preview";

const TABS: [EditorTab, string][] = [
  ["write", "Write"],
  ["preview", "Preview"],
];

const tabId = (tab: EditorTab) => `editor-tab-${tab}`;
const panelId = (tab: EditorTab) => `editor-panel-${tab}`;

export function EditorTabs({ active, onChange }: { active: EditorTab; onChange: (tab: EditorTab) => void }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = TABS.length - 1;
    const next =
      event.key === "ArrowRight"
        ? (index + 1) % TABS.length
        : event.key === "ArrowLeft"
          ? (index + last) % TABS.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    onChange(TABS[next]![0]);
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Editor view" className="editor-tabs">
      {TABS.map(([tab, label], index) => (
        <button
          key={tab}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="tab"
          id={tabId(tab)}
          aria-controls={panelId(tab)}
          aria-selected={active === tab}
          tabIndex={active === tab ? 0 : -1}
          onClick={() => onChange(tab)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

/** A pane's attributes: a tab panel (hidden when not chosen) while there are tabs. */
export function paneProps(tab: EditorTab, tabbed: boolean, active: EditorTab) {
  return tabbed
    ? { id: panelId(tab), role: "tabpanel", "aria-labelledby": tabId(tab), hidden: active !== tab }
    : { id: panelId(tab) };
}
