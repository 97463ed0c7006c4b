"use client";
// Whether the screen is wide enough for the Markdown and the preview side by
// side (the same width as the editor's CSS). The server's HTML, and a browser
// without JavaScript, get the side-by-side layout, which on a narrow screen
// stacks the two: nothing is hidden behind a tab that cannot be clicked.
import { useSyncExternalStore } from "react";

export const WIDE_SCREEN = "(min-width: 64rem)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(WIDE_SCREEN);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

export function useWideScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(WIDE_SCREEN).matches,
    () => true,
  );
}
