// subscribers-import: rows per second for reading, planning and committing a 50,000-row CSV into
// a fresh database (what one upload plus its commit costs the server), and subscribers-list:
// one filtered page of the editors' list (page rows and total count) over those subscribers.
import { eq } from 'drizzle-orm';
import { newsletters, themes } from '@/db/schema';
import { countSubscribers, listSubscribers } from '@/lib/subscribers/admin-list';
import {
  commitImport,
  loadImportContext,
  planImport,
  readImportFile,
} from '@/lib/subscribers/import';
import { median, report, round, seededDatabase } from './support';

const ROWS = 50_000;
const db = seededDatabase();
const database = db.database;
const newsletterId = database.select().from(newsletters).get()!.id;
const themeRows = database.select().from(themes).where(eq(themes.newsletterId, newsletterId)).all();

// Deterministic, varied rows: names repeat the way real surnames do, themes are subsets.
const firstNames = [
  'Anna',
  'Bas',
  'Carla',
  'Dirk',
  'Eva',
  'Frank',
  'Gerda',
  'Hugo',
  'Iris',
  'Joost',
  'Kees',
  'Lieke',
  'Mark',
  'Noor',
  'Otto',
  'Petra',
];
const surnames = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
];
const functions = ['raadslid', 'Griffier', 'raadsadviseur', 'commissielid', 'anders'];
const lines = ['email;naam;gemeente;functie;themas'];
for (let i = 0; i < ROWS; i++) {
  const first = firstNames[i % firstNames.length]!;
  const last = surnames[(i * 7) % surnames.length]!;
  const picked = themeRows.filter((_, t) => (i >> t) & 1).map((t) => (i % 2 ? t.slug : t.name));
  lines.push(
    `${first.toLowerCase()}.${last.replace(/ /g, '').toLowerCase()}${i}@gemeente-${i % 342}.example;${first} ${last};Gemeente ${i % 342};${functions[i % functions.length]};${picked.join('|')}`,
  );
}
const csv = lines.join('\r\n');

const started = performance.now();
const read = readImportFile(csv);
if (!read.ok) throw new Error(read.message);
const plan = planImport(read.rows, loadImportContext(database, newsletterId));
const counts = commitImport(database, plan, {
  newsletterId,
  editorId: null,
  fileName: 'bench.csv',
});
const seconds = (performance.now() - started) / 1000;
if (counts.created !== ROWS)
  throw new Error(`verwacht ${ROWS} nieuw, kreeg ${JSON.stringify(counts)}`);
report({
  name: 'subscribers-import',
  value: Math.round(ROWS / seconds),
  unit: 'rows/s',
  rows: ROWS,
  seconds: round(seconds),
  goal: 20_000,
});

// The page's query: audience, theme, subscription status and a search term, page rows plus count.
database.$client.pragma('optimize');
const filter = {
  q: 'bakker',
  audience: 'griffier' as const,
  themeId: themeRows[1]!.id,
  subscription: 'active' as const,
  newsletterId,
};
const runs = 200;
const times: number[] = [];
let shown = 0;
let total = 0;
for (let i = 0; i < runs + 20; i++) {
  const t0 = performance.now();
  const page = listSubscribers(database, filter);
  total = countSubscribers(database, filter);
  const elapsed = performance.now() - t0;
  shown = page.rows.length;
  if (i >= 20) times.push(elapsed);
}
const p95 = round([...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!);
db.dispose();
report({
  name: 'subscribers-list',
  value: round(median(times)),
  unit: 'ms',
  runs,
  subscribers: ROWS,
  rows: shown,
  matching: total,
  p95,
  goal: 20,
});
