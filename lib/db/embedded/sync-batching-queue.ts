// Runs the PostgreSQL wire-protocol messages of many socket connections on
// PGlite's single backend session.
//
// pglite-socket's own queue runs message by message, so one connection's
// Parse/Bind/Execute can interleave with another's and bind to the wrong
// unnamed statement. This queue runs a connection's messages up to and
// including Sync (or a simple Query) as one unit, and while a connection has a
// transaction open, only that connection's units run.
import type { PGlite } from "@electric-sql/pglite";

type Message = { bytes: Uint8Array; onData: (data: Uint8Array) => void };
type Unit = {
  handlerId: number;
  messages: Message[];
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

// Message types that end a unit: Sync, simple Query, Flush, Terminate.
const UNIT_ENDS = new Set(["S", "Q", "H", "X"].map((c) => c.charCodeAt(0)));

function isStartupOrUntyped(bytes: Uint8Array): boolean {
  // The startup packet has no type byte: it starts with its int32 length,
  // whose first byte is 0 for any packet shorter than 16 MiB.
  return bytes[0] === 0;
}

export class SyncBatchingQueue {
  private readonly buffered = new Map<number, Message[]>();
  private readonly units: Unit[] = [];
  private transactionOwner: number | null = null;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, bytes: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    const messages = this.buffered.get(handlerId) ?? [];
    messages.push({ bytes, onData });
    const first = bytes[0] ?? 0;
    if (!isStartupOrUntyped(bytes) && !UNIT_ENDS.has(first)) {
      // Parse, Bind, Describe, Execute, Close: wait for the rest of the unit.
      this.buffered.set(handlerId, messages);
      return Promise.resolve(0);
    }
    this.buffered.delete(handlerId);
    return new Promise((resolve, reject) => {
      this.units.push({ handlerId, messages, resolve, reject });
      void this.pump();
    });
  }

  getQueueLength(): number {
    return this.units.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.buffered.delete(handlerId);
    for (let i = this.units.length - 1; i >= 0; i--) {
      const unit = this.units[i]!;
      if (unit.handlerId === handlerId) {
        this.units.splice(i, 1);
        unit.reject(new Error("Handler disconnected"));
      }
    }
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.transactionOwner !== handlerId) return;
    // A connection that vanished mid-transaction must not leave the shared
    // session stuck in it.
    await this.db.runExclusive(async () => {
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    });
    this.transactionOwner = null;
    void this.pump();
  }

  private nextUnit(): Unit | undefined {
    const owner = this.transactionOwner;
    const index = owner === null ? 0 : this.units.findIndex((unit) => unit.handlerId === owner);
    if (index < 0 || index >= this.units.length) return undefined;
    return this.units.splice(index, 1)[0];
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let unit = this.nextUnit(); unit; unit = this.nextUnit()) {
        const current = unit;
        try {
          let sent = 0;
          await this.db.runExclusive(async () => {
            for (const message of current.messages) {
              await this.db.execProtocolRawStream(message.bytes, {
                onRawData: (data) => {
                  sent += data.length;
                  message.onData(data);
                },
              });
            }
          });
          this.transactionOwner = this.db.isInTransaction() ? current.handlerId : null;
          current.resolve(sent);
        } catch (error) {
          current.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
