// The pg-boss queue that publishes scheduled articles when they fall due: a
// job per scheduled article (sent for its time) and a sweep every minute.
export const PUBLISH_DUE_QUEUE = "articles-publish-due";
