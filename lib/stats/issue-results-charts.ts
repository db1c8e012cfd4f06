import { audienceChoices } from '@/lib/issue/audience';
import { formatValue, share, type ChartData, type ChartSeries } from './chart-data';
import type { IssueResults, Reach } from './issue-results';

// The results of one issue as the figures of its "Resultaten" page: each a ChartData, so the
// chart, its table and the CSV download (?figuur=<id>) are made from the same numbers.

export const resultFigureIds = [
  'bezorging',
  'na-bezorging',
  'items',
  'links',
  'themas',
  'groepen',
  'vergelijking',
  'vergelijking-aandelen',
  'openingen',
] as const;
export type ResultFigureId = (typeof resultFigureIds)[number];

export type ResultFigure = {
  id: ResultFigureId;
  data: ChartData;
  /** One sentence for the chart's text alternative; the table has every number. */
  summary: string;
  note?: string;
};

const CLICKS_NOTE =
  'Klikken zijn schattingen: klikken van beveiligingsscanners zijn eruit gefilterd (apart ' +
  'getoond als automatisch), en wie een link kopieert of doorstuurt wordt niet of dubbel ' +
  'geteld. Het aandeel is klikken gedeeld door de afgeleverde kopieën met die link; wie twee ' +
  'keer klikt, telt twee keer.';

const reachSeries: ChartSeries[] = [
  { key: 'clicks', label: 'Klikken' },
  { key: 'automated', label: 'Automatisch (niet geteld)' },
  { key: 'share', label: 'Aandeel van ontvangers', unit: 'percent' },
];
const reachValues = (r: Reach) => ({
  clicks: r.clicks,
  automated: r.automated,
  share: r.share,
});

const count = (n: number) => formatValue(n, 'count');

/** "Meest geklikt: X (12 klikken)." or that nothing was clicked yet. */
function mostClicked(rows: { label: string; clicks: number }[]): string {
  const top = rows.reduce<(typeof rows)[number] | null>(
    (best, r) => (r.clicks > (best?.clicks ?? 0) ? r : best),
    null,
  );
  return top
    ? `Meest geklikt: ${top.label} (${count(top.clicks)} ${top.clicks === 1 ? 'klik' : 'klikken'}).`
    : 'Nog geen klikken geteld.';
}

function deliveryFigure({ delivery: d }: IssueResults): ResultFigure {
  const rows: [string, number][] = [
    ['Ontvangers', d.recipients],
    ['Afgeleverd', d.delivered],
    ['Mislukt', d.failed],
    ['Overgeslagen', d.skipped],
    ['Nog te verzenden', d.waiting],
  ];
  return {
    id: 'bezorging',
    data: {
      title: 'Bezorging',
      rowHeading: 'Bezorging',
      series: [{ key: 'n', label: 'Kopieën' }],
      rows: rows.map(([label, n]) => ({ label, values: { n } })),
    },
    summary: `${count(d.delivered)} van ${count(d.recipients)} kopieën afgeleverd.`,
  };
}

function afterFigure({ after: a, delivery }: IssueResults): ResultFigure {
  const rows: [string, number][] = [
    ['Harde bounces', a.hardBounces],
    ['Zachte bounces', a.softBounces],
    ['Klachten (gemeld als ongewenst)', a.complaints],
    ['Afgemeld', a.linkUnsubscribes + a.mailedUnsubscribes],
    ['Voorkeuren gewijzigd', a.preferenceChanges],
    ['Gepauzeerd', a.pauses],
  ];
  return {
    id: 'na-bezorging',
    data: {
      title: 'Na de bezorging',
      rowHeading: 'Gebeurtenis',
      series: [
        { key: 'n', label: 'Aantal' },
        { key: 'share', label: 'Van afgeleverd', unit: 'percent' },
      ],
      rows: rows.map(([label, n]) => ({
        label,
        values: { n, share: share(n, delivery.delivered) },
      })),
    },
    summary: `${count(a.linkUnsubscribes + a.mailedUnsubscribes)} afmeldingen, ${count(a.hardBounces + a.softBounces)} bounces en ${count(a.complaints)} klachten.`,
    note:
      'Afmeldingen en gewijzigde voorkeuren tellen hier als ze via de persoonlijke links in dit ' +
      'nummer kwamen (ook de afmeldknop die het mailprogramma toont). Wie zich op een andere ' +
      'manier afmeldde, bijvoorbeeld per mail, staat er niet bij.',
  };
}

function itemsFigure(r: IssueResults): ResultFigure {
  const items = [...r.items].sort((a, b) => b.clicks - a.clicks);
  const rows = items.map((i) => ({ label: i.title, values: reachValues(i) }));
  return {
    id: 'items',
    data: { title: 'Klikken per item', rowHeading: 'Item', series: reachSeries, rows },
    summary: mostClicked(items.map((i) => ({ label: i.title, clicks: i.clicks }))),
    note: CLICKS_NOTE,
  };
}

function linksFigure(r: IssueResults): ResultFigure {
  const labelled = r.links.map((l) => ({
    label: l.label ? `${l.label} (${l.url})` : l.url,
    clicks: l.clicks,
  }));
  const rows = r.links.map((l, i) => ({ label: labelled[i]!.label, values: reachValues(l) }));
  return {
    id: 'links',
    data: { title: 'Klikken per link', rowHeading: 'Link', series: reachSeries, rows },
    summary: mostClicked(labelled),
    note: CLICKS_NOTE,
  };
}

