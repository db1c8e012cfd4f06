import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, newsletters } from '@/db/schema';
import { sendMail, type MailTarget } from '@/lib/mail';
import { newsletterIdentity } from '@/lib/newsletters/identity';
import { saveMailText, setWelcomeMail } from '@/lib/newsletters/mail-text-store';
import { testDb } from '@/lib/test/db';
import { sendFixture } from '@/lib/test/send-fixture';
import { TEST_PUBLIC_URL, TEST_SECRET } from '@/lib/test/send-harness';
import { startTestSmtp, type TestSmtp } from '@/lib/test/smtp';
import { requestSignUp } from './flows-sign-up';
import { alreadySubscribedMail, confirmMail } from './mails';
import { tokenKey, verifyToken } from './tokens';
import { confirmWithWelcome } from './welcome';

// The mails a reader gets when signing up, built from the texts an admin edited for the
// newsletter, arriving at a real SMTP server.

const database = testDb();
const fixture = sendFixture(database, 1);
const actor = { id: null, label: 'Test' };
const key = tokenKey(TEST_SECRET);
let smtp: TestSmtp;
let target: MailTarget;

beforeAll(async () => {
  smtp = await startTestSmtp();
  target = { smtpUrl: smtp.url, outboxDir: '/nonexistent', mailFrom: 'Kopij <noreply@kopij.test>' };
});
afterAll(() => smtp.close());

async function received(messageId: string) {
  const mail = smtp.messages.find((m) => m.raw.includes(messageId))!;
  return { envelopeTo: mail.envelopeTo, parsed: await simpleParser(mail.raw) };
}

function edit(kind: 'bevestiging' | 'welkom' | 'al-aangemeld', subject: string, body: string) {
  database.transaction((tx) =>
    saveMailText(tx, actor, { newsletterId: fixture.newsletterId, kind, text: { subject, body } }),
  );
}

function signUp(email: string) {
  return database.transaction((tx) => {
    const result = requestSignUp(tx, {
      email,
      name: '',
      audience: 'griffier',
      themeIds: [[...fixture.themeNames.keys()][0]!],
      newsletterId: fixture.newsletterId,
      wordingVersion: 'test',
      source: 'test',
      client: 'test',
    });
    if (result.outcome === 'suppressed') throw new Error('niet onderdrukt verwacht');
    return result.claims;
  });
}

