"use client";
// Images pasted or dropped into the body's Markdown: each goes to the media
// library (POST /api/admin/media, the same checks as the library's form) and
// its Markdown is put where the cursor was, on a line of its own. What the
// library refuses is said in `status`, and nothing is inserted for it.
import { useState, type ClipboardEvent, type DragEvent, type RefObject } from "react";

type Uploaded = { markdown: string };

async function uploadImage(file: File): Promise<{ ok: true; markdown: string } | { ok: false; message: string }> {
  const form = new FormData();
  form.append("file", file);
  const response = await fetch("/api/admin/media", {
    method: "POST",
    body: form,
    headers: { Accept: "application/json" },
  }).catch(() => null);
  if (!response) return { ok: false, message: "The image could not be sent: check the connection." };
  const answer = (await response.json().catch(() => null)) as { message?: string; media?: Uploaded[] } | null;
  const markdown = answer?.media?.[0]?.markdown;
  if (response.ok && markdown) return { ok: true, markdown };
  return { ok: false, message: answer?.message ?? "The image was not accepted." };
}

const imagesOf = (files: FileList | null | undefined) =>
  [...(files ?? [])].filter((file) => file.type.startsWith("image/") || file.type === "");

export function useImageUpload({
  body,
  update,
  bodyRef,
}: {
  body: string;
  update: (change: { body: string }) => void;
  bodyRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  async function insert(files: File[], at: number) {
    if (files.length === 0) return;
    setStatus({ text: `Uploading ${files.length === 1 ? "the image" : `${files.length} images`}…`, error: false });
    const lines: string[] = [];
    for (const file of files) {
      const result = await uploadImage(file);
      if (!result.ok) {
        setStatus({ text: `${file.name || "The image"}: ${result.message}`, error: true });
        if (lines.length === 0) return;
        break;
      }
      lines.push(result.markdown);
    }
    const text = bodyRef.current?.value ?? body;
    const before = text.slice(0, at).replace(/\s*$/, "");
    const after = text.slice(at).replace(/^\s*/, "");
    const block = lines.join("\n\n");
    update({ body: [before, block, after].filter(Boolean).join("\n\n") });
    setStatus((current) =>
      current?.error ? current : { text: "The image is in the library and in the text.", error: false },
    );
  }

  const handlers = {
    onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
      const files = imagesOf(event.clipboardData?.files);
      if (files.length === 0) return;
      event.preventDefault();
      void insert(files, event.currentTarget.selectionStart);
    },
    onDragOver(event: DragEvent<HTMLTextAreaElement>) {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    },
    onDrop(event: DragEvent<HTMLTextAreaElement>) {
      const files = imagesOf(event.dataTransfer?.files);
      if (files.length === 0) return;
      event.preventDefault();
      void insert(files, event.currentTarget.selectionStart);
    },
  };
  return { handlers, status };
}
