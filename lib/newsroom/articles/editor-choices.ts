// What the editor offers to choose from: every author, topic and region.
import { db } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";

export type Choice = { id: string; slug: string; name: string };
export type EditorChoices = { authors: Choice[]; topics: Choice[]; regions: Choice[] };

export async function listEditorChoices(actor: Actor): Promise<EditorChoices> {
  assertRole(actor, "editor");
  const select = { id: true, slug: true, name: true };
  const [authors, topics, regions] = await Promise.all([
    db().author.findMany({ select, orderBy: { name: "asc" } }),
    db().tag.findMany({ where: { type: "topic" }, select, orderBy: { name: "asc" } }),
    db().tag.findMany({ where: { type: "region" }, select, orderBy: { name: "asc" } }),
  ]);
  return { authors, topics, regions };
}
