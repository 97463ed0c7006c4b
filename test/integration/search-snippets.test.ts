// Search snippets follow the access decision: a reader who may only read the
// preview finds an article by a word in its gated part, but never sees that
// text; a subscriber (a real one, through the Stripe emulator) does, and so
// does a visitor whose address an organisation's IP range admits.
import { describe, expect, it } from "vitest";
import { spendUnlock } from "@/lib/access/reader-meter";
import { syncSubscription } from "@/lib/billing/subscription-sync";
import { highlightedHtml, plainText } from "@/lib/search/highlighted-text";
import { suggestHeadlines } from "@/lib/search/suggest-headlines";
import { createArticle } from "../fixtures/articles";
import { createReader } from "../fixtures/readers";
import { results, uniqueWord, type Results } from "../fixtures/search";
import { buyMonthly } from "../fixtures/stripe";

const PREVIEW = ["The committee met on Tuesday.", "Its statement was two lines long.", "Reporters waited outside."];

/** A gated article whose word `secret` appears only in a sentence past the preview (three paragraphs). */
async function gatedArticle(options: { marker?: boolean; free?: boolean } = {}) {
  const secret = uniqueWord();
  const gatedSentence = `Behind closed doors the ${secret} levy was shelved until spring`;
  const body = options.marker
    ? [PREVIEW[0], "<!-- paywall -->", `${gatedSentence}.`, "Nothing was announced."].join("\n\n")
    : [...PREVIEW, `${gatedSentence}.`, "Nothing was announced."].join("\n\n");
  const article = await createArticle({ body, free: options.free });
  return { article, secret, gatedSentence };
}

const onlyHit = (found: Results) => {
  expect(found.hits).toHaveLength(1);
  return found.hits[0]!;
};

async function subscriber() {
  const reader = await createReader();
  const paid = await buyMonthly(reader);
  await syncSubscription(paid.subscriptionId);
  return reader;
}

describe("snippets", () => {
  it("find an article by a word in its gated part for anyone, without showing that text to a reader without access", async () => {
    const { article, secret, gatedSentence } = await gatedArticle();
    for (const reader of [null, await createReader()]) {
      const found = await results({ q: secret }, reader);
      const hit = onlyHit(found);
      expect(hit.article.slug).toBe(article.slug);
      expect(hit.access).toBe("preview");
      expect(plainText(hit.snippet)).toContain(PREVIEW[0]);
      const everything = JSON.stringify(found.hits);
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain("levy");
      expect(everything).not.toContain(gatedSentence.slice(0, 20));
    }
  });

  it("cut at the editor's marker leave out everything after it", async () => {
    const { secret } = await gatedArticle({ marker: true });
    const hit = onlyHit(await results({ q: secret }));
    expect(plainText(hit.snippet)).toBe(PREVIEW[0]);
    expect(JSON.stringify(hit)).not.toContain("paywall");
  });

  it("show and highlight the gated text for a subscriber", async () => {
    const { secret } = await gatedArticle();
    const hit = onlyHit(await results({ q: secret }, await subscriber()));
    expect(hit.access).toBe("full");
    expect(plainText(hit.snippet)).toContain(`Behind closed doors the ${secret} levy`);
    expect(highlightedHtml(hit.snippet)).toContain(`<mark>${secret}</mark>`);
  });

  it("show the gated text to a reader who unlocked the article, and of a free article to anyone", async () => {
    const unlocked = await gatedArticle();
    const reader = await createReader();
    await spendUnlock(reader, unlocked.article.id);
    expect(plainText(onlyHit(await results({ q: unlocked.secret }, reader)).snippet)).toContain(unlocked.secret);
    expect(JSON.stringify((await results({ q: unlocked.secret }, await createReader())).hits)).not.toContain(
      unlocked.secret,
    );

    const free = await gatedArticle({ free: true });
    const hit = onlyHit(await results({ q: free.secret }));
    expect(hit.access).toBe("full");
    expect(plainText(hit.snippet)).toContain(free.secret);
  });

  it("show the gated text to a visitor whose address an organisation admits, and to no one else after", async () => {
    const { secret, gatedSentence } = await gatedArticle();
    const day = 86_400_000;
    const running = { startsAt: new Date(Date.now() - day), endsAt: new Date(Date.now() + day) };
    const ended = { startsAt: new Date(Date.now() - 2 * day), endsAt: new Date(Date.now() - day) };
    const admitted = onlyHit(await results({ q: secret }, null, { browser: { addressOrganisations: [running] } }));
    expect(admitted.access).toBe("full");
    expect(plainText(admitted.snippet)).toContain(`Behind closed doors the ${secret} levy`);
    // The admitted search was not kept: the same search from another address, or one whose organisation ended, is the preview.
    for (const addressOrganisations of [[], [ended]]) {
      const hit = onlyHit(await results({ q: secret }, null, { browser: { addressOrganisations } }));
      expect(hit.access).toBe("preview");
      expect(JSON.stringify(hit)).not.toContain(gatedSentence.slice(0, 20));
    }
  });

  it("highlight matches in the headline and dek, and escape the text around them", async () => {
    const word = uniqueWord();
    await createArticle({ title: `<b>Rates</b> & ${word}`, dek: `Why ${word} "matters"` });
    const hit = onlyHit(await results({ q: word }));
    expect(highlightedHtml(hit.title)).toBe(`&lt;b&gt;Rates&lt;/b&gt; &amp; <mark>${word}</mark>`);
    expect(highlightedHtml(hit.dek)).toBe(`Why <mark>${word}</mark> &quot;matters&quot;`);
  });
});

describe("suggestions", () => {
  it("match headlines with a word starting with each word typed so far", async () => {
    const word = uniqueWord();
    const article = await createArticle({ title: `Negotiations over ${word} resume` });
    expect(await suggestHeadlines(`negotiat ${word.slice(0, 6)}`)).toEqual([
      { slug: article.slug, title: article.title },
    ]);
    expect(await suggestHeadlines(`${word} resu`)).toEqual([{ slug: article.slug, title: article.title }]);
    expect(await suggestHeadlines(`${word.slice(0, 6)} resumed`)).toEqual([]);
    expect(await suggestHeadlines("a")).toEqual([]);
    expect(await suggestHeadlines(`'":* & | ! ( ${word}`)).toEqual([{ slug: article.slug, title: article.title }]);
  });
});
