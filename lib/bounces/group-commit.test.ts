import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { bounceEvents, subscribers } from '@/db/schema';
import { bounceFixture } from '@/lib/test/bounce-fixtures';
import { bounceSetup } from '@/lib/test/bounce-setup';
import { testDb } from '@/lib/test/db';
import { groupCommit } from './group-commit';

/** The database, counting the transactions opened on it. */
function counted(database: Db) {
  const counter = { transactions: 0 };
  const wrapped = Object.create(database) as Db;
  wrapped.transaction = ((...args: Parameters<Db['transaction']>) => {
    counter.transactions += 1;
    return database.transaction(...args);
  }) as Db['transaction'];
  return { wrapped, counter };
}

describe('group commit in the SMTP listener', () => {
  it('records messages read at the same time in one transaction, and answers each', async () => {
    const database = testDb();
    const setup = bounceSetup(database, { readers: 3 });
    const { wrapped, counter } = counted(database);
    // No deadline: on a busy machine reading one message may take longer than the 20 ms.
    const record = groupCommit(wrapped, { maxWaitMs: 60_000 });
    const lines: string[] = [];
    const results = await Promise.all(
      setup.readers.map((reader) => {
        const verp = setup.verp(reader.deliveries[0]!);
        const raw = bounceFixture('postfix-hard', { verp, email: reader.email });
        return record(raw, { source: 'smtp', recipients: [verp], log: (l) => lines.push(l) });
      }),
    );
    expect(results).toEqual([
      { reports: 1, applied: 1 },
      { reports: 1, applied: 1 },
      { reports: 1, applied: 1 },
    ]);
    expect(counter.transactions).toBe(1);
    expect(
      database
        .select()
        .from(subscribers)
        .all()
        .map((s) => s.status),
    ).toEqual(['bounced', 'bounced', 'bounced']);
    expect(lines).toEqual([]);
  });

  it('a report that fails fails only its own message; the others in the batch are kept', async () => {
    const database = testDb();
    const setup = bounceSetup(database, { readers: 3 });
    const broken = setup.readers[1]!.deliveries[0]!;
    database.$client.exec(
      `create trigger kapot before insert on bounce_events when new.delivery_id = ${broken}
       begin select raise(abort, 'kapotte schijf'); end`,
    );
    const record = groupCommit(database);
    const outcomes = await Promise.allSettled(
      setup.readers.map((reader) => {
        const verp = setup.verp(reader.deliveries[0]!);
        const raw = bounceFixture('gmail-hard', { verp, email: reader.email });
        return record(raw, { source: 'smtp', recipients: [verp], log: () => {} });
      }),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('kapotte schijf');
    const recorded = database.select().from(bounceEvents).all();
    expect(recorded.map((e) => e.deliveryId).sort()).toEqual(
      [setup.readers[0]!.deliveries[0], setup.readers[2]!.deliveries[0]].sort(),
    );
  });

  it('a message with nothing to record is answered at once, without a transaction', async () => {
    const database = testDb();
    const setup = bounceSetup(database);
    const { wrapped, counter } = counted(database);
    const verp = setup.verp(setup.readers[0]!.deliveries[0]!);
    const raw = bounceFixture('out-of-office', { verp });
    const result = await groupCommit(wrapped)(raw, {
      source: 'smtp',
      recipients: [verp],
      log: () => {},
    });
    expect(result).toEqual({ reports: 0, applied: 0 });
    expect(counter.transactions).toBe(0);
  });
});
