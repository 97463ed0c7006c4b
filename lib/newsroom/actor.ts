// The actor moved to lib/auth/actor.ts (newsletters need it too, and lib/auth
// sits below both). This re-export is only for
// lib/newsroom/articles/preview-article-body.ts, which the paywall work is
// rewriting; delete this file once that file imports @/lib/auth/actor.
export { assertRole, type Actor } from "@/lib/auth/actor";
