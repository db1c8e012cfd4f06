import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowMail } from '@/app/(redactie)/redactie/nummers/[id]/workflow-mail';
import SendPausedEmail from '@/emails/send-paused';
import { signInMail } from '@/lib/auth/sign-in-mail';
import { renderMail } from '@/lib/email/system-mail';
import { issueIdentity, newsletterIdentity } from '@/lib/newsletters/identity';
import { confirmSignUp, requestSignUp } from '@/lib/subscribers/flows-sign-up';
import {
  alreadySubscribedMail,
  confirmMail,
  emailChangeMail,
  preferencesLinkMail,
} from '@/lib/subscribers/mails';
import { tokenKey, verifyToken } from '@/lib/subscribers/tokens';
import { sendWelcome } from '@/lib/subscribers/welcome';
import { testDb } from '@/lib/test/db';
import { testDkim } from '@/lib/test/dkim';
import { sendFixture } from '@/lib/test/send-fixture';
import { TEST_PUBLIC_URL, TEST_SECRET } from '@/lib/test/send-harness';
import { startTestSmtp, type TestSmtp } from '@/lib/test/smtp';
import { sendMail, type MailMessage, type MailTarget } from './index';

// Every mail that is not a newsletter copy goes through sendMail, which builds it as a copy is
// built: here each one arrives at a real SMTP server, signed, from the right sender.

const database = testDb();
const fixture = sendFixture(database, 1);
const newsletter = newsletterIdentity(database, fixture.newsletterId)!;
const dkim = testDkim('vsg.example', 'kopij2026');
let smtp: TestSmtp;
let target: MailTarget;

beforeAll(async () => {
  smtp = await startTestSmtp();
  target = {
    smtpUrl: smtp.url,
    outboxDir: '/nonexistent',
    mailFrom: 'Kopij <noreply@kopij.test>',
    dkim: dkim.sign,
  };
});
afterAll(() => smtp.close());

/** Sends, then reads what the server got: parsed, with its DKIM verdict. */
async function roundTrip(message: MailMessage | Promise<MailMessage>) {
  const result = await sendMail(await message, target);
  const received = smtp.messages.find((m) => m.raw.includes(result.messageId))!;
  const parsed = await simpleParser(received.raw);
  return { parsed, received, verdict: await dkim.verify(received.raw) };
}

const link = `${TEST_PUBLIC_URL}/voorkeuren/voorbeeld`;
const to = 'lezer@gemeente.example';
const newsletterMails: [string, () => Promise<MailMessage>][] = [
  ['confirmation', async () => ({ to, ...(await confirmMail(newsletter, link)) })],
  ['already subscribed', async () => ({ to, ...(await alreadySubscribedMail(newsletter, link)) })],
  ['fresh link', async () => ({ to, ...(await preferencesLinkMail(newsletter, link)) })],
  ['address change', async () => ({ to, ...(await emailChangeMail(newsletter, link)) })],
  [
    'review request',
    async () => ({
      to,
      ...(await workflowMail('requestReview', newsletter, {
        title: 'Raadsbericht 24',
        actor: 'Sanne Bakker',
        link,
      })),
    }),
  ],
  [
    'sent back',
    async () => ({
      to,
      ...(await workflowMail('sendBack', newsletter, {
        title: 'Raadsbericht 24',
        actor: 'Pieter Jansen',
        note: 'Korter, graag.',
        link,
      })),
    }),
  ],
  [
    'send paused',
    async () => ({
      to,
      sender: newsletter.sender,
      ...(await renderMail(
        'Verzending gepauzeerd: Raadsbericht 24',
        SendPausedEmail({
          brand: newsletter.brand,
          title: 'Raadsbericht 24',
          reason: 'x',
          limit: 5,
          link,
        }),
      )),
    }),
  ],
];

