// archive-search: p95 of one page of public archive search results (count plus 20 hits with
// snippets) over 3,000 sent items, for single words, word pairs and half-typed words, with and
// without a theme filter.
import { eq } from 'drizzle-orm';
import { generateNKeysBetween } from 'fractional-indexing';
import { issueBlocks, issues, items, newsletters, themes } from '@/db/schema';
import { freezeSentItems } from '@/lib/issue/sent-items';
import { ARCHIVE_PAGE_SIZE, indexSentIssue, searchArchive } from '@/lib/archive/search';
import { prng } from '@/lib/test/send-fixture';
import { median, report, round, seededDatabase } from './support';

const ITEMS = 3_000;
const PER_ISSUE = 20;
const RUNS = 200;
const WARMUP = 20;

const db = seededDatabase();
const database = db.database;
const newsletterId = database.select().from(newsletters).get()!.id;
const themeIds = database
  .select({ id: themes.id })
  .from(themes)
  .where(eq(themes.newsletterId, newsletterId))
  .all()
  .map((t) => t.id);
const random = prng(42);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

// Words a municipal newsletter uses, compounds and diacritics included, so that prefixes and
// accent-free queries meet realistic term distributions.
const subjects = [
  'begroting',
  'jeugdzorg',
  'inburgering',
  'woningbouw',
  'omgevingswet',
  'gemeentefonds',
  'participatiewet',
  'energietransitie',
  'statushouders',
  'schuldhulpverlening',
  'rekenkamer',
  'raadsvoorstel',
  'integriteit',
  'opschalingskorting',
  'armoedebeleid',
  'wijkteam',
  'huisvesting',
  'asielopvang',
  'vergunningverlening',
  'dienstverlening',
  'griffie',
  'verkiezingen',
  'financiën',
  'coöperatie',
  'privacy',
  'bestuurscultuur',
  'mantelzorg',
  'leerlingenvervoer',
  'klimaatadaptatie',
  'openbaarmaking',
] as const;
const verbs = [
  'onder druk',
  'in beweging',
  'krijgt extra geld',
  'wordt geëvalueerd',
  'vraagt om keuzes',
  'op de agenda',
  'in de praktijk',
  'naar de Tweede Kamer',
];
const openings = [
  'Handreiking',
  'Webinar',
  'Podcast',
  'Analyse',
  'Nieuws',
  'Ledenbrief',
  'Regiobijeenkomst',
  'Digitale sessie',
];
const actors = [
  'Het kabinet',
  'De vereniging',
  'Veel gemeenten',
  'De provincie',
  'Een werkgroep van griffiers',
  'Drie wethouders',
];
const actions = [
  'pleit voor',
  'onderzocht',
  'waarschuwt voor',
  'publiceert een overzicht van',
  'vraagt aandacht voor',
  'bespreekt',
];
const closers = [
  'Met vragen die de raad kan stellen.',
  'Lees hoe u dit in uw eigen gemeente aanpakt.',
  'Inclusief kengetallen en voorbeelden uit middelgrote gemeenten.',
  'De gevolgen voor de meerjarenraming zijn nog onzeker.',
  'Aanmelden kan tot een week van tevoren.',
];

database.transaction((tx) => {
  const issueCount = ITEMS / PER_ISSUE;
  const start = Date.now() - issueCount * 14 * 24 * 60 * 60 * 1000;
  for (let n = 0; n < issueCount; n++) {
    const sentAt = new Date(start + n * 14 * 24 * 60 * 60 * 1000);
    const issueId = tx
      .insert(issues)
      .values({
        newsletterId,
        number: 1000 + n,
        subject: `Raadsbericht ${1000 + n}`,
        status: 'sent',
        slug: `${1000 + n}-bench`,
        sentAt,
      })
      .returning({ id: issues.id })
      .get().id;
    const positions = generateNKeysBetween(null, null, PER_ISSUE);
    for (let k = 0; k < PER_ISSUE; k++) {
      const subject = pick(subjects);
      const themeId = pick(themeIds);
      const title = `${pick(openings)}: ${subject} ${pick(verbs)}`;
      const teaser = `${pick(actors)} ${pick(actions)} ${pick(subjects)} en ${pick(subjects)}. ${subject[0]!.toUpperCase()}${subject.slice(1)} ${pick(verbs)}. ${pick(closers)}`;
      const itemId = tx
        .insert(items)
        .values({ newsletterId, themeId, kind: 'news', title, teaser })
        .returning({ id: items.id })
        .get().id;
      tx.insert(issueBlocks)
        .values(
          k === 0
            ? { issueId, kind: 'lead', itemId, position: positions[k]! }
            : { issueId, kind: 'item', themeId, itemId, position: positions[k]! },
        )
        .run();
    }
    freezeSentItems(tx, issueId);
    indexSentIssue(tx, issueId);
  }
});
database.$client.pragma('optimize');

const words = subjects.map((s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
const queries = Array.from({ length: RUNS + WARMUP }, (_, i) => {
  const shape = i % 4;
  const q =
    shape === 0
      ? pick(subjects)
      : shape === 1
        ? `${pick(words)} ${pick(subjects)}`
        : shape === 2
          ? pick(words).slice(0, 4 + (i % 3))
          : `${pick(openings)} ${pick(words).slice(0, 5)}`;
  return { q, themeId: i % 3 === 0 ? pick(themeIds) : undefined };
});

const times: number[] = [];
let hits = 0;
for (const [i, query] of queries.entries()) {
  const t0 = performance.now();
  const result = searchArchive(database, { ...query, limit: ARCHIVE_PAGE_SIZE, offset: 0 });
  const elapsed = performance.now() - t0;
  if (i >= WARMUP) {
    times.push(elapsed);
    hits += result.total;
  }
}
if (hits === 0) throw new Error('geen enkele zoekvraag vond iets');
const sorted = [...times].sort((a, b) => a - b);
const p95 = round(sorted[Math.floor(sorted.length * 0.95)]!);
db.dispose();
report({
  name: 'archive-search',
  value: p95,
  unit: 'ms',
  runs: RUNS,
  items: ITEMS,
  p50: round(median(times)),
  meanHits: Math.round(hits / RUNS),
  goal: 10,
});
