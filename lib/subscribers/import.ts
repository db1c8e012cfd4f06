import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import {
  audiences,
  subscribers,
  subscriptions,
  themes,
  type Audience,
  type SubscriptionStatus,
} from '@/db/schema';
import { z } from '@/lib/validation';
import { subscriberEmail } from './address';
import { parseCsv } from './csv';
import { audienceLabels, subscriberName } from './fields';
import { suppressionMatcher } from './suppression';

// CSV import of subscribers: read the file, plan against the database (pure), then commit the
// plan in one transaction. Planning is pure so the preview, the commit and the bench share it.

/** Enough for the largest lists our users keep; the proxy buffers at most 10 MB of upload. */
export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type ImportRow = {
  line: number;
  email: string;
  name: string;
  municipality: string;
  audience: string;
  themes: string;
};

type Column = 'email' | 'name' | 'municipality' | 'audience' | 'themes';

const headerAliases: Record<string, Column> = {
  email: 'email',
  'e-mail': 'email',
  emailadres: 'email',
  'e-mailadres': 'email',
  naam: 'name',
  name: 'name',
  gemeente: 'municipality',
  municipality: 'municipality',
  functie: 'audience',
  audience: 'audience',
  doelgroep: 'audience',
  themas: 'themes',
  thema: 'themes',
  themes: 'themes',
};

const headerKey = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f'’]/g, '')
    .trim()
    .toLowerCase();

