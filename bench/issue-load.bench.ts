// Loading the demo draft issue with its blocks, items and themes: the builder's first query.
import { eq } from 'drizzle-orm';
import { issues } from '@/db/schema';
import { loadIssue } from '@/lib/issue/load';
import { median, report, round, seededDatabase } from './support';

const db = seededDatabase();
const draft = db.database
  .select({ id: issues.id })
  .from(issues)
  .where(eq(issues.status, 'concept'))
  .get()!;
const runs = 500;
for (let i = 0; i < 50; i++) loadIssue(db.database, draft.id);
const times: number[] = [];
let blocks = 0;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  blocks = loadIssue(db.database, draft.id)!.blocks.length;
  times.push(performance.now() - started);
}
db.dispose();
report({
  name: 'issue-load',
  value: round(median(times)),
  unit: 'ms',
  runs,
  blocks,
  p95: round([...times].sort((a, b) => a - b)[Math.floor(runs * 0.95)]!),
});
