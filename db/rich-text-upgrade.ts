import { fromPlainText } from '../lib/richtext/plain';
import type { Db } from './index';

/**
 * Plain text from before rich text, converted once to documents (lib/richtext/plain.ts loses
 * nothing): teasers of library items and of sent copies, and the bodies of text blocks. Runs
 * after the SQL migrations at every start and finds nothing to do once done. Issue snapshots keep
 * their plain text; the block schema reads it as a document (lib/richtext/field.ts).
 */
export function upgradeRichText(database: Db): void {
  const sqlite = database.$client;
  const empty = `'{"type":"doc","content":[]}'`;
  sqlite.transaction(() => {
    for (const table of ['items', 'sent_items']) {
      const rows = sqlite
        .prepare(
          `select rowid as rid, teaser from ${table} where teaser <> '' and teaser_doc = ${empty}`,
        )
        .all() as { rid: number; teaser: string }[];
      const update = sqlite.prepare(`update ${table} set teaser_doc = ? where rowid = ?`);
      for (const row of rows)
        update.run(JSON.stringify(fromPlainText(row.teaser, { headings: false })), row.rid);
    }
    for (const table of ['issue_blocks', 'reusable_blocks']) {
      const rows = sqlite
        .prepare(
          `select rowid as rid, content from ${table} where kind = 'text' and json_type(content, '$.body') = 'text'`,
        )
        .all() as { rid: number; content: string }[];
      const update = sqlite.prepare(`update ${table} set content = ? where rowid = ?`);
      for (const row of rows) {
        const content = JSON.parse(row.content) as { body: string };
        const body = fromPlainText(content.body, { headings: true });
        update.run(JSON.stringify({ ...content, body }), row.rid);
      }
    }
  })();
}
