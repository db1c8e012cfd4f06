import { z } from '@/lib/validation';

// The system mails a reader gets from a newsletter, as texts an admin may edit per newsletter
// (newsletters.mailTexts). Pure: the mail builders, the admin screen and the demo share it.

export const mailTextKinds = ['bevestiging', 'welkom', 'al-aangemeld'] as const;
export type MailTextKind = (typeof mailTextKinds)[number];

export type MailText = { subject: string; body: string };

/** What a placeholder becomes: a word in the text, a button, or the list of chosen themes. */
type PlaceholderKind = 'text' | 'link' | 'list';

export const placeholders = {
  nieuwsbrief: { kind: 'text', meaning: 'de naam van de nieuwsbrief' },
  organisatie: { kind: 'text', meaning: 'de naam van uw organisatie' },
  bevestigingslink: {
    kind: 'link',
    meaning: 'de knop waarmee de lezer de aanmelding bevestigt (met het adres uitgeschreven)',
  },
  dagen: { kind: 'text', meaning: 'hoeveel dagen de bevestigingslink geldig is' },
  voorkeurenlink: {
    kind: 'link',
    meaning: 'de knop naar de persoonlijke voorkeuren van de lezer',
  },
  afmeldlink: { kind: 'link', meaning: 'de knop waarmee de lezer zich afmeldt' },
  themas: {
    kind: 'list',
    meaning: 'de thema’s die de lezer koos, als lijst (weggelaten als er geen zijn)',
  },
} as const satisfies Record<string, { kind: PlaceholderKind; meaning: string }>;
export type Placeholder = keyof typeof placeholders;

const everywhere: Placeholder[] = ['nieuwsbrief', 'organisatie'];

export type MailTextDefinition = {
  /** The name of the mail on the admin screen. */
  label: string;
  /** When the mail goes out, for the admin screen. */
  when: string;
  allowed: Placeholder[];
  required: Placeholder[];
  /** The label of each link placeholder's button. */
  buttons: Partial<Record<Placeholder, string>>;
  default: MailText;
};

const notAsked =
  'Heeft u dit niet zelf gevraagd? Dan kunt u dit bericht negeren; er gebeurt niets.';

// The defaults are the wording these mails had before they became editable.
export const mailTextDefinitions: Record<MailTextKind, MailTextDefinition> = {
  bevestiging: {
    label: 'Bevestigingsmail',
    when: 'Na het aanmelden: de lezer bevestigt hiermee het adres (dubbele opt-in).',
    allowed: [...everywhere, 'bevestigingslink', 'dagen'],
    required: ['bevestigingslink'],
    buttons: { bevestigingslink: 'Aanmelding bevestigen' },
    default: {
      subject: 'Bevestig uw aanmelding voor {nieuwsbrief}',
      body: [
        'Goedendag,',
        'U heeft zich aangemeld voor de nieuwsbrief {nieuwsbrief}. Bevestig uw aanmelding om de nieuwsbrief te gaan ontvangen.',
        '{bevestigingslink}',
        'De link is {dagen} dagen geldig.',
        notAsked,
      ].join('\n\n'),
    },
  },
  welkom: {
    label: 'Welkomstmail',
    when: 'Direct nadat de lezer de aanmelding heeft bevestigd.',
    allowed: [...everywhere, 'themas', 'voorkeurenlink', 'afmeldlink'],
    required: [],
    buttons: { voorkeurenlink: 'Mijn voorkeuren', afmeldlink: 'Afmelden' },
    default: {
      subject: 'Welkom bij {nieuwsbrief}',
      body: [
        'Goedendag,',
        'Uw aanmelding is bevestigd. U ontvangt {nieuwsbrief} voortaan op dit adres.',
        '{themas}',
        'Andere thema’s kiezen of de nieuwsbrief een tijd niet ontvangen? Dat regelt u zelf via uw voorkeuren. Afmelden kan ook met de link onder elke nieuwsbrief.',
        '{voorkeurenlink}',
      ].join('\n\n'),
    },
  },
  'al-aangemeld': {
    label: 'Al aangemeld',
    when: 'Als iemand een adres aanmeldt dat de nieuwsbrief al ontvangt. Er verandert niets.',
    allowed: [...everywhere, 'voorkeurenlink'],
    required: ['voorkeurenlink'],
    buttons: { voorkeurenlink: 'Mijn voorkeuren bekijken' },
    default: {
      subject: 'U bent al aangemeld voor {nieuwsbrief}',
      body: [
        'Goedendag,',
        'Iemand heeft dit adres aangemeld voor {nieuwsbrief}, maar u ontvangt deze nieuwsbrief al. Er is niets veranderd.',
        '{voorkeurenlink}',
        notAsked,
      ].join('\n\n'),
    },
  },
};

