"use client";
// Whether the editor runs with JavaScript: false in the server's HTML and
// while React hydrates it (so both render the same), true afterwards. The
// form without JavaScript keeps the browser's own validation.
import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
