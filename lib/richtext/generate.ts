// Test support: seeded documents and plain texts for the property tests. Seeded, so a failure
// names a seed and document number that reproduce it; written out here rather than with a
// property-testing library, since what makes these inputs hard is known in advance.
import type {
  RichBlock,
  RichDoc,
  RichInline,
  RichList,
  RichListItem,
  RichMark,
  RichParagraph,
} from './doc';
import { prng } from '@/lib/test/prng';

class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
}

const WORDS = [
  'de',
  'het',
  'een',
  'raad',
  'gemeente',
  'vergadering',
  'begroting',
  'wethouder',
  'inwoners',
  'café',
  'ideeën',
  'België',
  'coöperatie',
  'naïef',
  'één',
  'reünie',
  'financiën',
  'privé',
  'Zoë',
  'geëvalueerd',
  'zeeën',
  'ruïne',
  '’s-Hertogenbosch',
  'Ruggespraak',
  'e-mail',
];
// Text that looks like markup, entities or a link target must arrive as the very same text.
const AWKWARD = [
  '<script>alert(1)</script>',
  '<b>vet</b>',
  'a<b',
  'x>y',
  'AT&T',
  '&amp;',
  '&#106;avascript:',
  '"citaat"',
  "'s avonds",
  '“aanhalingstekens”',
  '<',
  '&',
  '>',
  '(haakjes)',
  '50%',
  '€ 12,50',
  'javascript:alert(1)',
  '&lt;p&gt;',
];
const PUNCTUATION = ['', '', '', '', ',', '.', '!', '?', ';', ':', '…', ')'];
const LETTERS = 'abcdeéëfghiïjklmnoöpqrstuüvwxyz';
const HREFS = [
  'https://www.example.nl/',
  'https://voorbeeld.nl/zoek?q=caf%C3%A9&sort=desc&p=2',
  'http://example.org/pad/naar?x=1&y=2#deel',
  'https://voorbeeld.nl/?naam="Zoë"&a=<b>',
  'mailto:redactie@example.nl',
  'mailto:griffie@gemeente.nl?subject=Vraag%20over&body=Hoi%20daar',
];

function word(dice: Dice): string {
  const roll = dice.int(0, 19);
  if (roll === 0) {
    // Longer than any line, and without a place to break it.
    const length = dice.int(60, 300);
    return Array.from({ length }, () => dice.pick([...LETTERS])).join('');
  }
  const base = roll < 4 ? dice.pick(AWKWARD) : dice.pick(WORDS);
  return base + dice.pick(PUNCTUATION);
}

function href(dice: Dice): string {
  return dice.chance(0.3)
    ? `https://example.nl/artikel/${dice.int(1, 999)}?ref=nieuwsbrief&utm_source=mail`
    : dice.pick(HREFS);
}

/** A run of text whose bold, italic and link start and stop independently, so they overlap. */
function inlines(dice: Dice): RichInline[] {
  const content: RichInline[] = [];
  let bold = dice.chance(0.2);
  let italic = dice.chance(0.2);
  let link: string | null = null;
  const marks = (withLink: boolean): RichMark[] => [
    ...(bold ? [{ type: 'bold' } as const] : []),
    ...(italic ? [{ type: 'italic' } as const] : []),
    ...(withLink && link ? [{ type: 'link' as const, attrs: { href: link } }] : []),
  ];
  const count = dice.int(1, 14);
  for (let i = 0; i < count; i++) {
    const previousLink = link;
    if (dice.chance(0.25)) bold = !bold;
    if (dice.chance(0.25)) italic = !italic;
    if (link === null ? dice.chance(0.15) : dice.chance(0.4)) link = link ? null : href(dice);
    if (i > 0) {
      // The space before a word belongs to a link only when the link goes on across it.
      if (dice.chance(0.08)) content.push({ type: 'hardBreak' });
      else content.push({ type: 'text', text: ' ', marks: marks(previousLink === link) });
    }
    if (dice.chance(0.06)) {
      // A link whose text is its own target, as autolinking makes: written out once in text.
      const target = href(dice);
      const text = target.startsWith('mailto:') ? target.slice(7).split('?')[0]! : target;
      content.push({ type: 'text', text, marks: [{ type: 'link', attrs: { href: target } }] });
      link = null;
    } else if (dice.chance(0.1)) {
      // Formatting that changes inside a word.
      const whole = `${dice.pick(WORDS)}${dice.pick(WORDS)}`;
      const cut = dice.int(1, whole.length - 1);
      content.push({ type: 'text', text: whole.slice(0, cut), marks: marks(true) });
      bold = !bold;
      content.push({ type: 'text', text: whole.slice(cut), marks: marks(true) });
    } else {
      content.push({ type: 'text', text: word(dice), marks: marks(true) });
    }
  }
  return content;
}