/** Why a file cannot be imported; the code travels in a redirect, the page shows the message. */
export const importErrors = {
  'geen-bestand': 'Kies een CSV-bestand om te uploaden.',
  'te-groot': `Het bestand is te groot; hoogstens ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
  'geen-utf8': 'Het bestand is geen UTF-8-tekst. Sla het in uw spreadsheet op als "CSV UTF-8".',
  leeg: 'Het bestand is leeg.',
  'geen-email-kolom':
    'De eerste regel moet de kolomnamen bevatten, met in elk geval een kolom "email".',
  'te-veel-regels': `Een bestand mag hoogstens ${MAX_IMPORT_ROWS.toLocaleString('nl-NL')} regels hebben.`,
  nieuwsbrief: 'Kies een nieuwsbrief uit de lijst.',
  verlopen: 'Dit voorbeeld is verlopen of niet van u. Upload het bestand opnieuw.',
} as const;
export type ImportError = keyof typeof importErrors;

/** The rows of an uploaded file, or why the file cannot be read. */
export function readImportFile(
  text: string,
): { ok: true; rows: ImportRow[] } | { ok: false; error: ImportError; message: string } {
  const fail = (error: ImportError) => ({
    ok: false as const,
    error,
    message: importErrors[error],
  });
  const table = parseCsv(text);
  if (table.length === 0) return fail('leeg');
  const header = table[0]!.map((h) => headerAliases[headerKey(h)]);
  const index = (column: Column) => header.indexOf(column);
  const emailAt = index('email');
  if (emailAt === -1) return fail('geen-email-kolom');
  if (table.length - 1 > MAX_IMPORT_ROWS) return fail('te-veel-regels');
  const at = {
    name: index('name'),
    municipality: index('municipality'),
    audience: index('audience'),
    themes: index('themes'),
  };
  const cell = (row: string[], i: number) => (i === -1 ? '' : (row[i] ?? ''));
  const rows = table.slice(1).map((row, i) => ({
    // Line 1 is the header; editors look rows up by the number their spreadsheet shows.
    line: i + 2,
    email: cell(row, emailAt),
    name: cell(row, at.name),
    municipality: cell(row, at.municipality),
    audience: cell(row, at.audience),
    themes: cell(row, at.themes),
  }));
  return { ok: true, rows };
}

export type ExistingSubscriber = {
  id: number;
  subscriptionId: number | null;
  subscriptionStatus: SubscriptionStatus | null;
};
export type ImportContext = {
  themes: { id: number; slug: string; name: string }[];
  existing: Map<string, ExistingSubscriber>;
  /** Whether an address is on the suppression list (see suppressionMatcher). */
  suppressed: (email: string) => boolean;
};

/** null means "not given": an update keeps what is stored, a new subscriber gets the default. */
export type PlannedRow = {
  line: number;
  email: string;
  name: string | null;
  municipality: string | null;
  audience: Audience | null;
  themeIds: number[] | null;
};
export type PlannedUpdate = PlannedRow & { existing: ExistingSubscriber };

export type ImportPlan = {
  total: number;
  create: PlannedRow[];
  update: PlannedUpdate[];
  invalid: { line: number; email: string; reason: string }[];
  duplicate: { line: number; email: string; firstLine: number }[];
  unsubscribed: { line: number; email: string }[];
  suppressed: { line: number; email: string }[];
};

const municipality = z
  .string()
  .trim()
  .max(100, 'Een gemeente mag hoogstens 100 tekens hebben.')
  .refine((v) => !/[<>]/.test(v), 'Een gemeente mag geen < of > bevatten.');

const audienceByWord = new Map<string, Audience>(
  audiences.flatMap((a) => [[a, a] as const, [audienceLabels[a].toLowerCase(), a] as const]),
);

function themeLookup(themes: ImportContext['themes']) {
  const map = new Map<string, number>();
  for (const t of themes) {
    map.set(t.slug.toLowerCase(), t.id);
    map.set(headerKey(t.name), t.id);
  }
  return map;
}

/** One row's fields checked (after its address): what to store, or why the row is refused. */
function checkFields(
  row: ImportRow,
  email: string,
  themesByWord: Map<string, number>,
): PlannedRow | { reason: string } {
  const name = subscriberName.safeParse(row.name);
  if (!name.success) return { reason: name.error.issues[0]!.message };
  const place = municipality.safeParse(row.municipality);
  if (!place.success) return { reason: place.error.issues[0]!.message };
  const audienceWord = row.audience.trim().toLowerCase();
  const audience = audienceWord ? audienceByWord.get(audienceWord) : null;
  if (audience === undefined)
    return {
      reason: `Onbekende functie "${row.audience.trim().slice(0, 40)}"; kies raadslid, griffier, raadsadviseur, commissielid of anders.`,
    };
  const words = row.themes
    .split(/[|,;]/)
    .map((w) => w.trim())
    .filter(Boolean);
  const unknown = words.find(
    (w) => !themesByWord.has(headerKey(w)) && !themesByWord.has(w.toLowerCase()),
  );
  if (unknown !== undefined) return { reason: `Onbekend thema "${unknown.slice(0, 40)}".` };
  const themeIds = words.length
    ? [
        ...new Set(
          words.map((w) => themesByWord.get(w.toLowerCase()) ?? themesByWord.get(headerKey(w))!),
        ),
      ]
    : null;
  return {
    line: row.line,
    email,
    name: name.data || null,
    municipality: place.data || null,
    audience,
    themeIds,
  };
}

/** Decides per row what the import would do; reads nothing, writes nothing. */
export function planImport(rows: ImportRow[], context: ImportContext): ImportPlan {
  const plan: ImportPlan = {
    total: rows.length,
    create: [],
    update: [],
    invalid: [],
    duplicate: [],
    unsubscribed: [],
    suppressed: [],
  };
  const themesByWord = themeLookup(context.themes);
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const shown = row.email.trim().slice(0, 254);
    const email = subscriberEmail.safeParse(row.email);
    if (!email.success) {
      plan.invalid.push({ line: row.line, email: shown, reason: email.error.issues[0]!.message });
      continue;
    }
    const address = email.data;
    const seen = firstLine.get(address);
    if (seen !== undefined) {
      plan.duplicate.push({ line: row.line, email: address, firstLine: seen });
      continue;
    }
    firstLine.set(address, row.line);
    // Never mailed again, so not imported either: not as new, nor as an update that could
    // make a pending sign-up active.
    if (context.suppressed(address)) {
      plan.suppressed.push({ line: row.line, email: address });
      continue;
    }
    const planned = checkFields(row, address, themesByWord);
    if ('reason' in planned) {
      plan.invalid.push({ line: row.line, email: address, reason: planned.reason });
      continue;
    }
    const existing = context.existing.get(address);
    if (!existing) plan.create.push(planned);
    // Whoever left stays gone: an import is no consent to resubscribe them.
    else if (existing.subscriptionStatus === 'unsubscribed')
      plan.unsubscribed.push({ line: row.line, email: address });
    else plan.update.push({ ...planned, existing });
  }
  return plan;
}

/**
 * The database side of planning: this newsletter's active themes (an archived one is gone from
 * sign-up, so an import cannot add followers to it either) and every known address.
 */
export function loadImportContext(database: Tx, newsletterId: number): ImportContext {
  const themeRows = database
    .select({ id: themes.id, slug: themes.slug, name: themes.name })
    .from(themes)
    // An archived theme takes no new followers, also not through an import.
    .where(and(eq(themes.newsletterId, newsletterId), isNull(themes.archivedAt)))
    .orderBy(asc(themes.position))
    .all();
  // Rows as arrays (values()), not objects: for 50,000 known addresses that halves the time.
  const known = database
    .select({
      id: subscribers.id,
      email: subscribers.email,
      subscriptionId: subscriptions.id,
      subscriptionStatus: subscriptions.status,
    })
    .from(subscribers)
    .leftJoin(
      subscriptions,
      and(
        eq(subscriptions.subscriberId, subscribers.id),
        eq(subscriptions.newsletterId, newsletterId),
      ),
    )
    .where(isNotNull(subscribers.email))
    .values() as [number, string, number | null, SubscriptionStatus | null][];
  const existing = new Map<string, ExistingSubscriber>();
  for (const [id, email, subscriptionId, subscriptionStatus] of known)
    existing.set(email, { id, subscriptionId, subscriptionStatus });
  return { themes: themeRows, existing, suppressed: suppressionMatcher(database) };
}

export type ImportCounts = {
  created: number;
  updated: number;
  invalid: number;
  duplicate: number;
  unsubscribed: number;
  suppressed: number;
};

export { commitImport } from './import-commit';
