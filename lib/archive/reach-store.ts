import type Database from 'better-sqlite3';
import type { Db } from '@/db';
import { upsertEach, type TallyRow } from '@/lib/stats/tally';
import type { ReachTallies, SearchKey, ViewKey } from './reach-count';

// Writes the archive's views and searches that the web server counted (lib/archive/reach-count.ts),
// each tally in one transaction. A view names its issue by the slugs in its address; here they
// become the issue's id. An address that names no sent issue (a typo, a draft, an item that has
// no page of its own) is not counted. The ids found are kept, so an issue costs one query per
// process, not one per view; what was not found is asked again the next time (an issue may be
// sent in between), at most once per flush.

const FIND_ISSUE = `
  SELECT i.id FROM issues i JOIN newsletters n ON n.id = i.newsletter_id
  WHERE n.slug = ? AND i.slug = ? AND i.status = 'sent'
    AND (? = 0 OR EXISTS (
      SELECT 1 FROM sent_items s WHERE s.issue_id = i.id AND s.item_id = ? AND s.url IS NULL))`;

// Still sent as it is written: an issue deleted since is skipped.
const UPSERT_VIEWS = `
  INSERT INTO archive_views (issue_id, day, views)
  SELECT @issueId, @day, @views
  WHERE EXISTS (SELECT 1 FROM issues WHERE id = @issueId AND status = 'sent')
  ON CONFLICT (issue_id, day) DO UPDATE SET views = views + @views`;

const UPSERT_SEARCHES = `
  INSERT INTO archive_searches (newsletter_id, day, searches)
  VALUES (@newsletterId, @day, @searches)
  ON CONFLICT (newsletter_id, day) DO UPDATE SET searches = searches + @searches`;

type IssueDay = { issueId: number; day: number; views: number };

export class ReachStore {
  private readonly known = new Map<string, number>();
  private statements:
    | {
        find: Database.Statement<[string, string, number, number], { id: number }>;
        views: (rows: IssueDay[]) => void;
        searches: (rows: TallyRow<SearchKey, 'searches'>[]) => void;
      }
    | undefined;

  constructor(private readonly database: Db) {}

  // Prepared on first use: a store made before the migrations ran still works.
  private prepared() {
    this.statements ??= {
      find: this.database.$client.prepare(FIND_ISSUE),
      views: upsertEach<IssueDay>(this.database, UPSERT_VIEWS),
      searches: upsertEach(this.database, UPSERT_SEARCHES),
    };
    return this.statements;
  }

  /** The sent issue a view's address names (an item: of that issue, with a page), or null. */
  issueOf(view: Pick<ViewKey, 'newsletter' | 'issue' | 'item'>): number | null {
    const id = `${view.newsletter}/${view.issue}/${view.item}`;
    const cached = this.known.get(id);
    if (cached !== undefined) return cached;
    const row = this.prepared().find.get(view.newsletter, view.issue, view.item, view.item);
    if (row) this.known.set(id, row.id);
    return row?.id ?? null;
  }

  private writeViews(rows: TallyRow<ViewKey, 'views'>[]) {
    // An issue's page and its items' pages are one issue's views: added up before writing.
    const byIssueDay = new Map<string, IssueDay>();
    for (const row of rows) {
      const issueId = this.issueOf(row);
      if (issueId === null) continue;
      const key = `${issueId} ${row.day}`;
      const entry = byIssueDay.get(key) ?? { issueId, day: row.day, views: 0 };
      entry.views += row.views;
      byIssueDay.set(key, entry);
    }
    this.prepared().views([...byIssueDay.values()]);
  }

  /** Writes what the tallies hold; returns the number of tally rows handed over. */
  flush(tallies: ReachTallies): number {
    const { searches } = this.prepared();
    return tallies.views.drain((rows) => this.writeViews(rows)) + tallies.searches.drain(searches);
  }
}
