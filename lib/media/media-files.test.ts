import { describe, expect, it } from "vitest";
import {
  heightAt,
  markdownSrc,
  parseImageFileName,
  parseMarkdownSrc,
  srcSet,
  storedWidths,
  widthFor,
} from "./media-files";

const key = "AbCdEfGhIjKlMnOpQrSt_-";

describe("media files", () => {
  it("stores the standard widths below the upload's, and the upload's (at most 1920)", () => {
    expect(storedWidths(100)).toEqual([100]);
    expect(storedWidths(1000)).toEqual([320, 640, 960, 1000]);
    expect(storedWidths(1280)).toEqual([320, 640, 960, 1280]);
    expect(storedWidths(6000)).toEqual([320, 640, 960, 1280, 1920]);
  });

  it("keeps the aspect ratio", () => {
    expect(heightAt({ width: 1600, height: 900 }, 320)).toBe(180);
  });

  it("names the stored files and nothing else", () => {
    expect(parseImageFileName("640.webp")).toEqual({ width: 640 });
    expect(parseImageFileName("email.jpg")).toEqual({ email: true });
    for (const name of ["0.webp", "640.png", "../640.webp", "640.webp\u0000", "1234567.webp", ""]) {
      expect(parseImageFileName(name)).toBeNull();
    }
  });

  it("reads back the Markdown src it writes, and only that", () => {
    const image = { key, width: 1600, height: 900 };
    expect(parseMarkdownSrc(markdownSrc(image))).toEqual(image);
    expect(srcSet(image)).toBe(
      `/media/${key}/320.webp 320w, /media/${key}/640.webp 640w, /media/${key}/960.webp 960w, /media/${key}/1280.webp 1280w, /media/${key}/1600.webp 1600w`,
    );
    expect(widthFor(image, 1200)).toBe(1280);
    for (const src of [
      `/media/${key}`,
      `https://x.example/media/${key}?w=1&h=1`,
      `/media/${key}?w=0&h=1`,
      "/media/short?w=1&h=1",
    ]) {
      expect(parseMarkdownSrc(src)).toBeNull();
    }
  });
});
