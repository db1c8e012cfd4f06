import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { deliveries, issues, newsletters, subscribers, subscriptions } from '@/db/schema';
import { verpAddress } from '@/lib/bounces/verp';

export const BOUNCE_DOMAIN = 'vsg.example.nl';

export type BounceReader = {
  subscriberId: number;
  email: string;
  /** The reader's delivery per issue, in issue order. */
  deliveries: number[];
};

export type BounceSetup = {
  newsletterId: number;
  issueIds: number[];
  readers: BounceReader[];
  /** The VERP envelope sender a delivery's copy went out with. */
  verp(deliveryId: number): string;
  messageId(deliveryId: number): string;
};

function addIssues(tx: Tx, newsletterId: number, count: number, start: number): number[] {
  return Array.from(
    { length: count },
    (_, i) =>
      tx
        .insert(issues)
        .values({
          newsletterId,
          number: i + 1,
          subject: `Raadsbericht ${i + 1}`,
          slug: `nummer-${i + 1}`,
          status: 'sent',
          sentAt: new Date(start + i * 86_400_000),
        })
        .returning({ id: issues.id })
        .get().id,
  );
}

/**
 * A newsletter (sender nieuws@vsg.example.nl, so its bounce domain is vsg.example.nl), `issues`
 * sent issues and `readers` active readers, each with a copy of every issue that the relay took
 * (status 'sent', one day apart). Readers are lezer<n>@gemeente-voorbeeld.nl.
 */
export function bounceSetup(
  database: Db,
  options: { readers?: number; issues?: number; slug?: string } = {},
): BounceSetup {
  const slug = options.slug ?? 'raadsbericht';
  const messageId = (deliveryId: number) => `<kopij.${slug}.${deliveryId}@${BOUNCE_DOMAIN}>`;
  return database.transaction((tx) => {
    const newsletterId = tx
      .insert(newsletters)
      .values({
        slug,
        name: slug === 'raadsbericht' ? 'Raadsbericht' : slug,
        organisation: 'VSG',
        senderName: 'Raadsbericht',
        senderEmail: `nieuws@${BOUNCE_DOMAIN}`,
      })
      .returning({ id: newsletters.id })
      .get().id;
    const start = Date.UTC(2026, 2, 3, 9);
    const issueIds = addIssues(tx, newsletterId, options.issues ?? 1, start);
    const readers: BounceReader[] = [];
    for (let n = 1; n <= (options.readers ?? 1); n++) {
      const email = `lezer${n}@gemeente-voorbeeld.nl`;
      const subscriberId =
        tx
          .select({ id: subscribers.id })
          .from(subscribers)
          .where(eq(subscribers.email, email))
          .get()?.id ??
        tx
          .insert(subscribers)
          .values({ email, name: `Lezer ${n}` })
          .returning({ id: subscribers.id })
          .get().id;
      tx.insert(subscriptions)
        .values({ subscriberId, newsletterId, status: 'active', confirmedAt: new Date(start) })
        .run();
      const ids = issueIds.map((issueId, i) => {
        const id = tx
          .insert(deliveries)
          .values({
            issueId,
            subscriberId,
            status: 'sent',
            attempts: 1,
            sentAt: new Date(start + i * 86_400_000),
          })
          .returning({ id: deliveries.id })
          .get().id;
        tx.update(deliveries)
          .set({ messageId: messageId(id) })
          .where(eq(deliveries.id, id))
          .run();
        return id;
      });
      readers.push({ subscriberId, email, deliveries: ids });
    }
    return {
      newsletterId,
      issueIds,
      readers,
      verp: (deliveryId: number) => verpAddress(deliveryId, BOUNCE_DOMAIN),
      messageId,
    };
  });
}
