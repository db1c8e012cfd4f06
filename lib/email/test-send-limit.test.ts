import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { formatTime } from '@/lib/format';
import { seed } from '@/scripts/seed';
import { testDb } from '@/lib/test/db';
import { claimTestSend, recentTestSends } from './test-send-limit';

function setup() {
  const database = testDb();
  seed(database);
  const u = database.select().from(users).where(eq(users.email, 'redacteur@kopij.test')).get()!;
  const claim = (recipients: number, limit = 10) =>
    database.transaction((tx) =>
      claimTestSend(tx, {
        actor: { id: u.id, label: 'Fatima' },
        issueId: 1,
        title: 'Raadsbericht 24',
        version: 3,
        recipients,
        limit,
      }),
    );
  /** Moves the audit rows of the test sends back in time, oldest first. */
  const age = (...minutesAgo: number[]) => {
    const rows = database.select().from(auditLog).where(eq(auditLog.actorId, u.id)).all();
    rows.forEach((r, i) =>
      database
        .update(auditLog)
        .set({ at: new Date(Date.now() - minutesAgo[i]! * 60_000) })
        .where(eq(auditLog.id, r.id))
        .run(),
    );
  };
  return { database, editorId: u.id, claim, age };
}

describe('claimTestSend', () => {
  it('refuses a single send with more recipients than the limit, without logging it', () => {
    const { database, editorId, claim } = setup();
    expect(claim(11, 10)).toEqual({
      ok: false,
      message:
        'Deze testmail gaat naar 11 adressen, meer dan de 10 testmails die u per uur mag versturen. Verwijder een paar vaste testadressen. Er is niets verstuurd.',
    });
    expect(recentTestSends(database, editorId, new Date())).toEqual([]);
  });

  it('names the moment enough of the oldest sends have left the hour', () => {
    const { database, editorId, claim, age } = setup();
    expect(claim(4)).toEqual({ ok: true, used: 4 });
    expect(claim(3)).toEqual({ ok: true, used: 7 });
    expect(claim(3)).toEqual({ ok: true, used: 10 });
    age(50, 40, 30);
    // Five mails need two sends to leave the hour (4 + 3 freed): the second one, 40 minutes ago.
    const refused = claim(5);
    expect(refused.ok).toBe(false);
    const second = recentTestSends(database, editorId, new Date())[1]!.at.getTime();
    const expected = Math.ceil((second + 3_600_000) / 60_000) * 60_000;
    expect(!refused.ok && refused.message).toBe(
      `U heeft het afgelopen uur al 10 testmails verstuurd; de grens is 10 per uur (elke ontvanger telt). Deze testmail naar 5 adressen kunt u weer versturen om ${formatTime(expected)}. Er is niets verstuurd.`,
    );
    // Sends older than an hour no longer count.
    age(61, 61, 30);
    expect(claim(5)).toEqual({ ok: true, used: 8 });
  });
});
