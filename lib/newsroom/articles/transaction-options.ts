// How long a newsroom transaction may wait for its turn and run. The embedded
// database runs one transaction at a time, so a save queued behind several
// others (parallel editors, a sweep) waits for them rather than failing after
// Prisma's default two seconds.
export const NEWSROOM_TRANSACTION = { maxWait: 15_000, timeout: 30_000 } as const;
