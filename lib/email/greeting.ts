import type { RichBlock, RichDoc, RichInline } from '@/lib/richtext/doc';

// The personal greeting: editors write {voornaam} in a text block ("Beste {voornaam},") and each
// reader's copy says their first name. No database here: the builder's hint imports this module.

/** What an editor writes where the reader's first name goes. */
export const FIRST_NAME_TOKEN = '{voornaam}';

/** Said when a reader's first name is not known: "Beste lezer,". */
export const FIRST_NAME_FALLBACK = 'lezer';

/** Shown beside the text-block editor. */
export const GREETING_HINT =
  'Schrijf {voornaam} waar de voornaam van de lezer moet komen, bijvoorbeeld “Beste {voornaam},”. Kennen we de voornaam niet, dan staat er “lezer”.';

// Forms of address and titles that can open a full name; none of them is a name to greet with.
const TITLES = new Set([
  'de',
  'dhr',
  'heer',
  'meneer',
  'mevr',
  'mevrouw',
  'mw',
  'mej',
  'mr',
  'drs',
  'dr',
  'ir',
  'ing',
  'prof',
  'ds',
  'fam',
  'familie',
]);

/**
 * The first name in a full name as a reader gave it: its first word. Null when there is none to
 * greet with: no name, an initial ("J.", "J.P.", "J"), a title ("mr.", "dhr", "Mevr."), or a word
 * without letters. "Jansen, Jan" is written surname first: the word after the comma counts.
 */
export function firstNameOf(fullName: string | null | undefined): string | null {
  if (!fullName) return null;
  const comma = fullName.indexOf(',');
  const given = comma >= 0 ? fullName.slice(comma + 1) : fullName;
  const word = given.trim().split(/\s+/)[0] ?? '';
  // An abbreviation ends with a full stop ("mr.", "J.", "Th."), and initials carry one inside.
  if (word === '' || word.includes('.')) return null;
  const bare = word.replace(/[;:!?]+$/, '');
  if ([...bare].length < 2 || !/\p{L}/u.test(bare) || TITLES.has(bare.toLowerCase())) return null;
  return bare;
}

/** The word the greeting says for this reader: their first name, or the neutral fallback. */
export const greetingName = (fullName: string | null | undefined): string =>
  firstNameOf(fullName) ?? FIRST_NAME_FALLBACK;

const fillInline = (content: RichInline[] | undefined, value: string) =>
  content?.map((node) =>
    node.type === 'text' && node.text.includes(FIRST_NAME_TOKEN)
      ? { ...node, text: node.text.replaceAll(FIRST_NAME_TOKEN, value) }
      : node,
  );

function fillBlock(block: RichBlock, value: string): RichBlock {
  if (block.type === 'paragraph' || block.type === 'heading') {
    const content = fillInline(block.content, value);
    return content ? { ...block, content } : block;
  }
  return {
    ...block,
    content: block.content.map((item) => ({
      ...item,
      content: item.content.map((child) => fillBlock(child, value) as typeof child),
    })),
  };
}

/**
 * The document with {voornaam} replaced by `value` in its text: a name (escaped later by
 * whatever renders it, as any text), the fallback, or a send's placeholder that each copy fills
 * (lib/email/render.ts PLACEHOLDERS). The token split by formatting ("{voor**naam**}") is left.
 */
export function fillFirstName(doc: RichDoc, value: string): RichDoc {
  if (!JSON.stringify(doc).includes(FIRST_NAME_TOKEN)) return doc;
  return { ...doc, content: doc.content.map((block) => fillBlock(block, value)) };
}
