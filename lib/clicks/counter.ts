import type Database from 'better-sqlite3';
import type { Db } from '@/db';

// Clicks are counted in memory and written every few seconds, all at once: a redirect answers
// without waiting on the database, and a thousand clicks on one link in one hour are one upsert.
// A crash loses at most the last few seconds of counts, which are estimates anyway.

type Pending = { linkId: number; hour: number; clicks: number; automated: number };

// A link deleted (with its issue) while its clicks waited is skipped, not an error. The counts
// never go below zero: a burst's recount subtracts a click that an earlier flush wrote.
const UPSERT = `
  INSERT INTO link_clicks (link_id, hour, clicks, automated)
  SELECT @linkId, @hour, max(@clicks, 0), max(@automated, 0)
  WHERE EXISTS (SELECT 1 FROM issue_links WHERE id = @linkId)
  ON CONFLICT (link_id, hour) DO UPDATE SET
    clicks = max(clicks + @clicks, 0),
    automated = max(automated + @automated, 0)`;

export class ClickCounter {
  private pending = new Map<string, Pending>();
  private write: ((rows: Pending[]) => void) | undefined;

  constructor(private readonly database: Db) {}

  private entry(linkId: number, hour: number): Pending {
    const key = `${linkId} ${hour}`;
    let entry = this.pending.get(key);
    if (!entry) {
      entry = { linkId, hour, clicks: 0, automated: 0 };
      this.pending.set(key, entry);
    }
    return entry;
  }

  /** One request on a link, as a click or as an automated one. */
  add(linkId: number, hour: number, automated: boolean) {
    const entry = this.entry(linkId, hour);
    if (automated) entry.automated += 1;
    else entry.clicks += 1;
  }

  /** A click counted before that turned out to be part of a scanner's burst. */
  recount(linkId: number, hour: number) {
    const entry = this.entry(linkId, hour);
    entry.clicks -= 1;
    entry.automated += 1;
  }

  /** How many (link, hour) counts wait to be written. */
  get waiting() {
    return this.pending.size;
  }

  /** Writes what waits in one transaction; returns the number of rows written. */
  flush(): number {
    if (this.pending.size === 0) return 0;
    const rows = [...this.pending.values()];
    this.pending = new Map();
    try {
      this.writer()(rows);
    } catch (error) {
      // Kept for the next flush (a busy database, a full disk): counts are added, not lost.
      for (const row of rows) {
        const entry = this.entry(row.linkId, row.hour);
        entry.clicks += row.clicks;
        entry.automated += row.automated;
      }
      throw error;
    }
    return rows.length;
  }

  private writer() {
    if (!this.write) {
      const client: Database.Database = this.database.$client;
      const upsert = client.prepare(UPSERT);
      this.write = client.transaction((rows: Pending[]) => {
        for (const row of rows) upsert.run(row);
      });
    }
    return this.write;
  }
}
