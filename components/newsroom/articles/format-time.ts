// Times in the newsroom, always in the publication's time zone, so that the
// server's first render and the browser agree, and every editor reads the
// same clock.
export function formatTime(iso: string, timeZone: string, options: { seconds?: boolean; date?: boolean } = {}): string {
  return new Intl.DateTimeFormat("en-GB", {
    ...(options.date === false ? {} : { day: "numeric", month: "short", year: "numeric" }),
    hour: "2-digit",
    minute: "2-digit",
    ...(options.seconds ? { second: "2-digit" } : {}),
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}
