import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { issues } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { renderIssueEmail } from '@/lib/email/render';
import { emailSource } from '@/lib/email/source';
import { testDb } from '@/lib/test/db';

// The e-mail profile: HTML rules for mail, where inline styles, presentational attributes and
// conditional comments for Outlook are the norm rather than mistakes.
const profile = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'htmlvalidate.json'), 'utf8'),
);

describe('the rendered demo issue', () => {
  it('passes html-validate with the e-mail profile', async () => {
    const database = testDb();
    seed(database);
    const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
    const { html } = await renderIssueEmail(
      emailSource(database, draft.id, 'https://nieuwsbrief.example.nl')!,
    );
    const report = await new HtmlValidate(profile).validateString(html);
    const problems = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector})`),
    );
    expect(problems).toEqual([]);
  });
});