describe('mails from edited texts', () => {
  it('the confirmation: the edited subject and text, from the newsletter, with the link as button and written out', async () => {
    edit(
      'bevestiging',
      'Nog één klik voor {nieuwsbrief} van {organisatie}, {dagen} dagen geldig',
      'Beste lezer,\n\nWelkom bij {nieuwsbrief}! Klik hieronder.\n\n{bevestigingslink}\n\nDe link werkt {dagen} dagen.',
    );
    const newsletter = newsletterIdentity(database, fixture.newsletterId)!;
    const link = `${TEST_PUBLIC_URL}/aanmelden/bevestigen/abc`;
    const result = await sendMail(
      { to: 'a@gemeente.example', ...(await confirmMail(newsletter, link)) },
      target,
    );
    const { parsed } = await received(result.messageId);
    expect(parsed.subject).toBe(
      'Nog één klik voor Raadsbericht van Vereniging Samenwerkende Gemeenten, 7 dagen geldig',
    );
    expect(parsed.from?.value).toEqual([
      { name: 'VSG Raadsbericht', address: 'raadsbericht@vsg.example' },
    ]);
    expect(parsed.replyTo?.value[0]?.address).toBe('redactie@vsg.example');
    expect(parsed.text).toContain('Welkom bij Raadsbericht! Klik hieronder.');
    expect(parsed.text).toContain('De link werkt 7 dagen.');
    expect(parsed.text).toContain(link);
    expect(parsed.html).toContain(`href="${link}"`);
    expect(parsed.html).toContain('Aanmelding bevestigen');
    expect(parsed.text).not.toContain('{');
  });

  it('escapes what the editor typed: markup is shown as text, never run', async () => {
    edit(
      'al-aangemeld',
      'Al aangemeld <b>echt</b> & "zeker"',
      'Let op: <script>alert(1)</script> & <a href="https://kwaad.example">klik</a>\n\n{voorkeurenlink}',
    );
    const newsletter = newsletterIdentity(database, fixture.newsletterId)!;
    const link = `${TEST_PUBLIC_URL}/voorkeuren/abc`;
    const mail = await alreadySubscribedMail(newsletter, link);
    const result = await sendMail({ to: 'b@gemeente.example', ...mail }, target);
    const { parsed } = await received(result.messageId);
    expect(parsed.subject).toBe('Al aangemeld <b>echt</b> & "zeker"');
    const html = parsed.html as string;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('href="https://kwaad.example"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(parsed.text).toContain('<script>alert(1)</script>');
    expect(html).toContain(`href="${link}"`);
  });
});

describe('confirming a sign-up', () => {
  it('sends the welcome in the edited words, with the reader’s own preferences and unsubscribe links', async () => {
    edit(
      'welkom',
      'Fijn dat u er bent, {nieuwsbrief}',
      'Welkom!\n\n{themas}\n\nWijzigen: {voorkeurenlink}\n\nStoppen: {afmeldlink}',
    );
    const email = 'welkom.aan@gemeente.example';
    const claims = signUp(email);
    const before = smtp.messages.length;
    expect(
      await confirmWithWelcome(database, claims, { target, publicUrl: TEST_PUBLIC_URL, key }),
    ).toBe('confirmed');
    const mails = smtp.messages.slice(before).filter((m) => m.envelopeTo.includes(email));
    expect(mails).toHaveLength(1);
    const parsed = await simpleParser(mails[0]!.raw);
    expect(parsed.subject).toBe('Fijn dat u er bent, Raadsbericht');
    expect(parsed.from?.value[0]?.address).toBe('raadsbericht@vsg.example');
    expect(parsed.text).toContain(`* ${[...fixture.themeNames.values()][0]}`);
    const links = parsed.text!.match(/https?:\/\/\S+/g)!;
    const tokenOf = (path: string) => {
      const url = links.find((l) => new URL(l).pathname.startsWith(path))!;
      return url.slice(url.lastIndexOf('/') + 1);
    };
    const current = { currentVersion: () => claims.version };
    expect(verifyToken(key, 'preferences', tokenOf('/voorkeuren/'), current)).toMatchObject({
      ok: true,
      claims,
    });
    expect(verifyToken(key, 'unsubscribe', tokenOf('/afmelden/'), current)).toMatchObject({
      ok: true,
      claims,
    });

    // A second click confirms nothing new and sends no second welcome.
    expect(
      await confirmWithWelcome(database, claims, { target, publicUrl: TEST_PUBLIC_URL, key }),
    ).toBe('already');
    expect(smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
  });

  it('sends no welcome when the newsletter has it switched off, and does confirm', async () => {
    database.transaction((tx) =>
      setWelcomeMail(tx, actor, { newsletterId: fixture.newsletterId, on: false }),
    );
    const email = 'welkom.uit@gemeente.example';
    const claims = signUp(email);
    // A marker mail sent after the confirmation: once it is in, a welcome would have been too.
    expect(
      await confirmWithWelcome(database, claims, { target, publicUrl: TEST_PUBLIC_URL, key }),
    ).toBe('confirmed');
    const marker = await sendMail(
      { to: email, subject: 'markering', text: 'x', html: '<p>x</p>' },
      target,
    );
    await received(marker.messageId);
    expect(smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
    expect(
      database
        .select({ on: newsletters.welcomeMail })
        .from(newsletters)
        .where(eq(newsletters.id, fixture.newsletterId))
        .get(),
    ).toEqual({ on: false });
    expect(
      database
        .select({ summary: auditLog.summary })
        .from(auditLog)
        .where(eq(auditLog.action, 'newsletter.welcome-mail'))
        .all(),
    ).toEqual([{ summary: 'Raadsbericht: welkomstmail uit' }]);
  });
});
