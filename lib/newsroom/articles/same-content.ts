// Whether two versions of an article's content say the same thing: authors in
// order (the byline), topics and regions as sets. Used by the server (a save
// that changes nothing is no revision) and by the editor (unsaved changes).
import type { ArticleContent } from "./article-input";

const sameList = (x: string[], y: string[]) => x.length === y.length && x.every((value, index) => value === y[index]);
const sameSet = (x: string[], y: string[]) => sameList([...x].sort(), [...y].sort());

export function sameContent(a: ArticleContent, b: ArticleContent): boolean {
  return (
    a.title === b.title &&
    a.dek === b.dek &&
    a.slug === b.slug &&
    a.kind === b.kind &&
    a.free === b.free &&
    a.body === b.body &&
    sameList(a.authorIds, b.authorIds) &&
    sameSet(a.topicIds, b.topicIds) &&
    sameSet(a.regionIds, b.regionIds)
  );
}
