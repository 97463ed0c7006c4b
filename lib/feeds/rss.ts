// RSS 2.0, written by hand: the format is small and a library would add more
// than it saves. Every text goes through escapeXml.

export type RssItem = {
  title: string;
  link: string;
  description: string;
  publishedAt: Date;
  authors: string[];
  categories: string[];
  /** The lead image: Media RSS's media:content, which feed readers show. */
  image?: { url: string; width: number; height: number; type: string; alt: string };
};

export type RssChannel = { title: string; link: string; description: string; selfLink: string; items: RssItem[] };

// Characters XML 1.0 does not allow at all, even escaped.
const INVALID_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function item(entry: RssItem): string {
  return [
    "    <item>",
    `      <title>${escapeXml(entry.title)}</title>`,
    `      <link>${escapeXml(entry.link)}</link>`,
    `      <guid isPermaLink="true">${escapeXml(entry.link)}</guid>`,
    `      <pubDate>${entry.publishedAt.toUTCString()}</pubDate>`,
    ...entry.authors.map((name) => `      <dc:creator>${escapeXml(name)}</dc:creator>`),
    ...entry.categories.map((name) => `      <category>${escapeXml(name)}</category>`),
    `      <description>${escapeXml(entry.description)}</description>`,
    ...(entry.image
      ? [
          `      <media:content url="${escapeXml(entry.image.url)}" medium="image" type="${escapeXml(entry.image.type)}" width="${entry.image.width}" height="${entry.image.height}">`,
          `        <media:description type="plain">${escapeXml(entry.image.alt)}</media:description>`,
          "      </media:content>",
        ]
      : []),
    "    </item>",
  ].join("\n");
}

export function renderRss(channel: RssChannel): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    "  <channel>",
    `    <title>${escapeXml(channel.title)}</title>`,
    `    <link>${escapeXml(channel.link)}</link>`,
    `    <description>${escapeXml(channel.description)}</description>`,
    `    <atom:link href="${escapeXml(channel.selfLink)}" rel="self" type="application/rss+xml"/>`,
    "    <language>en</language>",
    ...channel.items.map(item),
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}