const paragraph = (dice: Dice): RichParagraph => ({ type: 'paragraph', content: inlines(dice) });

function list(dice: Dice, depth: number): RichList {
  const content = Array.from({ length: dice.int(1, 4) }, () => listItem(dice, depth));
  if (dice.chance(0.5)) return { type: 'bulletList', content };
  const start = dice.chance(0.3) ? dice.int(0, 20) : 1;
  return start === 1
    ? { type: 'orderedList', content }
    : { type: 'orderedList', attrs: { start }, content };
}

function listItem(dice: Dice, depth: number): RichListItem {
  const content: RichListItem['content'] = [paragraph(dice)];
  if (depth < 3 && dice.chance(0.35)) content.push(list(dice, depth + 1));
  if (dice.chance(0.2)) content.push(paragraph(dice));
  return { type: 'listItem', content };
}

function block(dice: Dice, headings: boolean): RichBlock {
  const roll = dice.int(0, 19);
  if (headings && roll < 3) {
    return { type: 'heading', attrs: { level: 3 }, content: inlines(dice) };
  }
  if (roll < 8) return list(dice, 1);
  // Now and then an empty paragraph: a blank line the editor kept in the middle.
  return roll === 8 ? { type: 'paragraph' } : paragraph(dice);
}

/** `count` documents from `seed`: the same seed gives the same documents. */
export function generateDocs(
  count: number,
  seed: number,
  options: { headings: boolean },
): RichDoc[] {
  const dice = new Dice(seed);
  return Array.from({ length: count }, () => ({
    type: 'doc',
    content: Array.from({ length: dice.int(1, 7) }, () => block(dice, options.headings)),
  }));
}

const PLAIN_SEPARATORS = ['\n\n', '\n\n\n\n', '\r\n\r\n', '\n  \n', '\n\t\n', '\n', '\r\n'];
const PLAIN_NOISE = [...'\n\r \t-*#aé<&\u00a0'];

function plainLine(dice: Dice, paragraphStart: boolean): string {
  const marker = dice.pick([
    '',
    '',
    '',
    '- ',
    '* ',
    '-',
    '1. ',
    '  ',
    '\t',
    ...(paragraphStart ? ['## ', '##'] : []),
  ]);
  const words = Array.from({ length: dice.int(0, 6) }, () => word(dice)).join(
    dice.pick([' ', '  ']),
  );
  return marker + words + dice.pick(['', '', ' ', '\t', '  ', '\u00a0']);
}

/**
 * Plain texts as editors typed them before rich text: blank lines of every kind, Windows line
 * ends, trailing spaces, list markers, "## " lines, and now and then pure noise.
 */
export function generatePlainTexts(count: number, seed: number): string[] {
  const dice = new Dice(seed);
  return Array.from({ length: count }, () => {
    if (dice.chance(0.15)) {
      return Array.from({ length: dice.int(0, 40) }, () => dice.pick(PLAIN_NOISE)).join('');
    }
    const paragraphs = Array.from({ length: dice.int(1, 6) }, () => {
      const bullets = dice.chance(0.3);
      return Array.from({ length: dice.int(1, 4) }, (_, i) =>
        bullets
          ? `${dice.pick(['- ', '* '])}${word(dice)} ${word(dice)}`
          : plainLine(dice, i === 0),
      ).join(dice.pick(['\n', '\n', '\r\n']));
    });
    const text = paragraphs.reduce((all, part) => all + dice.pick(PLAIN_SEPARATORS) + part);
    return dice.pick(['', ' ', '\n', '\r\n  ']) + text + dice.pick(['', '\n', '  \n\n']);
  });
}
