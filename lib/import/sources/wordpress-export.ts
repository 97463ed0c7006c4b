// WordPress's export (Tools → Export: a WXR file) as Folio's import items.
// WXR lists the authors, categories and tags before the items, so each is
// yielded as it is met; one a post names that the list left out (an export
// of a single author's posts does) is yielded from what the post says of it,
// just before the post. Reading, and refusing hostile files: wxr-records.ts.
import type { ImportedAuthor, ImportedTerm, ImportSourceReader } from "@/lib/import/import-source";
import { htmlText } from "./html-text";
import { POST_TOO_LARGE } from "./post-size-limit";
import { decodeSlug, itemWhere, wordpressPost } from "./wordpress-post";
import { readWxrRecords, type WxrItem } from "./wxr-records";

function author(fields: Map<string, string>): ImportedAuthor | null {
  const login = fields.get("wp:author_login")?.trim() ?? "";
  if (login === "") return null;
  const name = htmlText(fields.get("wp:author_display_name") ?? "") || login;
  return { kind: "author", key: login, name, slug: login, bio: "" };
}

function term(type: "category" | "tag", nicename: string, name: string): ImportedTerm | null {
  const slug = nicename.trim();
  if (slug === "") return null;
  return {
    kind: "term",
    key: `${type}:${slug}`,
    type,
    name: htmlText(name) || decodeSlug(slug),
    slug: decodeSlug(slug),
  };
}

function declaredTerm(type: "category" | "tag", fields: Map<string, string>): ImportedTerm | null {
  const slugField = type === "category" ? "wp:category_nicename" : "wp:tag_slug";
  const nameField = type === "category" ? "wp:cat_name" : "wp:tag_name";
  return term(type, fields.get(slugField) ?? "", fields.get(nameField) ?? "");
}

/** The author and terms `item` names, as far as the item tells them. */
function named(item: WxrItem): (ImportedAuthor | ImportedTerm | null)[] {
  const login = item.fields.get("dc:creator")?.trim() ?? "";
  const found: (ImportedAuthor | ImportedTerm | null)[] = [
    login === "" ? null : { kind: "author", key: login, name: login, slug: login, bio: "" },
  ];
  for (const { domain, nicename, name } of item.terms) {
    if (domain === "category") found.push(term("category", nicename, name));
    if (domain === "post_tag") found.push(term("tag", nicename, name));
  }
  return found;
}

export const readWordPressExport: ImportSourceReader = async function* (path, { bodies }) {
  // Authors' keys are prefixed here only, to share the set with the terms'.
  const yielded = new Set<string>();
  const isNew = (found: ImportedAuthor | ImportedTerm | null): found is ImportedAuthor | ImportedTerm => {
    if (!found) return false;
    const id = found.kind === "author" ? `author:${found.key}` : found.key;
    if (yielded.has(id)) return false;
    yielded.add(id);
    return true;
  };
  for await (const record of readWxrRecords(path, { keepBody: bodies })) {
    switch (record.kind) {
      case "author":
      case "category":
      case "tag": {
        const found = record.kind === "author" ? author(record.fields) : declaredTerm(record.kind, record.fields);
        if (isNew(found)) yield found;
        break;
      }
      case "oversized-item":
        yield { kind: "problem", where: itemWhere(record), reason: POST_TOO_LARGE };
        break;
      case "item": {
        const post = wordpressPost(record, bodies);
        if (post?.kind === "post") for (const found of named(record)) if (isNew(found)) yield found;
        if (post) yield post;
        break;
      }
    }
  }
};
