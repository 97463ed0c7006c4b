"use client";
// Drag-and-drop onto the upload form: the dropped files go into its file
// field and the form is sent, as if chosen with the picker. Without
// JavaScript the picker does the same.
import { useRef, useState } from "react";

export function MediaDropZone({ children }: { children: React.ReactNode }) {
  const zone = useRef<HTMLDivElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      ref={zone}
      className={over ? "media-drop-zone media-drop-zone-over" : "media-drop-zone"}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const form = zone.current?.querySelector("form");
        const input = form?.querySelector<HTMLInputElement>('input[type="file"]');
        if (!form || !input || event.dataTransfer.files.length === 0) return;
        input.files = event.dataTransfer.files;
        form.requestSubmit();
      }}
    >
      {children}
    </div>
  );
}