describe('system mails about a newsletter', () => {
  it.each(newsletterMails)(
    '%s: from the newsletter’s sender, DKIM-signed, Message-ID on its domain, no List-*',
    async (_, make) => {
      const { parsed, received, verdict } = await roundTrip(make());
      expect(verdict).toEqual(['pass']);
      expect(parsed.from?.value).toEqual([
        { name: 'VSG Raadsbericht', address: 'raadsbericht@vsg.example' },
      ]);
      expect(parsed.replyTo?.value[0]?.address).toBe('redactie@vsg.example');
      expect(parsed.messageId).toMatch(/^<[\w-]{24}@vsg\.example>$/);
      expect(received.envelopeFrom).toBe('bounces@vsg.example');
      expect(parsed.headerLines.map((h) => h.key)).not.toContain('list-unsubscribe');
      expect(parsed.text).toContain(link);
      expect(parsed.html).toContain('Raadsbericht');
    },
  );

  it('names the issue’s newsletter for mails about an issue', () => {
    expect(issueIdentity(database, fixture.issueId)).toEqual(newsletter);
  });
});

describe('the sign-in link', () => {
  it('comes from MAIL_FROM, signed, with its Message-ID on that domain', async () => {
    const signIn = `${TEST_PUBLIC_URL}/inloggen/bevestigen?token=abc&email=a%40b.nl`;
    const { parsed, verdict } = await roundTrip(signInMail(to, signIn, 60));
    expect(verdict).toEqual(['pass']);
    expect(parsed.from?.value).toEqual([{ name: 'Kopij', address: 'noreply@kopij.test' }]);
    expect(parsed.replyTo).toBeUndefined();
    expect(parsed.messageId).toMatch(/@kopij\.test>$/);
    expect(parsed.subject).toBe('Uw inloglink voor Kopij');
    expect(parsed.text).toContain('60 minuten geldig');
    expect(parsed.text).toContain(signIn);
  });
});

describe('the welcome after a confirmed sign-up', () => {
  it('goes to the new reader from the newsletter, names the chosen themes and links to the preferences', async () => {
    const themes = [...fixture.themeNames.entries()].slice(0, 2);
    const claims = database.transaction((tx) => {
      const signUp = requestSignUp(tx, {
        email: 'welkom@gemeente.example',
        name: 'Welkom',
        audience: 'griffier',
        themeIds: themes.map(([id]) => id),
        newsletterId: fixture.newsletterId,
        wordingVersion: 'test',
        source: 'test',
        client: 'test',
      });
      if (signUp.outcome === 'suppressed') throw new Error('niet onderdrukt verwacht');
      confirmSignUp(tx, signUp.claims);
      return signUp.claims;
    });
    const key = tokenKey(TEST_SECRET);
    const result = await sendWelcome(database, claims, { target, publicUrl: TEST_PUBLIC_URL, key });
    const received = smtp.messages.find((m) => m.raw.includes(result!.messageId))!;
    expect(received.envelopeTo).toEqual(['welkom@gemeente.example']);
    const parsed = await simpleParser(received.raw);
    expect(await dkim.verify(received.raw)).toEqual(['pass']);
    expect(parsed.subject).toBe(`Welkom bij ${newsletter.brand.name}`);
    expect(parsed.from?.value[0]?.address).toBe('raadsbericht@vsg.example');
    for (const [, name] of themes) expect(parsed.text).toContain(`* ${name}`);
    const preferences = parsed.text!.match(/https?:\/\/\S+\/voorkeuren\/\S+/)![0];
    const token = preferences.slice(preferences.lastIndexOf('/') + 1);
    expect(
      verifyToken(key, 'preferences', token, { currentVersion: () => claims.version }),
    ).toMatchObject({ ok: true, claims });
  });

  it('is not sent for a subscription that is not active', async () => {
    const claims = database.transaction((tx) => {
      const signUp = requestSignUp(tx, {
        email: 'nog.niet@gemeente.example',
        name: '',
        audience: 'anders',
        themeIds: [[...fixture.themeNames.keys()][0]!],
        newsletterId: fixture.newsletterId,
        wordingVersion: 'test',
        source: 'test',
        client: 'test',
      });
      if (signUp.outcome === 'suppressed') throw new Error('niet onderdrukt verwacht');
      return signUp.claims;
    });
    expect(await sendWelcome(database, claims, { target })).toBeUndefined();
  });
});
