-- Full-text search over the public archive (lib/archive/search.ts).
--
-- A raw-SQL FTS5 virtual table: drizzle-kit cannot express virtual tables, so it is not in
-- db/schema.ts and this migration was generated with `drizzle-kit generate --custom`.
-- One row per (sent issue, placed item), holding the text as it was sent, so an item sent in
-- two issues is found in both and later edits to the item do not change what the archive says
-- was sent until the issue is re-indexed. Searches join `issues` and keep only status 'sent',
-- so an issue that stops being sent disappears from the results even if its rows remain.
-- remove_diacritics 2 makes 'financien' match 'financiën'; the 2- and 3-character prefix
-- indexes keep prefix queries (typing, Dutch compounds) cheap.
CREATE VIRTUAL TABLE `archive_search` USING fts5(
	title,
	teaser,
	theme,
	issue_id UNINDEXED,
	item_id UNINDEXED,
	theme_id UNINDEXED,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
-- Backfill the issues already sent. Same selection as indexSentIssue: an item placed twice in
-- one issue (lead and section) gets one row; the section's theme wins over the item's own.
-- char(2)/char(3) are the snippet's highlight markers, so they are kept out of the index.
INSERT INTO `archive_search` (title, teaser, theme, issue_id, item_id, theme_id)
SELECT
	replace(replace(it.title, char(2), ''), char(3), ''),
	replace(replace(it.teaser, char(2), ''), char(3), ''),
	t.name,
	placed.issue_id,
	placed.item_id,
	t.id
FROM (
	SELECT b.issue_id, b.item_id, max(b.theme_id) AS theme_id
	FROM `issue_blocks` b
	JOIN `issues` i ON i.id = b.issue_id AND i.status = 'sent'
	WHERE b.kind IN ('lead', 'item')
	GROUP BY b.issue_id, b.item_id
) placed
JOIN `items` it ON it.id = placed.item_id
JOIN `themes` t ON t.id = coalesce(placed.theme_id, it.theme_id);
