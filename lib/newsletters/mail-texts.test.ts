import { describe, expect, it } from 'vitest';
import { bodyParts, fillSubject } from './mail-text-body';
import {
  mailText,
  mailTextDefinitions,
  mailTextFormSchema,
  mailTextKinds,
  mailTextSchema,
} from './mail-texts';

const issuesOf = (result: ReturnType<ReturnType<typeof mailTextSchema>['safeParse']>) =>
  result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));

describe('the texts an admin may save', () => {
  it.each(mailTextKinds)('the default %s text is valid for its own kind', (kind) => {
    expect(mailTextSchema(kind).safeParse(mailTextDefinitions[kind].default).success).toBe(true);
  });

  it('refuses a confirmation without {bevestigingslink}, naming it, on the text', () => {
    const result = mailTextSchema('bevestiging').safeParse({
      subject: 'Bevestig uw aanmelding',
      body: 'Goedendag,\n\nKlik maar ergens.',
    });
    expect(issuesOf(result)).toEqual([
      { path: ['body'], message: expect.stringMatching(/^De tekst moet \{bevestigingslink\}/) },
    ]);
  });

  it('refuses an already-subscribed text without {voorkeurenlink}', () => {
    const result = mailTextSchema('al-aangemeld').safeParse({ subject: 'Al', body: 'U bent al.' });
    expect(issuesOf(result)[0]?.message).toContain('{voorkeurenlink}');
  });

  it('needs nothing in a welcome', () => {
    expect(mailTextSchema('welkom').safeParse({ subject: 'Hallo', body: 'Welkom!' }).success).toBe(
      true,
    );
  });

  it('refuses an unknown placeholder, naming it and the ones that exist', () => {
    const result = mailTextSchema('welkom').safeParse({
      subject: 'Welkom {voornaam}',
      body: 'Hallo {naam}',
    });
    expect(issuesOf(result)).toEqual([
      {
        path: ['subject'],
        message:
          'De plaatshouder {voornaam} bestaat niet in deze mail. U kunt gebruiken: {nieuwsbrief}, {organisatie}, {themas}, {voorkeurenlink}, {afmeldlink}.',
      },
      { path: ['body'], message: expect.stringContaining('{naam} bestaat niet') },
    ]);
  });

  it('refuses a placeholder of another mail: no unsubscribe button in a confirmation', () => {
    const result = mailTextSchema('bevestiging').safeParse({
      subject: 'Bevestig',
      body: '{bevestigingslink}\n\n{afmeldlink}',
    });
    expect(issuesOf(result)[0]?.message).toContain('{afmeldlink} bestaat niet');
  });

  it('keeps links out of the subject, and the subject on one line', () => {
    expect(
      issuesOf(
        mailTextSchema('bevestiging').safeParse({
          subject: 'Klik {bevestigingslink}',
          body: '{bevestigingslink}',
        }),
      )[0]?.message,
    ).toBe(
      'De plaatshouder {bevestigingslink} kan alleen in de tekst staan, niet in het onderwerp.',
    );
    expect(
      issuesOf(
        mailTextSchema('welkom').safeParse({ subject: 'Welkom\r\nBcc: x@y.nl', body: 'Hallo' }),
      )[0]?.message,
    ).toBe('Een onderwerp is één regel, zonder regeleinden of tabs.');
  });

  it('limits the lengths and refuses empty fields, in Dutch', () => {
    const check = (subject: string, body: string) =>
      issuesOf(mailTextSchema('welkom').safeParse({ subject, body })).map((i) => i.message);
    expect(check(' ', ' \n ')).toEqual(['Vul een onderwerp in.', 'Vul een tekst in.']);
    expect(check('x'.repeat(151), 'x'.repeat(5001))).toEqual([
      'Een onderwerp mag hoogstens 150 tekens hebben.',
      'Een tekst mag hoogstens 5000 tekens hebben.',
    ]);
    expect(check('x'.repeat(150), 'x'.repeat(5000))).toEqual([]);
  });

  it('normalises what a browser sends: trimmed, with \\n line ends', () => {
    const parsed = mailTextFormSchema.parse({
      newsletterId: '1',
      kind: 'bevestiging',
      subject: '  Bevestig  ',
      body: '\r\nHallo\r\n\r\n{bevestigingslink}\r\n',
    });
    expect(parsed).toEqual({
      newsletterId: 1,
      kind: 'bevestiging',
      subject: 'Bevestig',
      body: 'Hallo\n\n{bevestigingslink}',
    });
  });
});

describe('the text a newsletter uses', () => {
  it('is its edited text, or the default for a kind it did not edit', () => {
    const edited = { subject: 'Welkom!', body: 'Fijn dat u er bent.' };
    const newsletter = { mailTexts: { welkom: edited } };
    expect(mailText(newsletter, 'welkom')).toEqual(edited);
    expect(mailText(newsletter, 'bevestiging')).toBe(mailTextDefinitions.bevestiging.default);
  });

  it('ignores something in the column that is not a text', () => {
    const newsletter = { mailTexts: { welkom: { subject: 3 } } } as never;
    expect(mailText(newsletter, 'welkom')).toBe(mailTextDefinitions.welkom.default);
  });
});

describe('a text as the parts of a mail', () => {
  const values = {
    newsletter: 'Raadsbericht',
    organisation: 'VSG',
    days: 7,
    themes: ['Bestuur'],
    links: {
      bevestigingslink: 'https://x.nl/b',
      voorkeurenlink: 'https://x.nl/v',
      afmeldlink: 'https://x.nl/a',
    },
  };

  it('fills in names, splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(
      bodyParts(
        'bevestiging',
        'Beste lezer van {nieuwsbrief},\nvan {organisatie}.\n\n\n{bevestigingslink}\n\nGeldig: {dagen} dagen.',
        values,
      ),
    ).toEqual([
      { type: 'paragraph', lines: ['Beste lezer van Raadsbericht,', 'van VSG.'] },
      { type: 'action', href: 'https://x.nl/b', label: 'Aanmelding bevestigen' },
      { type: 'paragraph', lines: ['Geldig: 7 dagen.'] },
    ]);
    expect(fillSubject('Welkom bij {nieuwsbrief} van {organisatie}', values)).toBe(
      'Welkom bij Raadsbericht van VSG',
    );
  });

  it('makes a button of a link in the middle of a paragraph, and a list of {themas}', () => {
    expect(
      bodyParts('welkom', 'Uw keuze: {themas} Liever niet? {afmeldlink} Dat kan.', values),
    ).toEqual([
      { type: 'paragraph', lines: ['Uw keuze:'] },
      { type: 'list', lead: 'U heeft gekozen voor berichten over:', items: ['Bestuur'] },
      { type: 'paragraph', lines: ['Liever niet?'] },
      { type: 'action', href: 'https://x.nl/a', label: 'Afmelden' },
      { type: 'paragraph', lines: ['Dat kan.'] },
    ]);
  });

  it('leaves out {themas} without themes, and shows an unknown placeholder as typed', () => {
    expect(bodyParts('welkom', '{themas}\n\nHallo {voornaam}', { ...values, themes: [] })).toEqual([
      { type: 'paragraph', lines: ['Hallo {voornaam}'] },
    ]);
  });
});
