import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import { newsletters, themes } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit';
import {
  isDefaultText,
  mailText,
  mailTextDefinitions,
  mailTextKinds,
  mailTextSchema,
  type MailText,
  type MailTextKind,
} from './mail-texts';

// Reading and changing a newsletter's system mail texts and its welcome switch: the admin
// screen's actions and the demo data both go through here. Each change is one audit line.

function row(database: Tx, newsletterId: number) {
  return database
    .select({
      id: newsletters.id,
      name: newsletters.name,
      mailTexts: newsletters.mailTexts,
      welcomeMail: newsletters.welcomeMail,
    })
    .from(newsletters)
    .where(eq(newsletters.id, newsletterId))
    .get();
}

/** Per kind the text in use and whether the admin changed it; undefined for no newsletter. */
export function mailTextSettings(database: Tx, newsletterId: number) {
  const newsletter = row(database, newsletterId);
  if (!newsletter) return undefined;
  const texts = Object.fromEntries(
    mailTextKinds.map((kind) => {
      const text = mailText(newsletter, kind);
      return [kind, { text, edited: !isDefaultText(kind, text) }];
    }),
  ) as Record<MailTextKind, { text: MailText; edited: boolean }>;
  return { id: newsletter.id, name: newsletter.name, welcomeMail: newsletter.welcomeMail, texts };
}

export type MailTextChange = 'saved' | 'unchanged' | 'missing';

function write(
  tx: Tx,
  newsletter: NonNullable<ReturnType<typeof row>>,
  kind: MailTextKind,
  text: MailText | null,
) {
  const others = Object.fromEntries(
    Object.entries(newsletter.mailTexts).filter(([stored]) => stored !== kind),
  );
  // The default is not stored: a newsletter on the default follows a better default later.
  const next = text && !isDefaultText(kind, text) ? { ...others, [kind]: text } : others;
  tx.update(newsletters).set({ mailTexts: next }).where(eq(newsletters.id, newsletter.id)).run();
}

/**
 * Stores an edited text; the default text stores as "none". The action validated it already
 * (with Dutch field errors); checked again here so no other caller stores a text without its link.
 */
export function saveMailText(
  tx: Tx,
  actor: AuditActor,
  input: { newsletterId: number; kind: MailTextKind; text: MailText },
): MailTextChange {
  const text = mailTextSchema(input.kind).parse(input.text);
  const newsletter = row(tx, input.newsletterId);
  if (!newsletter) return 'missing';
  const before = mailText(newsletter, input.kind);
  if (before.subject === text.subject && before.body === text.body) return 'unchanged';
  write(tx, newsletter, input.kind, text);
  recordAudit(tx, {
    actor,
    action: 'newsletter.mail-text.updated',
    entityType: 'newsletter',
    entityId: newsletter.id,
    summary: `${newsletter.name}: ${mailTextDefinitions[input.kind].label.toLowerCase()} gewijzigd`,
    details: { kind: input.kind, before, after: text },
  });
  return 'saved';
}

/** Back to the default text of this mail. */
export function resetMailText(
  tx: Tx,
  actor: AuditActor,
  input: { newsletterId: number; kind: MailTextKind },
): MailTextChange {
  const newsletter = row(tx, input.newsletterId);
  if (!newsletter) return 'missing';
  if (!(input.kind in newsletter.mailTexts)) return 'unchanged';
  write(tx, newsletter, input.kind, null);
  recordAudit(tx, {
    actor,
    action: 'newsletter.mail-text.reset',
    entityType: 'newsletter',
    entityId: newsletter.id,
    summary: `${newsletter.name}: ${mailTextDefinitions[input.kind].label.toLowerCase()} terug naar de standaardtekst`,
    details: { kind: input.kind, before: newsletter.mailTexts[input.kind] },
  });
  return 'saved';
}

/** Whether a confirmed sign-up gets the welcome mail. */
export function setWelcomeMail(
  tx: Tx,
  actor: AuditActor,
  input: { newsletterId: number; on: boolean },
): MailTextChange {
  const newsletter = row(tx, input.newsletterId);
  if (!newsletter) return 'missing';
  if (newsletter.welcomeMail === input.on) return 'unchanged';
  tx.update(newsletters)
    .set({ welcomeMail: input.on })
    .where(eq(newsletters.id, newsletter.id))
    .run();
  recordAudit(tx, {
    actor,
    action: 'newsletter.welcome-mail',
    entityType: 'newsletter',
    entityId: newsletter.id,
    summary: `${newsletter.name}: welkomstmail ${input.on ? 'aan' : 'uit'}`,
    details: { on: input.on },
  });
  return 'saved';
}

/** Two of the newsletter's themes, for the welcome mail's preview. */
export function previewThemes(database: Tx, newsletterId: number): string[] {
  return database
    .select({ name: themes.name })
    .from(themes)
    .where(and(eq(themes.newsletterId, newsletterId), isNull(themes.archivedAt)))
    .orderBy(asc(themes.position))
    .limit(2)
    .all()
    .map((t) => t.name);
}
