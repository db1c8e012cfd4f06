'use server';

import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { issues, items, newsletters, themes } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import { editorAction, editorTask, invalid } from '@/lib/actions';
import { getConfig } from '@/lib/config';
import type { Check } from '@/lib/email/checks';
import { approvalChecks, deliverySetup } from '@/lib/email/delivery-checks';
import { renderIssueEmail } from '@/lib/email/render';
import { emailSource } from '@/lib/email/source';
import { claimTestSend } from '@/lib/email/test-send-limit';
import { MAX_TEST_ADDRESSES, sendTestIssue } from '@/lib/send/test-send';
import { issueDocument, type IssueDocument } from '@/lib/issue/document';
import { saveIssueDocument } from '@/lib/issue/save';
import { loadIssueDocument } from '@/lib/issue/load';
import { unsavedReason } from '@/lib/issue/unsaved';
import { recordId, z } from '@/lib/validation';
import { issueTitle } from '@/lib/newsletters/title';
import { actorOf } from '@/lib/audit';

export type SaveData = {
  version: number;
  savedAt?: number;
  changedBy?: string;
  changedAt?: number;
  document?: IssueDocument;
};

const saveSchema = z.object({
  issueId: z.number().int().positive(),
  version: z.number().int().positive(),
  document: issueDocument,
});

/** Autosave: the whole document, refused whole when invalid or based on an older version. */
export const saveIssue = editorAction<typeof saveSchema, SaveData>({
  name: 'nummer opslaan',
  role: 'redacteur',
  schema: saveSchema,
  explainInvalid: true,
  revalidate: ['/redactie/nummers'],
  mutate(input, { editor, tx }) {
    const result = saveIssueDocument(tx, { ...input, editorId: editor.id });
    switch (result.status) {
      case 'ok':
        return {
          status: 'ok',
          data: { version: result.version, savedAt: result.savedAt } satisfies SaveData,
        };
      case 'conflict': {
        // Hand back their version so the editor can merge without losing either side's work.
        const document = loadIssueDocument(tx, input.issueId)!.document;
        return {
          status: 'conflict',
          message: `${result.changedBy} heeft dit nummer intussen gewijzigd.`,
          data: {
            version: result.version,
            changedBy: result.changedBy,
            changedAt: result.changedAt,
            document,
          } satisfies SaveData,
        };
      }
      default:
        return invalid(result.message);
    }
  },
});

/** After an item was dropped into another theme's section and the editor chose to follow it. */
export const changeItemTheme = editorAction({
  name: 'thema van item wijzigen',
  role: 'redacteur',
  schema: z.object({ itemId: z.number().int().positive(), themeId: z.number().int().positive() }),
  revalidate: ['/redactie/items'],
  mutate(input, { editor, tx }) {
    const item = tx.select().from(items).where(eq(items.id, input.itemId)).get();
    if (!item) invalid('Dit item bestaat niet (meer).');
    const theme = tx
      .select()
      .from(themes)
      .where(and(eq(themes.id, input.themeId), eq(themes.newsletterId, item.newsletterId)))
      .get();
    if (!theme) invalid('Dit thema hoort niet bij de nieuwsbrief van het item.');
    if (theme.archivedAt)
      invalid(`Het thema ${theme.name} is gearchiveerd en neemt geen items meer op.`);
    tx.update(items)
      .set({ themeId: theme.id, updatedBy: editor.id })
      .where(eq(items.id, item.id))
      .run();
    return { status: 'ok', message: `Het thema van het item is nu ${theme.name}.` };
  },
});

export type PreviewData = { html: string; text: string; bytes: number; checks: Check[] };

const previewSchema = z.object({ issueId: z.number().int().positive(), document: issueDocument });

async function renderFor(issueId: number, document: IssueDocument) {
  // An approved issue is shown and tested with the texts that approval froze: what will be sent.
  const source = emailSource(db(), issueId, getConfig().publicUrl, {
    document,
    approvedText: true,
    draft: true,
  });
  if (!source) return null;
  const rendered = await renderIssueEmail(source);
  return { source, ...rendered, bytes: Buffer.byteLength(rendered.html) };
}

