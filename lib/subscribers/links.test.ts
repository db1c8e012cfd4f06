import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issues, subscribers } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { fillPersonalLinks, PLACEHOLDERS, renderIssueEmail } from '@/lib/email/render';
import { emailSource } from '@/lib/email/source';
import { testDb } from '@/lib/test/db';
import { personalLinks } from './links';
import { tokenKey, verifyToken } from './tokens';

const key = tokenKey('een-geheim-voor-deze-test-van-32-tekens');
const publicUrl = 'https://nieuwsbrief.example.nl';

describe('personal links in a newsletter copy', () => {
  it('"Gegevens wijzigen" and "Afmelden" lead to this reader’s own pages, with no address in them', async () => {
    const database = testDb();
    seed(database);
    const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
    const { html, text } = await renderIssueEmail(emailSource(database, draft.id, publicUrl)!);
    const reader = database.select().from(subscribers).get()!;
    const claims = {
      subscriberId: reader.id,
      newsletterId: draft.newsletterId,
      version: reader.tokenVersion,
    };
    const links = personalLinks(claims, { publicUrl, key });

    for (const body of [fillPersonalLinks(html, links), fillPersonalLinks(text, links)]) {
      expect(body).not.toContain(PLACEHOLDERS.preferences);
      expect(body).not.toContain(PLACEHOLDERS.unsubscribe);
      expect(body).not.toContain(reader.email!);
    }
    const filled = fillPersonalLinks(html, links);
    const href = (label: string) => new RegExp(`href="([^"]+)"[^>]*>${label}<`).exec(filled)?.[1];
    const preferences = href('Gegevens wijzigen')!;
    const unsubscribe = href('Afmelden')!;
    expect(preferences).toMatch(new RegExp(`^${publicUrl}/voorkeuren/`));
    expect(unsubscribe).toMatch(new RegExp(`^${publicUrl}/afmelden/`));

    const version = () => reader.tokenVersion;
    expect(
      verifyToken(key, 'preferences', preferences.split('/').pop()!, { currentVersion: version }),
    ).toEqual({ ok: true, claims });
    expect(
      verifyToken(key, 'unsubscribe', unsubscribe.split('/').pop()!, { currentVersion: version }),
    ).toEqual({ ok: true, claims });
  });
});
