// Progress of long command-line work (seeding 50,000 articles): on a terminal
// one line redrawn in place, a bar with the count, the rate and the time
// left; elsewhere (CI logs, a pipe) a plain line every few seconds, so a log
// is not flooded with redraws.

export type Progress = { advance(count: number): void; finish(): void };

const BAR_WIDTH = 28;
const PLAIN_EVERY_MS = 5_000;

const number = (value: number) => Math.round(value).toLocaleString("en-US");

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const whole = Math.max(0, Math.round(seconds));
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/** The line for `done` of `total` after `elapsedMs`. */
export function progressLine(label: string, done: number, total: number, elapsedMs: number, bar: boolean): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
  const filled = Math.round(share * BAR_WIDTH);
  const drawn = bar ? `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ` : "";
  return `${label} ${drawn}${number(done)}/${number(total)} · ${number(rate)}/s · ${duration(left)} left`;
}

export function startProgress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stdout,
  now: () => number = Date.now,
): Progress {
  const started = now();
  const terminal = stream.isTTY === true;
  let done = 0;
  let lastPlain = started;
  const draw = () => {
    const line = progressLine(label, done, total, now() - started, terminal);
    if (terminal) stream.write(`\r${line}\u001b[K`);
    else stream.write(`${line}\n`);
  };
  return {
    advance(count) {
      done += count;
      if (terminal) draw();
      else if (now() - lastPlain >= PLAIN_EVERY_MS) {
        lastPlain = now();
        draw();
      }
    },
    finish() {
      // A log gets the last count too, which a short run never reached.
      if (terminal) stream.write("\n");
      else draw();
    },
  };
}

/** A bar started once the total is known (a step count the work finds out first), for lib's StepProgress. */
export function laterProgress(label: string): {
  start(total: number): void;
  advance(count: number): void;
  finish(): void;
} {
  let bar: Progress | undefined;
  return {
    start: (total) => (bar = startProgress(label, total)),
    advance: (count) => bar?.advance(count),
    finish: () => bar?.finish(),
  };
}