/** The newsletter's edited text for this mail, or the default when it has none. */
export function mailText(
  newsletter: { mailTexts: Record<string, MailText | undefined> | null | undefined },
  kind: MailTextKind,
): MailText {
  const edited = newsletter.mailTexts?.[kind];
  // Only what the screen saved counts; anything else in the column (a hand edit) is ignored.
  return typeof edited?.subject === 'string' && typeof edited.body === 'string'
    ? { subject: edited.subject, body: edited.body }
    : mailTextDefinitions[kind].default;
}

export const isDefaultText = (kind: MailTextKind, text: MailText) =>
  text.subject === mailTextDefinitions[kind].default.subject &&
  text.body === mailTextDefinitions[kind].default.body;

// `{word}`: a placeholder, known or not. A lone brace stays text.
export const placeholderPattern = /\{([^{}\s]{1,40})\}/g;
const namesIn = (value: string) => [...value.matchAll(placeholderPattern)].map((m) => m[1]!);
const listed = (names: readonly string[]) => names.map((n) => `{${n}}`).join(', ');

/** Dutch problems with a text for this kind of mail, per field; empty when it may be saved. */
function placeholderProblems(kind: MailTextKind, text: MailText) {
  const { allowed, required } = mailTextDefinitions[kind];
  const problems: { field: 'subject' | 'body'; message: string }[] = [];
  for (const field of ['subject', 'body'] as const) {
    const unknown = namesIn(text[field]).find((n) => !(allowed as string[]).includes(n));
    if (unknown)
      problems.push({
        field,
        message: `De plaatshouder {${unknown}} bestaat niet in deze mail. U kunt gebruiken: ${listed(allowed)}.`,
      });
  }
  const linkInSubject = namesIn(text.subject).find(
    (n) => (allowed as string[]).includes(n) && placeholders[n as Placeholder].kind !== 'text',
  );
  if (linkInSubject)
    problems.push({
      field: 'subject',
      message: `De plaatshouder {${linkInSubject}} kan alleen in de tekst staan, niet in het onderwerp.`,
    });
  const missing = required.find((n) => !namesIn(text.body).includes(n));
  if (missing)
    problems.push({
      field: 'body',
      message: `De tekst moet {${missing}} bevatten: zonder ${placeholders[missing].meaning} werkt deze mail niet.`,
    });
  return problems;
}

const subject = z
  .string({ error: 'Vul een onderwerp in.' })
  .trim()
  .min(1, 'Vul een onderwerp in.')
  .max(150, 'Een onderwerp mag hoogstens 150 tekens hebben.')
  // A line break would end the Subject header.
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'Een onderwerp is één regel, zonder regeleinden of tabs.');

const body = z
  .string({ error: 'Vul een tekst in.' })
  .transform((value) => value.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z.string().min(1, 'Vul een tekst in.').max(5000, 'Een tekst mag hoogstens 5000 tekens hebben.'),
  );

/** An edited text for one kind of mail: lengths, then the placeholders it needs and knows. */
export function mailTextSchema(kind: MailTextKind) {
  return z.object({ subject, body }).superRefine((text, ctx) => {
    for (const problem of placeholderProblems(kind, text))
      ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
}

/** The form on the admin screen: which newsletter, which mail, and the text. */
export const mailTextFormSchema = z
  .object({
    newsletterId: z.coerce
      .number({ error: 'Onbekende nieuwsbrief.' })
      .int('Onbekende nieuwsbrief.')
      .positive('Onbekende nieuwsbrief.'),
    kind: z.enum(mailTextKinds, { error: 'Onbekende mail.' }),
    subject,
    body,
  })
  .superRefine((input, ctx) => {
    for (const problem of placeholderProblems(input.kind, input))
      ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
