// The emulator's clock: real time plus an offset that test controls add to,
// so a test can jump a month ahead and see renewals without waiting. The
// offset lives in the state so a restarted emulator keeps the same "now".
export type ClockState = { clockOffsetSeconds: number };

export class EmulatorClock {
  constructor(private readonly state: ClockState) {}

  /** Unix seconds, as Stripe uses in `created` and period fields. */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.state.clockOffsetSeconds;
  }

  advance(seconds: number): void {
    this.state.clockOffsetSeconds += seconds;
  }
}
