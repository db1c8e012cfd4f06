import type { Db } from '@/db';
import { TableTally } from '@/lib/stats/tally';

// Clicks are counted in memory and written every few seconds, all at once (lib/stats/tally.ts):
// a redirect answers without waiting on the database.

// A link deleted (with its issue) while its clicks waited is skipped, not an error. The counts
// never go below zero: a burst's recount subtracts a click that an earlier flush wrote.
const UPSERT = `
  INSERT INTO link_clicks (link_id, hour, clicks, automated)
  SELECT @linkId, @hour, max(@clicks, 0), max(@automated, 0)
  WHERE EXISTS (SELECT 1 FROM issue_links WHERE id = @linkId)
  ON CONFLICT (link_id, hour) DO UPDATE SET
    clicks = max(clicks + @clicks, 0),
    automated = max(automated + @automated, 0)`;

/** The clicks per link and hour that wait to be written. */
export class ClickCounter {
  private readonly tally: TableTally<{ linkId: number; hour: number }, 'clicks' | 'automated'>;

  constructor(database: Db) {
    this.tally = new TableTally(database, UPSERT, ['clicks', 'automated']);
  }

  /** One request on a link, as a click or as an automated one. */
  add(linkId: number, hour: number, automated: boolean) {
    this.tally.add({ linkId, hour }, automated ? { automated: 1 } : { clicks: 1 });
  }

  /** A click counted before that turned out to be part of a scanner's burst. */
  recount(linkId: number, hour: number) {
    this.tally.add({ linkId, hour }, { clicks: -1, automated: 1 });
  }

  /** How many (link, hour) counts wait to be written. */
  get waiting() {
    return this.tally.waiting;
  }

  /** Writes what waits in one transaction; returns the number of rows written. */
  flush(): number {
    return this.tally.flush();
  }
}
