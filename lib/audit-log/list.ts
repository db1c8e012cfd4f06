import { and, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { auditLog } from '@/db/schema';
import { fromDutchLocal } from '@/lib/format-input';
import { z } from '@/lib/validation';
import { newsletterCondition } from './newsletter-filter';

// The admin's view of the audit log: newest first, filtered, paged by id so a page deep in a
// long log costs the same as the first. Reading only: there is no code path that writes here
// except recordAudit's insert.

export const AUDIT_PAGE_SIZE = 50;

export const auditGroups = {
  nummers: { label: 'Nummers en verzending', prefix: 'issue.' },
  abonnees: { label: 'Abonnees (import, export, wissen)', prefix: 'subscriber' },
  onderdrukking: { label: 'Onderdrukkingslijst', prefix: 'suppression.' },
  redacteuren: { label: 'Redacteuren en rollen', prefix: 'editor.' },
  blokken: { label: 'Vaste blokken', prefix: 'block.' },
  items: { label: 'Items (verwijderd, gearchiveerd)', prefix: 'item.' },
  geweigerd: { label: 'Geweigerde pogingen', prefix: 'access.denied' },
} as const;
export type AuditGroup = keyof typeof auditGroups;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Query-string filters; a wrong value is dropped rather than refused, as a list filter should. */
export const auditFilter = z.object({
  soort: z
    .enum(Object.keys(auditGroups) as [AuditGroup, ...AuditGroup[]])
    .optional()
    .catch(undefined),
  door: z.string().max(64).optional().catch(undefined),
  nieuwsbrief: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .optional()
    .catch(undefined),
  van: day,
  tot: day,
  voor: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilter>;

/** A calendar day in Dutch time to its first millisecond; `shift` days later for an end bound. */
function dutchMidnight(date: string, shift = 0): Date {
  const day = new Date(Date.parse(`${date}T12:00:00Z`) + shift * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return fromDutchLocal(`${day}T00:00`)!;
}

export function listAudit(database: Db, filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [
    filter.soort ? like(auditLog.action, `${auditGroups[filter.soort].prefix}%`) : undefined,
    filter.door ? eq(auditLog.actorId, filter.door) : undefined,
    filter.nieuwsbrief ? newsletterCondition(database, filter.nieuwsbrief) : undefined,
    filter.van ? gte(auditLog.at, dutchMidnight(filter.van)) : undefined,
    filter.tot ? lt(auditLog.at, dutchMidnight(filter.tot, 1)) : undefined,
    filter.voor ? lt(auditLog.id, filter.voor) : undefined,
  ];
  const rows = database
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .all();
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { rows: page, next: more ? page[page.length - 1]!.id : null };
}
