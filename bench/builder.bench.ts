// builder-save: validate and save a 60-block issue after one move (what one autosave costs the
// server), and builder-load: load that issue as a document with its blocks (the builder's query).
import { eq } from 'drizzle-orm';
import { issues, items, themes, users } from '@/db/schema';
import { issueDocument, type IssueDocument } from '@/lib/issue/document';
import { loadIssueDocument } from '@/lib/issue/load';
import { moveBlock, sectionContainer } from '@/lib/issue/operations';
import { saveIssueDocument } from '@/lib/issue/save';
import { createIssue } from '@/lib/issue/create';
import { median, report, round, seededDatabase } from './support';

const db = seededDatabase();
const database = db.database;
const newsletterId = database.select().from(issues).get()!.newsletterId;
const editorId = database.select().from(users).get()!.id;
const themeIds = database
  .select({ id: themes.id })
  .from(themes)
  .all()
  .map((t) => t.id);

// A 60-block issue: a lead, 56 items over the five themes, two reusable blocks, a footer.
const issueId = createIssue(database, newsletterId, editorId).id;
const itemIds = Array.from(
  { length: 57 },
  (_, i) =>
    database
      .insert(items)
      .values({
        newsletterId,
        themeId: themeIds[i % themeIds.length]!,
        kind: 'news',
        title: `Benchmark-item ${i + 1}`,
        teaser: 'Een korte teaser van een zin of twee.',
        url: `https://www.vsg.example/b/${i}`,
      })
      .returning({ id: items.id })
      .get().id,
);
let doc: IssueDocument = loadIssueDocument(database, issueId)!.document;
doc = {
  ...doc,
  subject: 'Benchmark',
  lead: { id: 'lead', kind: 'lead', itemId: itemIds[0]! },
  sections: doc.sections.map((s, t) => ({
    ...s,
    blocks: itemIds
      .slice(1)
      .filter((_, i) => i % themeIds.length === t)
      .map((itemId) => ({ id: `b${itemId}`, kind: 'item' as const, itemId })),
  })),
};
let version = database.select().from(issues).where(eq(issues.id, issueId)).get()!.version;
const first = saveIssueDocument(database, {
  issueId,
  version,
  document: issueDocument.parse(doc),
  editorId,
});
if (first.status !== 'ok') throw new Error(JSON.stringify(first));
version = first.version;
const blocks = loadIssueDocument(database, issueId)!;
const blockCount =
  (blocks.document.lead ? 1 : 0) +
  blocks.document.sections.reduce((n, s) => n + s.blocks.length, 0) +
  blocks.document.extras.length +
  (blocks.document.footer ? 1 : 0);

const runs = 200;
const saves: number[] = [];
for (let i = 0; i < runs + 20; i++) {
  const section = doc.sections[i % doc.sections.length]!;
  const moved = moveBlock(doc, section.blocks[0]!.id, {
    container: sectionContainer(doc.sections[(i + 1) % doc.sections.length]!.themeId),
    index: i % 5,
  });
  // What the action does with a request body: parse it, then save in one transaction.
  const body = JSON.parse(JSON.stringify(moved)) as unknown;
  const started = performance.now();
  const parsed = issueDocument.parse(body);
  const result = database.transaction((tx) =>
    saveIssueDocument(tx, { issueId, version, document: parsed, editorId }),
  );
  const elapsed = performance.now() - started;
  if (result.status !== 'ok') throw new Error(JSON.stringify(result));
  version = result.version;
  doc = moved;
  if (i >= 20) saves.push(elapsed);
}

const loads: number[] = [];
for (let i = 0; i < runs + 20; i++) {
  const started = performance.now();
  const loaded = loadIssueDocument(database, issueId);
  const elapsed = performance.now() - started;
  if (!loaded) throw new Error('niet gevonden');
  if (i >= 20) loads.push(elapsed);
}
db.dispose();

const p95 = (values: number[]) =>
  round([...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!);
report({
  name: 'builder-save',
  value: round(median(saves)),
  unit: 'ms',
  runs,
  blocks: blockCount,
  p95: p95(saves),
  goal: 15,
});
report({
  name: 'builder-load',
  value: round(median(loads)),
  unit: 'ms',
  runs,
  blocks: blockCount,
  p95: p95(loads),
  goal: 10,
});
