import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { HtmlValidate } from 'html-validate';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { issues } from '@/db/schema';
import { seed } from '@/scripts/seed';
import { renderIssueEmail } from '@/lib/email/render';
import { emailSource } from '@/lib/email/source';
import { addDemoImages } from '@/lib/demo/images';
import { testDb } from '@/lib/test/db';
import { tempDir } from '@/lib/test/temp-dir';
import { renderMail } from '@/lib/email/system-mail';
import AddressChangeEmail from './address-change';
import AlreadySubscribedEmail from './already-subscribed';
import PreferencesLinkEmail from './preferences-link';
import ReviewNoticeEmail from './review-notice';
import SendPausedEmail from './send-paused';
import SignInEmail from './sign-in';
import SubscriptionConfirmEmail from './subscription-confirm';
import { contrastWithWhite, inkOf } from './system-layout';
import { theme } from './theme';
import WelcomeEmail from './welcome';

// The e-mail profile: HTML rules for mail, where inline styles, presentational attributes and
// conditional comments for Outlook are the norm rather than mistakes.
const profile = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'htmlvalidate.json'), 'utf8'),
);

describe('the rendered demo issue', () => {
  it('passes html-validate with the e-mail profile, with its logo, images and rich text', async () => {
    const database = testDb();
    seed(database);
    await addDemoImages(database, tempDir('kopij-validate'));
    const draft = database.select().from(issues).where(eq(issues.status, 'concept')).get()!;
    // With the open pixel a real send with opens on ends with (lib/clicks/opens.ts).
    const openPixel = 'https://nieuwsbrief.example.nl/o/4.AAAAAAAAAAAA.gif';
    const { html } = await renderIssueEmail({
      ...emailSource(database, draft.id, 'https://nieuwsbrief.example.nl')!,
      openPixel,
    });
    // The fixture holds what this test is about: images and rich text (a link, a list).
    expect(html.match(/<img\b/g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain(`src="${openPixel}"`);
    expect(html).toMatch(/<ul\b/);
    expect(html).toMatch(/<a\b[^>]*href="https:\/\/www\.vsg\.example\/congres\/alv-stukken"/);
    const report = await new HtmlValidate(profile).validateString(html);
    const problems = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector})`),
    );
    expect(problems).toEqual([]);
  });
});

describe('the system mails', () => {
  // Each mail with its props and the address of its one action.
  const mails: [string, ReactElement, string][] = [
    ['sign-in', SignInEmail(SignInEmail.PreviewProps), SignInEmail.PreviewProps.link],
    [
      'subscription-confirm',
      SubscriptionConfirmEmail(SubscriptionConfirmEmail.PreviewProps),
      SubscriptionConfirmEmail.PreviewProps.link,
    ],
    [
      'already-subscribed',
      AlreadySubscribedEmail(AlreadySubscribedEmail.PreviewProps),
      AlreadySubscribedEmail.PreviewProps.link,
    ],
    [
      'preferences-link',
      PreferencesLinkEmail(PreferencesLinkEmail.PreviewProps),
      PreferencesLinkEmail.PreviewProps.link,
    ],
    [
      'address-change',
      AddressChangeEmail(AddressChangeEmail.PreviewProps),
      AddressChangeEmail.PreviewProps.link,
    ],
    ['welcome', WelcomeEmail(WelcomeEmail.PreviewProps), WelcomeEmail.PreviewProps.preferencesLink],
    [
      'review-notice (sent back, with a note)',
      ReviewNoticeEmail(ReviewNoticeEmail.PreviewProps),
      ReviewNoticeEmail.PreviewProps.link,
    ],
    [
      'review-notice (review asked, no note)',
      ReviewNoticeEmail({
        ...ReviewNoticeEmail.PreviewProps,
        kind: 'requestReview',
        note: undefined,
      }),
      ReviewNoticeEmail.PreviewProps.link,
    ],
    [
      'send-paused',
      SendPausedEmail(SendPausedEmail.PreviewProps),
      SendPausedEmail.PreviewProps.link,
    ],
  ];

  it.each(mails)(
    '%s passes html-validate, is Dutch, has one h1 and its link once in the text part',
    async (_, element, href) => {
      const { html, text } = await renderMail('Onderwerp', element);
      const report = await new HtmlValidate(profile).validateString(html);
      const problems = report.results.flatMap((r) =>
        r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector})`),
      );
      expect(problems).toEqual([]);
      expect(html).toMatch(/<html[^>]* lang="nl"/);
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(html.match(/<title>/g)).toHaveLength(1);
      // Whole, on its own, so a reader (and firstLink in e2e/support/mailbox.ts) can follow it.
      expect(text.split(href).length - 1).toBe(1);
      expect(text.split(/\s+/)).toContain(href);
    },
  );

  it('uses the brand colour only where it is readable; a light one gives way to dark ink', () => {
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1);
    expect(contrastWithWhite('#000000')).toBeCloseTo(21);
    expect(inkOf('#0b3a6e')).toBe('#0b3a6e');
    expect(inkOf('#ffd700')).toBe(theme.text);
    expect(contrastWithWhite(theme.text)).toBeGreaterThanOrEqual(4.5);
  });
});