/** The e-mail as the editor has it now (saved or not), with the checks that approval needs. */
export const previewIssue = editorTask<typeof previewSchema, PreviewData>({
  name: 'voorbeeld tonen',
  role: 'redacteur',
  schema: previewSchema,
  explainInvalid: true,
  async run(input) {
    const rendered = await renderFor(input.issueId, input.document);
    if (!rendered) return { status: 'invalid', message: 'Dit nummer bestaat niet (meer).' };
    return {
      status: 'ok',
      data: {
        html: rendered.html,
        text: rendered.text,
        bytes: rendered.bytes,
        checks: approvalChecks(rendered.source, rendered.bytes, deliverySetup(getConfig())),
      },
    };
  },
});

const addressList = z
  .string()
  .max(3000)
  .transform((value) => [
    ...new Set(
      value
        .split(/[\s,;]+/)
        .map((a) => a.trim().toLowerCase())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.email('Een van de adressen is geen geldig e-mailadres.'))
      .max(MAX_TEST_ADDRESSES, `Hoogstens ${MAX_TEST_ADDRESSES} testadressen.`),
  );

/** The newsletter's saved test addresses. */
export const saveTestAddresses = editorAction({
  name: 'testadressen opslaan',
  role: 'redacteur',
  schema: z.object({ issueId: recordId, addresses: addressList }),
  explainInvalid: true,
  mutate(input, { tx }) {
    const issue = tx
      .select({ newsletterId: issues.newsletterId })
      .from(issues)
      .where(eq(issues.id, input.issueId))
      .get();
    if (!issue) invalid('Dit nummer bestaat niet (meer).');
    tx.update(newsletters)
      .set({ testAddresses: input.addresses })
      .where(eq(newsletters.id, issue.newsletterId))
      .run();
    return {
      status: 'ok',
      message: input.addresses.length
        ? `${input.addresses.length} testadres(sen) opgeslagen.`
        : 'Geen vaste testadressen meer.',
    };
  },
});

const testSendSchema = previewSchema.extend({
  version: z.number({ error: 'Onbekende versie.' }).int().positive('Onbekende versie.'),
});

/**
 * A test send of the saved document, at the version the editor sees, to the editor and the saved
 * test addresses; refused when the editor has unsaved changes or an older version, and beyond
 * TEST_SEND_LIMIT mails per editor per hour (lib/email/test-send-limit.ts).
 */
export const sendTest = editorTask({
  name: 'testmail versturen',
  role: 'redacteur',
  schema: testSendSchema,
  explainInvalid: true,
  async run(input, { editor }): Promise<ActionState> {
    const source = emailSource(db(), input.issueId, getConfig().publicUrl);
    if (!source) return { status: 'invalid', message: 'Dit nummer bestaat niet (meer).' };
    const { newsletter } = source;
    const to = [...new Set([editor.email, ...newsletter.testAddresses])].slice(
      0,
      MAX_TEST_ADDRESSES + 1,
    );
    // Checked in one transaction with the log line that counts the send: a save
    // or a second click in between cannot slip past either check.
    const refusal = db().transaction((tx): ActionState | null => {
      const unsaved = unsavedReason(tx, input.issueId, input.version, input.document);
      if (unsaved) return { status: 'conflict', message: unsaved };
      const number = tx
        .select({ number: issues.number })
        .from(issues)
        .where(eq(issues.id, input.issueId))
        .get()!.number;
      const claim = claimTestSend(tx, {
        actor: actorOf(editor),
        issueId: input.issueId,
        title: issueTitle(newsletter, number),
        version: input.version,
        recipients: to.length,
        limit: getConfig().testSendLimit,
      });
      return claim.ok ? null : { status: 'invalid', message: claim.message };
    });
    if (refusal) return refusal;
    if (!(await sendTestIssue({ issueId: input.issueId, document: input.document }, to)))
      return { status: 'invalid', message: 'Dit nummer bestaat niet (meer).' };
    return { status: 'ok', message: `Testmail verstuurd naar ${to.join(', ')}.` };
  },
});
