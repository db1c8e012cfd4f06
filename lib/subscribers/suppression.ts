import crypto from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import { suppressions } from '@/db/schema';
import { getConfig } from '@/lib/config';
import type { SuppressionReason } from '@/lib/enums';
import { normaliseAddress } from './address';

/**
 * The suppression list is keyed by a keyed hash of the normalised address (HMAC, so the list of
 * erased people cannot be reversed with a dictionary of addresses), which lets it outlive an
 * erasure and still catch the address when it returns through a sign-up or an import.
 */
let cached: { secret: string; key: Buffer } | undefined;

function hashKey(secret = getConfig().authSecret): Buffer {
  if (cached?.secret !== secret)
    cached = {
      secret,
      key: Buffer.from(crypto.hkdfSync('sha256', secret, 'kopij', 'suppression-list', 32)),
    };
  return cached.key;
}

export function emailHash(email: string, key = hashKey()): string {
  return crypto.createHmac('sha256', key).update(normaliseAddress(email)).digest('base64url');
}

/**
 * Puts an address on the list; a second suppression of a suppressed address changes nothing
 * (the partial unique index allows one unlifted row). Erasures keep no address, only the hash.
 * Returns whether a new row was written.
 */
export function suppress(
  tx: Tx,
  entry: { email: string; reason: SuppressionReason; detail?: string; by?: string | null },
): boolean {
  const rows = tx
    .insert(suppressions)
    .values({
      emailHash: emailHash(entry.email),
      email: entry.reason === 'erased' ? null : normaliseAddress(entry.email),
      reason: entry.reason,
      detail: entry.detail ?? '',
      createdBy: entry.by ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: suppressions.id })
    .all();
  return rows.length > 0;
}

export function isSuppressed(tx: Tx, email: string): boolean {
  return (
    tx
      .select({ id: suppressions.id })
      .from(suppressions)
      .where(and(eq(suppressions.emailHash, emailHash(email)), isNull(suppressions.liftedAt)))
      .get() !== undefined
  );
}

/** Which of these addresses are suppressed (normalised), for an import preview. */
export function suppressedAmong(tx: Tx, emails: string[]): Set<string> {
  const byHash = new Map(emails.map((e) => [emailHash(e), normaliseAddress(e)]));
  const found = new Set<string>();
  const hashes = [...byHash.keys()];
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = tx
      .select({ hash: suppressions.emailHash })
      .from(suppressions)
      .where(
        and(
          inArray(suppressions.emailHash, hashes.slice(i, i + 500)),
          isNull(suppressions.liftedAt),
        ),
      )
      .all();
    for (const row of rows) found.add(byHash.get(row.hash)!);
  }
  return found;
}

/** The unlifted row for this address, if any (also an erased one, found by its hash). */
export function activeSuppression(tx: Tx, email: string) {
  return tx
    .select({ id: suppressions.id, email: suppressions.email, reason: suppressions.reason })
    .from(suppressions)
    .where(and(eq(suppressions.emailHash, emailHash(email)), isNull(suppressions.liftedAt)))
    .get();
}

/**
 * A membership test for many addresses at once (a send's audience, an import), reading the
 * unlifted list once. Rows that keep their address match on it; only when hash-only rows
 * (erasures) exist is each address hashed, so a send to 5,000 readers usually costs 5,000 set
 * lookups and no HMAC at all.
 */
export function suppressionMatcher(tx: Tx): (email: string) => boolean {
  const rows = tx
    .select({ hash: suppressions.emailHash, email: suppressions.email })
    .from(suppressions)
    .where(isNull(suppressions.liftedAt))
    .all();
  if (rows.length === 0) return () => false;
  const addresses = new Set<string>();
  const hashes = new Set<string>();
  for (const row of rows) {
    if (row.email) addresses.add(row.email);
    else hashes.add(row.hash);
  }
  const key = hashes.size > 0 ? hashKey() : undefined;
  return (email) => {
    const address = normaliseAddress(email);
    return addresses.has(address) || (key !== undefined && hashes.has(emailHash(address, key)));
  };
}
