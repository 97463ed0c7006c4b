// A process's memory as Linux reports it: the resident set now and its peak
// (VmHWM), from /proc. The page benchmark samples the app server with it.
import { readFileSync } from "node:fs";

function field(pid: number, name: "VmRSS" | "VmHWM"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kilobytes = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
    return kilobytes ? Number(kilobytes) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Peak resident memory of the process since it started, in bytes. */
export const peakRss = (pid: number) => field(pid, "VmHWM");

/** Samples the resident memory every 250 ms until stopped; returns the highest seen, in bytes. */
export function sampleRss(pid: number): () => number {
  let highest = field(pid, "VmRSS");
  const timer = setInterval(() => {
    const now = field(pid, "VmRSS");
    if (now > highest) highest = now;
  }, 250);
  return () => {
    clearInterval(timer);
    return highest;
  };
}

export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
