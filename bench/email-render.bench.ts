// email-render: render the reference issue (the demo draft, built like the studied issue, with
// its logo, images and rich text) to HTML and text, median of 200, and the HTML's size against
// the goal of 45 KB.
import { eq } from 'drizzle-orm';
import { issues } from '@/db/schema';
import { renderIssueEmail } from '@/lib/email/render';
import { emailSource } from '@/lib/email/source';
import { addDemoImages } from '@/lib/demo/images';
import { median, report, round, seededDatabase } from './support';

const db = seededDatabase();
await addDemoImages(db.database, db.dir);
const draft = db.database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
const source = emailSource(db.database, draft.id, 'https://nieuwsbrief.example.nl')!;
db.dispose();

const runs = 200;
const times: number[] = [];
let bytes = 0;
for (let i = 0; i < runs + 20; i++) {
  const started = performance.now();
  const { html } = await renderIssueEmail(source);
  const elapsed = performance.now() - started;
  bytes = Buffer.byteLength(html);
  if (i >= 20) times.push(elapsed);
}
report({
  name: 'email-render',
  value: round(median(times)),
  unit: 'ms',
  runs,
  bytes,
  goalBytes: 45 * 1024,
});
