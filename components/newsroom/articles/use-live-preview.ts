"use client";
// Asks the server for the preview of the body as it is being typed (250 ms
// after the last keystroke; a newer body cancels the request for an older one).
// The server cuts and renders it exactly as the article page does.
import { useEffect, useRef, useState } from "react";
import type { BodyPreview } from "./editor-types";

const DELAY_MS = 250;

export function useLivePreview(body: string, initial: BodyPreview): { preview: BodyPreview; current: boolean } {
  const [shown, setShown] = useState({ body, preview: initial });
  // The body the editor holds now, for an answer that arrives late to check
  // against; kept current after each render (refs are not written during one).
  const latest = useRef(body);
  useEffect(() => {
    latest.current = body;
  }, [body]);

  useEffect(() => {
    if (body === shown.body) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch("/api/admin/articles/preview", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ body }),
          signal: controller.signal,
        });
        if (response.ok && latest.current === body) setShown({ body, preview: (await response.json()) as BodyPreview });
      } catch {
        // Cancelled by a newer body, or offline: the next change asks again.
      }
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [body, shown.body]);

  return { preview: shown.preview, current: shown.body === body };
}
