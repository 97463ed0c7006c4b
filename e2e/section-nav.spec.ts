// The section navigation: every topic, region and the archive in view, as
// links, at every width from a small phone to a wide screen (none clipped
// off in a sideways strip).
import { expect, test } from "@playwright/test";

for (const width of [320, 390, 768, 1024, 1280, 1440, 1920]) {
  test(`every section is visible at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Sections" });
    const links = nav.getByRole("link");
    expect(await links.count()).toBeGreaterThanOrEqual(10);
    await expect(links.filter({ hasText: "Archive" })).toBeVisible();
    for (const box of await links.evaluateAll((anchors) =>
      anchors.map((anchor) => {
        const rect = anchor.getBoundingClientRect();
        return { name: anchor.textContent, left: rect.left, right: rect.right, width: rect.width };
      }),
    )) {
      expect(box.width, `${box.name} at ${width}`).toBeGreaterThan(0);
      expect(box.left, `${box.name} at ${width}`).toBeGreaterThanOrEqual(0);
      expect(box.right, `${box.name} at ${width}`).toBeLessThanOrEqual(width);
    }
    expect(await nav.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  });
}
