// The demo newsletter's images: a logo and two illustrations, drawn here as SVG and stored
// through the media library's own intake (converted, described, placed), so `npm start` shows
// a newsletter with pictures without shipping photos. Shapes only: a machine without fonts
// would draw text as nothing.
import { eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '@/db';
import { items, newsletters, sentItems } from '@/db/schema';
import { describeImage } from '@/lib/media/library';
import { storeUpload } from '@/lib/media/store';

const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 96 96">
  <rect x="4" y="4" width="88" height="88" rx="18" fill="#ffffff"/>
  <circle cx="36" cy="40" r="20" fill="#0b3a6e"/>
  <circle cx="60" cy="40" r="20" fill="#2f7fc1" fill-opacity="0.85"/>
  <circle cx="48" cy="60" r="20" fill="#f2a900" fill-opacity="0.85"/>
</svg>`;

function hall(): string {
  const seats = Array.from({ length: 5 }, (_, row) =>
    Array.from({ length: 14 }, (_, seat) => {
      const x = 120 + seat * 100 + (row % 2) * 50;
      const y = 560 + row * 70;
      return `<rect x="${x}" y="${y}" width="64" height="48" rx="10" fill="#1d4f91" fill-opacity="${0.55 + row * 0.08}"/>`;
    }).join(''),
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#dbe7f5"/><stop offset="1" stop-color="#f7f3ea"/></linearGradient></defs>
  <rect width="1600" height="900" fill="url(#g)"/>
  <rect x="500" y="180" width="600" height="240" rx="12" fill="#0b3a6e"/>
  <rect x="540" y="220" width="520" height="160" rx="8" fill="#f2a900" fill-opacity="0.9"/>
  <rect x="420" y="440" width="760" height="60" rx="10" fill="#7a5230"/>${seats}
</svg>`;
}

function street(): string {
  const houses = Array.from({ length: 7 }, (_, i) => {
    const x = 80 + i * 150;
    const colour = ['#b5523b', '#c9835b', '#8f4a3a'][i % 3];
    return `<rect x="${x}" y="470" width="140" height="300" fill="${colour}"/>
      <polygon points="${x},470 ${x + 70},380 ${x + 140},470" fill="#5b3a2e"/>
      <rect x="${x + 30}" y="530" width="34" height="44" fill="#e8f1f8"/>
      <rect x="${x + 80}" y="640" width="34" height="130" fill="#3d2b22"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
  <rect width="1600" height="900" fill="#cfe3f3"/>
  <rect x="1180" y="200" width="320" height="570" fill="#9aa9b5"/>
  ${Array.from({ length: 8 }, (_, r) => `<rect x="1210" y="${230 + r * 66}" width="260" height="36" fill="#e8f1f8"/>`).join('')}
  ${houses}
  <rect y="770" width="1600" height="130" fill="#7f8c6b"/>
</svg>`;
}

const pictures = [
  { key: 'logo', name: 'vsg-logo.png', svg: logo, alt: 'Vereniging Samenwerkende Gemeenten' },
  {
    key: 'zaal',
    name: 'vergaderzaal.jpg',
    svg: hall(),
    alt: 'Illustratie van een vergaderzaal met rijen stoelen voor een podium',
  },
  {
    key: 'straat',
    name: 'woonstraat.jpg',
    svg: street(),
    alt: 'Illustratie van een straat met rijtjeshuizen en een flat',
  },
] as const;

/** Which demo items show which picture, and how a themed item places it. */
const placements = [
  { itemKey: 'zaal', title: 'Algemene ledenvergadering', placement: 'above' },
  { itemKey: 'straat', title: 'Provincies leggen nieuwe verdeling', placement: 'beside' },
  { itemKey: 'straat', title: 'Handreiking: huisvesting van statushouders', placement: 'above' },
] as const;

/**
 * Adds the pictures to the demo newsletter (the only one, right after seeding). Its sent issue
 * gets the picture in its sent copy too, as if it had been placed before the send.
 */
export async function addDemoImages(database: Db, dataDir: string): Promise<void> {
  const newsletter = database.select().from(newsletters).get();
  if (!newsletter) return;
  const ids = new Map<string, number>();
  for (const picture of pictures) {
    const png = picture.name.endsWith('.png');
    const image = sharp(Buffer.from(picture.svg));
    const data = await (png ? image.png() : image.jpeg({ quality: 82 })).toBuffer();
    const { id } = await storeUpload(database, dataDir, {
      newsletterId: newsletter.id,
      name: picture.name,
      data,
      editorId: null,
    });
    ids.set(picture.key, id);
  }
  database.transaction((tx) => {
    for (const picture of pictures)
      describeImage(tx, ids.get(picture.key)!, { alt: picture.alt, decorative: false });
    tx.update(newsletters)
      .set({ logoMediaId: ids.get('logo')! })
      .where(eq(newsletters.id, newsletter.id))
      .run();
    const all = tx
      .select({ id: items.id, title: items.title })
      .from(items)
      .where(eq(items.newsletterId, newsletter.id))
      .all();
    for (const { itemKey, title, placement } of placements) {
      const found = all.filter((i) => i.title.startsWith(title)).map((i) => i.id);
      const set = { imageMediaId: ids.get(itemKey)!, imagePlacement: placement };
      tx.update(items).set(set).where(inArray(items.id, found)).run();
      tx.update(sentItems).set(set).where(inArray(sentItems.itemId, found)).run();
    }
  });
}
