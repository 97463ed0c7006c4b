"use client";
// Ctrl+S (Cmd+S on a Mac) saves, wherever the focus is on the editor's page,
// instead of the browser's "Save page as".
import { useEffect, useRef } from "react";

export function useSaveShortcut(onSave: () => void): void {
  // The latest callback, so the listener is added once and never stale.
  const latest = useRef(onSave);
  useEffect(() => {
    latest.current = onSave;
  }, [onSave]);

  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      if (!event.repeat) latest.current();
    };
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}