function themesFigure(r: IssueResults): ResultFigure {
  return {
    id: 'themas',
    data: {
      title: 'Per thema',
      rowHeading: 'Thema',
      series: [
        { key: 'reached', label: 'Afgeleverd met dit thema' },
        { key: 'clicks', label: 'Klikken' },
        { key: 'share', label: 'Aandeel van ontvangers', unit: 'percent' },
      ],
      rows: r.themes.map((t) => ({
        label: t.name,
        values: { reached: t.reached, clicks: t.clicks, share: t.share },
      })),
    },
    summary: mostClicked(r.themes.map((t) => ({ label: t.name, clicks: t.clicks }))),
    note: 'Elke lezer krijgt alleen de secties van de thema’s die hij volgt.',
  };
}

const audienceLabel = new Map(audienceChoices.map((c) => [c.value, c.label]));

function audiencesFigure(r: IssueResults): ResultFigure {
  const largest = [...r.audiences].sort((a, b) => b.recipients - a.recipients)[0];
  return {
    id: 'groepen',
    data: {
      title: 'Per doelgroep',
      rowHeading: 'Doelgroep',
      series: [
        { key: 'recipients', label: 'Ontvangers' },
        { key: 'delivered', label: 'Afgeleverd' },
      ],
      rows: r.audiences.map((a) => ({
        label: audienceLabel.get(a.audience) ?? a.audience,
        values: { recipients: a.recipients, delivered: a.delivered },
      })),
    },
    summary: largest
      ? `Grootste groep: ${audienceLabel.get(largest.audience)} (${count(largest.recipients)} ontvangers).`
      : 'Geen ontvangers.',
    note: 'De functie die de lezer opgaf toen het nummer verzonden werd.',
  };
}

function comparisonFigures(r: IssueResults): ResultFigure[] {
  const rows = r.comparison;
  const earlier = rows.length - 1;
  const about = earlier
    ? `Dit nummer naast de ${earlier === 1 ? 'vorige' : `${earlier} vorige`} van de nieuwsbrief.`
    : 'Er is nog geen eerder verzonden nummer om mee te vergelijken.';
  return [
    {
      id: 'vergelijking',
      data: {
        title: 'Vergeleken met eerdere nummers',
        rowHeading: 'Nummer',
        series: [
          { key: 'recipients', label: 'Ontvangers' },
          { key: 'delivered', label: 'Afgeleverd' },
          { key: 'clicks', label: 'Klikken' },
          { key: 'unsubscribes', label: 'Afmeldingen' },
          { key: 'archiveViews', label: 'Weergaven in het archief' },
        ],
        rows: rows.map((s) => ({
          label: s.title,
          values: {
            recipients: s.recipients,
            delivered: s.delivered,
            clicks: s.clicks,
            unsubscribes: s.unsubscribes,
            archiveViews: s.archiveViews,
          },
        })),
      },
      summary: about,
      note: 'Weergaven in het archief: hoe vaak het nummer op de website is bekeken, zonder bots en zonder cookie.',
    },
    {
      id: 'vergelijking-aandelen',
      data: {
        title: 'Bounces en klikken vergeleken',
        rowHeading: 'Nummer',
        series: [
          { key: 'bounceRate', label: 'Bounces van afgeleverd', unit: 'percent' },
          { key: 'clickShare', label: 'Klikken t.o.v. afgeleverd', unit: 'percent' },
        ],
        rows: rows.map((s) => ({
          label: s.title,
          values: {
            bounceRate: share(s.bounces, s.delivered),
            clickShare: share(s.clicks, s.delivered),
          },
        })),
      },
      summary: about,
      note:
        'Wie op welke link klikte wordt niet bijgehouden, dus ‘unieke klikken’ zijn niet te ' +
        'tellen: hier staan alle klikken gedeeld door de afgeleverde kopieën.',
    },
  ];
}

function opensFigure(r: IssueResults): ResultFigure[] {
  if (!r.opens) return [];
  const { opens, automated } = r.opens;
  return [
    {
      id: 'openingen',
      data: {
        title: 'Openingen (onbetrouwbaar)',
        rowHeading: 'Openingen',
        series: [{ key: 'n', label: 'Aantal' }],
        rows: [
          { label: 'Geteld als geopend', values: { n: opens } },
          { label: 'Automatisch (niet geteld)', values: { n: automated } },
        ],
      },
      summary: `${count(opens)} keer geopend geteld.`,
      note:
        'Onbetrouwbaar: Apple Mail laadt elke afbeelding vooraf (telt als geopend zonder dat ' +
        'iemand las), en veel mailprogramma’s laden geen afbeeldingen (gelezen maar niet geteld).',
    },
  ];
}

/** Every figure of the page, in its order; opens only while the newsletter counts them. */
export function issueResultFigures(results: IssueResults): ResultFigure[] {
  return [
    deliveryFigure(results),
    afterFigure(results),
    itemsFigure(results),
    linksFigure(results),
    themesFigure(results),
    audiencesFigure(results),
    ...comparisonFigures(results),
    ...opensFigure(results),
  ];
}
