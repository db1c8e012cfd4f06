import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { deliveries } from '@/db/schema';
import { testDb } from '@/lib/test/db';
import { sendFixture, startFixtureSend, waitFor } from '@/lib/test/send-fixture';
import { bookkeeping } from './bookkeeping';
import { claimer } from './claim';
import type { Job } from './jobs';

const policy = { maxAttempts: 3, retryBaseMs: 1000, bounceLimit: 1 };
const ok = { ok: true as const, response: '250 OK' };

function claimed(count: number) {
  const database = testDb();
  const fixture = sendFixture(database, count);
  startFixtureSend(database, fixture.issueId);
  const jobs = claimer(database)(count);
  expect(jobs).toHaveLength(count);
  return { database, jobs };
}

const statuses = (database: Db, jobs: Job[]) =>
  database
    .select({ status: deliveries.status })
    .from(deliveries)
    .where(
      inArray(
        deliveries.id,
        jobs.map((j) => j.id),
      ),
    )
    .all()
    .map((r) => r.status);

describe('bookkeeping of answered copies', () => {
  it('writes a full batch at once, and what is left within milliseconds', async () => {
    const { database, jobs } = claimed(6);
    const books = bookkeeping(database, policy, { batch: 4 });
    for (const job of jobs.slice(0, 3)) books.record(job, ok, `<${job.id}@example.nl>`);
    // Answered but not yet written: still in flight, as a crash would find them.
    expect(statuses(database, jobs.slice(0, 3))).toEqual(['sending', 'sending', 'sending']);
    books.record(jobs[3]!, ok, '<4@example.nl>');
    expect(statuses(database, jobs.slice(0, 4))).toEqual(['sent', 'sent', 'sent', 'sent']);

    books.record(jobs[4]!, ok, '<5@example.nl>');
    await waitFor(() => statuses(database, [jobs[4]!])[0] === 'sent', 'de laatste kopie');
    books.record(jobs[5]!, ok, '<6@example.nl>');
    books.flush();
    expect(statuses(database, [jobs[5]!])).toEqual(['sent']);
  });

  it('keeps a batch whose write failed and writes it on a later try', async () => {
    const { database, jobs } = claimed(4);
    const logged: string[] = [];
    const books = bookkeeping(database, policy, { batch: 4, log: (m) => logged.push(m) });
    database.run(
      sql.raw(
        "create trigger refuse_writes before update on deliveries begin select raise(abort, 'database is locked'); end",
      ),
    );
    for (const job of jobs) books.record(job, ok, `<${job.id}@example.nl>`);
    expect(logged).toEqual([expect.stringContaining('4 verzonden kopie(ën) nog niet bijgewerkt')]);
    expect(statuses(database, jobs)).toEqual(['sending', 'sending', 'sending', 'sending']);

    database.run(sql.raw('drop trigger refuse_writes'));
    await waitFor(() => statuses(database, jobs).every((s) => s === 'sent'), 'de tweede poging');
    const rows = database.select({ messageId: deliveries.messageId }).from(deliveries).all();
    expect(rows.map((r) => r.messageId).sort()).toEqual(
      jobs.map((j) => `<${j.id}@example.nl>`).sort(),
    );
  });
});
