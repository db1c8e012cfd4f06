import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  issueBlocks,
  issues,
  subscribers,
  subscriptions,
  subscriptionThemes,
  themes,
  users,
} from '@/db/schema';
import type { RichDoc } from '@/lib/richtext/doc';
import { seed } from '@/scripts/seed';
import { loadIssueDocument } from '@/lib/issue/load';
import { issueThemes, startSend } from '@/lib/send/plan';

/** A small deterministic PRNG, so a failing run can be repeated with its seed. */
export function prng(seedValue: number) {
  let state = seedValue >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

export type SendFixture = {
  issueId: number;
  newsletterId: number;
  themeNames: Map<number, string>;
  issueThemeIds: Set<number>;
  readers: Map<string, { subscriberId: number; themeIds: number[] }>;
};

/** Opens the issue's first text block with "Beste {voornaam},": a greeting each copy fills in. */
export function addGreeting(database: Db, issueId: number, words = 'Beste {voornaam},') {
  const block = database
    .select()
    .from(issueBlocks)
    .where(and(eq(issueBlocks.issueId, issueId), eq(issueBlocks.kind, 'text')))
    .get();
  if (!block) throw new Error(`Nummer ${issueId} heeft geen tekstblok`);
  const content = block.content as { title: string; body: RichDoc };
  const greeting: RichDoc['content'][number] = {
    type: 'paragraph',
    content: [{ type: 'text', text: words }],
  };
  const body = { ...content.body, content: [greeting, ...content.body.content] };
  database
    .update(issueBlocks)
    .set({ content: { ...content, body } })
    .where(eq(issueBlocks.id, block.id))
    .run();
}

/**
 * The demo database with `count` readers following random, non-empty theme combinations, and the
 * demo draft issue approved and ready to send. Readers' addresses are lezer<n>@example.test, their
 * names "Lezer <n>" unless `name` says otherwise.
 */
export function sendFixture(
  database: Db,
  count: number,
  options: {
    seed?: number;
    address?: (n: number) => string;
    name?: (n: number) => string | null;
  } = {},
): SendFixture {
  seed(database);
  const random = prng(options.seed ?? 7);
  const issue = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
  const allThemes = database
    .select()
    .from(themes)
    .where(eq(themes.newsletterId, issue.newsletterId))
    .all();
  const readers = new Map<string, { subscriberId: number; themeIds: number[] }>();
  database.transaction((tx) => {
    tx.delete(subscribers).run();
    for (let n = 1; n <= count; n++) {
      const email = options.address?.(n) ?? `lezer${n}@example.test`;
      let chosen = allThemes.filter(() => random() < 0.45).map((t) => t.id);
      if (chosen.length === 0) chosen = [allThemes[Math.floor(random() * allThemes.length)]!.id];
      const subscriberId = tx
        .insert(subscribers)
        .values({ email, name: options.name ? options.name(n) : `Lezer ${n}` })
        .returning({ id: subscribers.id })
        .get().id;
      const subscriptionId = tx
        .insert(subscriptions)
        .values({
          subscriberId,
          newsletterId: issue.newsletterId,
          status: 'active',
          confirmedAt: new Date(),
        })
        .returning({ id: subscriptions.id })
        .get().id;
      tx.insert(subscriptionThemes)
        .values(chosen.map((themeId) => ({ subscriptionId, themeId })))
        .run();
      readers.set(email, { subscriberId, themeIds: chosen });
    }
    tx.update(issues).set({ status: 'approved' }).where(eq(issues.id, issue.id)).run();
  });
  return {
    issueId: issue.id,
    newsletterId: issue.newsletterId,
    themeNames: new Map(allThemes.map((t) => [t.id, t.name])),
    issueThemeIds: issueThemes(loadIssueDocument(database, issue.id)!.document),
    readers,
  };
}

/** Starts the send as the demo chief editor. */
export function startFixtureSend(database: Db, issueId: number) {
  const chief = database.select().from(users).where(eq(users.role, 'hoofdredacteur')).get()!;
  const result = database.transaction((tx) =>
    startSend(tx, {
      issueId,
      editor: { id: chief.id, role: chief.role, label: chief.name ?? chief.email },
    }),
  );
  if (!result.ok) throw new Error(result.message);
  return result;
}

export async function waitForStatus(
  database: Db,
  issueId: number,
  status: string,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = database.get<{ status: string }>(
      sql`select status from issues where id = ${issueId}`,
    );
    if (row.status === status) return;
    if (Date.now() > deadline) throw new Error(`Nummer ${issueId} bleef op ${row.status} staan`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Polls until `check` returns a value (not undefined or false): tests wait for states, not time. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Gewacht op ${what}, maar het gebeurde niet`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
