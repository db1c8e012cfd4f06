import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deliveries, subscribers } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { sendFixture, startFixtureSend } from '@/lib/test/send-fixture';
import { suppress } from '@/lib/subscribers/suppression';
import { recipientCount } from './plan';

describe('the send plan and the suppression list', () => {
  it('creates no delivery for a suppressed address among 5,000 readers, and counts them', () => {
    const database = testDb();
    const fixture = sendFixture(database, 5000);
    const suppressed = ['lezer7@example.test', 'LEZER4000@example.test', 'lezer4999@example.test'];
    database.transaction((tx) => {
      suppress(tx, { email: suppressed[0]!, reason: 'hard_bounce', detail: '5.1.1' });
      suppress(tx, { email: suppressed[1]!, reason: 'complaint' });
      // Kept only as a hash: an erased reader whose address came back as a new subscriber.
      suppress(tx, { email: suppressed[2]!, reason: 'erased' });
      // Lifted suppressions and addresses nobody has do not count.
      suppress(tx, { email: 'niemand@example.test', reason: 'manual' });
    });
    expect(recipientCount(database, fixture.newsletterId)).toBe(4997);

    const result = startFixtureSend(database, fixture.issueId);
    expect(result).toMatchObject({ recipients: 4997, suppressed: 3 });
    const planned = database
      .select({ email: subscribers.email })
      .from(deliveries)
      .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
      .where(eq(deliveries.issueId, fixture.issueId))
      .all()
      .map((r) => r.email);
    expect(planned).toHaveLength(4997);
    for (const email of suppressed) expect(planned).not.toContain(email.toLowerCase());
    expect(planned).toContain('lezer8@example.test');
  });

  it('plans everyone when the list is empty', () => {
    const database = testDb();
    const fixture = sendFixture(database, 20);
    expect(startFixtureSend(database, fixture.issueId)).toMatchObject({
      recipients: 20,
      suppressed: 0,
    });
  });
});
