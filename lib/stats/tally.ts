import type Database from 'better-sqlite3';
import type { Db } from '@/db';

// Counting in memory, writing every few seconds, all at once: clicks (lib/clicks/counter.ts),
// opens (lib/clicks/opens.ts) and the archive's views and searches (lib/archive/reach-*.ts).
// A request that is counted answers without waiting on the database, and a thousand requests
// for one key in one hour or day are one upsert. A crash loses at most the last few seconds of
// counts, which are estimates anyway. Tally itself imports no database: the web server counts
// into it before Next (lib/archive/reach-in-server.ts), and only upsertEach writes.

/** Hours since 1970, UTC: the `hour` of link_clicks and issue_opens. */
export const epochHour = (at: number) => Math.floor(at / 3_600_000);

/** Days since 1970, UTC: the `day` of archive_views and archive_searches. */
export const epochDay = (at: number) => Math.floor(at / 86_400_000);

type Key = Record<string, string | number>;
export type TallyRow<K extends Key, C extends string> = K & Record<C, number>;

/** Counts per key (a link and an hour, an issue and a day, ...), waiting to be written. */
export class Tally<K extends Key, C extends string> {
  private pending = new Map<string, { key: K; counts: Record<C, number> }>();

  /**
   * `names` names the numbers kept per key. `limit` caps how many keys wait at once: where
   * anyone can make up keys (an address typed into the browser), a flood between two flushes
   * cannot fill the memory; counts for new keys past the cap are dropped.
   */
  constructor(
    private readonly names: readonly C[],
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {}

  /**
   * Adds to the counts of one key (a negative number takes away). False if dropped: a new key
   * past the cap, unless forced (the counts a failed write hands back).
   */
  add(key: K, change: Partial<Record<C, number>>, force = false): boolean {
    const id = JSON.stringify(Object.values(key));
    let entry = this.pending.get(id);
    if (!entry) {
      if (this.pending.size >= this.limit && !force) return false;
      const counts = Object.fromEntries(this.names.map((n) => [n, 0])) as Record<C, number>;
      entry = { key, counts };
      this.pending.set(id, entry);
    }
    for (const name of this.names) entry.counts[name] += change[name] ?? 0;
    return true;
  }

  /** How many keys wait to be written. */
  get waiting() {
    return this.pending.size;
  }

  /**
   * Hands what waits to `write` (each key with its counts, as one row) and forgets it; returns
   * the number of rows. When `write` throws (a busy database, a full disk), the counts are kept
   * for the next time, even past the cap, added to whatever came in meanwhile, and the error
   * goes to the caller.
   */
  drain(write: (rows: TallyRow<K, C>[]) => void): number {
    if (this.pending.size === 0) return 0;
    const entries = [...this.pending.values()];
    this.pending = new Map();
    try {
      write(entries.map(({ key, counts }) => ({ ...key, ...counts })));
    } catch (error) {
      for (const { key, counts } of entries) this.add(key, counts, true);
      throw error;
    }
    return entries.length;
  }
}

/**
 * A writer for Tally.drain: one prepared statement run per row (named parameters: the row's
 * keys and counts), all rows in one transaction, so a failure writes none of them.
 */
export function upsertEach<R extends object>(database: Db, sql: string): (rows: R[]) => void {
  const client: Database.Database = database.$client;
  const statement = client.prepare(sql);
  return client.transaction((rows: R[]) => {
    for (const row of rows) statement.run(row);
  });
}

/** A Tally written to one table by one upsert statement: what the click and open counters are. */
export class TableTally<K extends Key, C extends string> extends Tally<K, C> {
  private write: ((rows: TallyRow<K, C>[]) => void) | undefined;

  constructor(
    private readonly database: Db,
    private readonly sql: string,
    counts: readonly C[],
  ) {
    super(counts);
  }

  /** Writes what waits in one transaction; returns the number of rows written. */
  flush(): number {
    // Prepared on first use, not in the constructor: a counter made before the migrations ran
    // (a test's fresh database) still works.
    this.write ??= upsertEach(this.database, this.sql);
    return this.drain(this.write);
  }
}

/** How often waiting counts are written. */
export const FLUSH_INTERVAL_MS = 5_000;

/**
 * Runs `flush` every few seconds, and once more as the process exits: scripts/serve.ts and
 * `next start` end with process.exit on SIGTERM, which runs 'exit' listeners, and better-sqlite3
 * writes synchronously, as they must. A failed write is logged and tried again next time (the
 * counts stay in the tally). `what` names the counts in the log, in Dutch.
 */
export function flushEvery(what: string, flush: () => void) {
  const run = () => {
    try {
      flush();
    } catch (error) {
      console.error(`${what} konden niet worden opgeslagen; volgende poging straks.`, error);
    }
  };
  setInterval(run, FLUSH_INTERVAL_MS).unref();
  process.once('exit', run);
}
