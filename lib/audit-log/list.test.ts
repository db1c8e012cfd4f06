import { eq, max } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { testDb } from '@/lib/test/db';
import { AUDIT_PAGE_SIZE, auditFilter, listAudit } from './list';

function fixture() {
  const database = testDb();
  database
    .insert(users)
    .values([
      { id: 'a', email: 'a@x.nl', name: 'Anna' },
      { id: 'b', email: 'b@x.nl', name: 'Bram' },
    ])
    .run();
  const log = (actor: string, action: string, at: string) => {
    recordAudit(database, {
      actor: { id: actor, label: actor },
      action,
      entityType: 'test',
      summary: action,
    });
    const last = database
      .select({ id: max(auditLog.id) })
      .from(auditLog)
      .get()!.id!;
    database
      .update(auditLog)
      .set({ at: new Date(at) })
      .where(eq(auditLog.id, last))
      .run();
  };
  log('a', 'issue.approve', '2026-11-01T10:00:00Z');
  log('b', 'subscribers.imported', '2026-11-02T23:30:00Z'); // 3 November, 00:30 Dutch time
  log('a', 'editor.added', '2026-11-03T10:00:00Z');
  log('b', 'access.denied', '2026-11-04T10:00:00Z');
  log('a', 'subscriber.erased', '2026-11-05T10:00:00Z');
  return database;
}
const actions = (rows: { action: string }[]) => rows.map((r) => r.action);

describe('listAudit', () => {
  it('lists newest first and filters by kind, by editor and by Dutch calendar day', () => {
    const database = fixture();
    expect(actions(listAudit(database, {}).rows)).toEqual([
      'subscriber.erased',
      'access.denied',
      'editor.added',
      'subscribers.imported',
      'issue.approve',
    ]);
    expect(actions(listAudit(database, { soort: 'abonnees' }).rows)).toEqual([
      'subscriber.erased',
      'subscribers.imported',
    ]);
    expect(actions(listAudit(database, { door: 'b' }).rows)).toEqual([
      'access.denied',
      'subscribers.imported',
    ]);
    expect(actions(listAudit(database, { van: '2026-11-03', tot: '2026-11-03' }).rows)).toEqual([
      'editor.added',
      'subscribers.imported',
    ]);
  });

  it('pages by id without skipping or repeating', () => {
    const database = testDb();
    for (let i = 0; i < AUDIT_PAGE_SIZE + 7; i += 1)
      recordAudit(database, {
        actor: { id: null, label: 'systeem' },
        action: 'issue.created',
        entityType: 'issue',
        summary: String(i),
      });
    const first = listAudit(database, {});
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    const second = listAudit(database, { voor: first.next! });
    expect(second.rows).toHaveLength(7);
    expect(second.next).toBeNull();
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(AUDIT_PAGE_SIZE + 7);
    expect(database.select().from(auditLog).all()).toHaveLength(AUDIT_PAGE_SIZE + 7);
  });

  it('drops filter values that make no sense instead of failing', () => {
    expect(auditFilter.parse({ soort: 'alles', van: 'gisteren', voor: '-3', door: 'a' })).toEqual({
      door: 'a',
    });
  });
});
