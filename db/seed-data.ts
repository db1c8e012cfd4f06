// Demo content for Kopij: the fictional newsletter "Raadsbericht" of the
// Vereniging Samenwerkende Gemeenten (VSG). All text is original; names,
// figures and e-mail addresses are invented. Dates are relative to "now".
import { bold, doc, h3, link, p, ul } from '../lib/richtext/build';
import type { RichDoc } from '../lib/richtext/doc';

export type ThemeSlug =
  'asiel-tot-integratie' | 'bestuur' | 'financien' | 'over-de-vereniging' | 'sociaal-domein-breed';

export type ItemKind = 'news' | 'event' | 'publication' | 'podcast';

export type DemoItem = {
  key: string;
  kind: ItemKind;
  theme: ThemeSlug;
  title: string;
  /** Plain text, or a document where the demo shows what rich text can do. */
  teaser: string | RichDoc;
  /** Null for an item with a full article instead of a page elsewhere. */
  url: string | null;
  body?: RichDoc;
  event?: {
    daysFromNow: number;
    startTime: string;
    endTime: string | null;
    location: string | null;
    online: boolean;
    registrationUrl: string;
  };
};

export type DemoIssue = {
  number: number;
  subject: string;
  preheader: string;
  sentDaysAgo: number | null;
  lead: string;
  sections: Partial<Record<ThemeSlug, string[]>>;
};

export type DemoReusableBlock =
  | { key: string; kind: 'text'; name: string; title: string; body: RichDoc }
  | {
      key: string;
      kind: 'cta';
      name: string;
      title: string;
      body: string;
      buttonLabel: string;
      buttonUrl: string;
    };

export type DemoSubscriber = {
  email: string;
  name: string;
  audience: 'raadslid' | 'griffier' | 'raadsadviseur' | 'commissielid' | 'anders';
  municipality: string;
  themes: ThemeSlug[];
};

export const demoNewsletter: {
  slug: 'raadsbericht';
  name: string;
  organisation: string;
  senderName: string;
  senderEmail: string;
  replyTo: string;
  brandColor: string;
  description: string;
  footerText: string;
  footerLinks: { label: string; url: string }[];
  contactLine: string;
  postalAddress: string;
  reasonLine: string;
  privacyUrl: string;
} = {
  slug: 'raadsbericht',
  name: 'Raadsbericht',
  organisation: 'Vereniging Samenwerkende Gemeenten',
  senderName: 'VSG Raadsbericht',
  senderEmail: 'raadsbericht@vsg.example',
  replyTo: 'redactie@vsg.example',
  brandColor: '#0b3a6e',
  description:
    'Elke twee weken het nieuws uit de vereniging voor raadsleden, griffiers en collegeleden.',
  footerText: 'Dit bericht is verzonden door de Vereniging Samenwerkende Gemeenten.',
  footerLinks: [
    { label: 'Contact', url: 'https://www.vsg.example/contact' },
    { label: 'Lees onze disclaimer', url: 'https://www.vsg.example/disclaimer' },
  ],
  contactLine: 'Vragen over dit bericht? Mail redactie@vsg.example.',
  postalAddress: 'Postbus 1000, 2500 BA Den Haag',
  reasonLine:
    'U ontvangt deze e-mail omdat u zich heeft aangemeld voor Raadsbericht van de Vereniging Samenwerkende Gemeenten.',
  privacyUrl: 'https://www.vsg.example/privacyverklaring',
};

export const demoThemes: { slug: ThemeSlug; name: string }[] = [
  { slug: 'asiel-tot-integratie', name: 'Asiel tot integratie' },
  { slug: 'bestuur', name: 'Bestuur' },
  { slug: 'financien', name: 'Financiën' },
  { slug: 'over-de-vereniging', name: 'Over de vereniging' },
  { slug: 'sociaal-domein-breed', name: 'Sociaal domein breed' },
];

export const demoItems: DemoItem[] = [
  // ── Asiel tot integratie ──────────────────────────────────────────────
  {
    key: 'verdeling-asielopvang-provincies',
    kind: 'news',
    theme: 'asiel-tot-integratie',
    title: 'Provincies leggen nieuwe verdeling van de asielopvang voor aan gemeenten',
    teaser:
      'Elke provinciale regietafel heeft een voorstel gemaakt voor de verdeling van opvangplekken over de gemeenten in de regio. Raden kunnen hun wensen tot de volgende regietafel via het college inbrengen. Wij zetten op een rij wat de verdeelsleutel voor uw gemeente betekent.',
    url: 'https://www.vsg.example/nieuws/nieuwe-verdeling-asielopvang-per-provincie',
  },
  {
    key: 'webinar-b1-route-inburgering',
    kind: 'event',
    theme: 'asiel-tot-integratie',
    title: 'Webinar: de B1-route in de praktijk, wat kan de raad ermee?',
    teaser:
      'Gemeenten voeren de regie op de inburgering. In dit webinar laten twee gemeenten zien hoe zij de voortgang van inburgeraars volgen en welke informatie de raad nodig heeft om tijdig bij te sturen.',
    url: 'https://www.vsg.example/agenda/webinar-b1-route-in-de-praktijk',
    event: {
      daysFromNow: -33,
      startTime: '15:30',
      endTime: '16:45',
      location: null,
      online: true,
      registrationUrl: 'https://www.vsg.example/agenda/webinar-b1-route-in-de-praktijk/aanmelden',
    },
  },
  {
    key: 'normbedragen-opvang-oekraine',
    kind: 'news',
    theme: 'asiel-tot-integratie',
    title: 'Normbedragen voor de opvang van ontheemden uit Oekraïne opnieuw vastgesteld',
    teaser:
      'Het kabinet heeft de normbedragen voor de gemeentelijke opvang van ontheemden uit Oekraïne voor het komende jaar bekendgemaakt. De vereniging vindt de verlaging van het bedrag per bezette plek onverstandig, omdat veel gemeenten juist hebben geïnvesteerd in vaste locaties.',
    url: 'https://www.vsg.example/nieuws/normbedragen-opvang-ontheemden-oekraine',
  },
  {
    key: 'handreiking-huisvesting-statushouders',
    kind: 'publication',
    theme: 'asiel-tot-integratie',
    title: 'Handreiking: huisvesting van statushouders als vast onderdeel van de woonvisie',
    teaser:
      'Deze handreiking helpt raadsleden de taakstelling voor statushouders te verbinden met het bredere woningbouwprogramma. Met voorbeeldvragen voor de raad en ervaringen uit drie middelgrote gemeenten.',
    url: null,
    body: doc(
      p(
        'Gemeenten krijgen elk halfjaar een taakstelling voor de huisvesting van statushouders. Wie die taakstelling los van de rest van de woningbouw behandelt, komt telkens voor dezelfde keuze te staan: voorrang verlenen in een krappe markt, of de taakstelling niet halen.',
      ),
      h3('Wat de handreiking voorstelt'),
      p(
        'De handreiking beschrijft hoe de raad de taakstelling een vaste plek geeft in de woonvisie, naast starters, ouderen en andere urgente groepen. Zo wordt huisvesting van statushouders onderdeel van het bouwprogramma in plaats van een jaarlijkse noodgreep.',
      ),
      ul(
        ['voorbeeldvragen voor de raad bij de behandeling van de woonvisie;'],
        ['een overzicht van tijdelijke en flexibele woonvormen;'],
        ['afspraken met corporaties die drie gemeenten hebben gemaakt.'],
      ),
      h3('Ervaringen uit drie gemeenten'),
      p(
        'Drie middelgrote gemeenten vertellen hoe zij de taakstelling hebben verdeeld over nieuwbouw, transformatie van kantoren en bestaande woningen, en wat de raad daarbij vroeg. Vragen over de handreiking kunt u stellen via ',
        link('wonen@vsg.example', 'mailto:wonen@vsg.example'),
        '.',
      ),
    ),
  },
  {
    key: 'podcast-vrijwilligers-inburgering',
    kind: 'podcast',
    theme: 'asiel-tot-integratie',
    title: 'Podcast Raadsbericht #14: vrijwilligers als ruggengraat van de inburgering',
    teaser:
      'Een taalcoach, een consulent inburgering en een wethouder praten over de rol van vrijwilligers in het inburgeringstraject. Wat mag de gemeente van hen vragen, en wat moet zij hun bieden?',
    url: 'https://www.vsg.example/podcast/aflevering-14-vrijwilligers-en-inburgering',
  },
  {
    key: 'tussenevaluatie-wet-inburgering',
    kind: 'news',
    theme: 'asiel-tot-integratie',
    title: 'Tussenevaluatie Wet inburgering: gemeenten vragen om meer ruimte voor maatwerk',
    teaser:
      'Uit de tussenevaluatie blijkt dat de persoonlijke begeleiding van inburgeraars werkt, maar dat de uitvoering knelt bij de leerbaarheidstoets en de ontzorging in de eerste maanden. De vereniging heeft haar reactie naar de minister gestuurd.',
    url: 'https://www.vsg.example/nieuws/tussenevaluatie-wet-inburgering-reactie',
  },

  // ── Bestuur ───────────────────────────────────────────────────────────
  {
    key: 'wetsvoorstel-decentrale-rekenkamers',
    kind: 'news',
    theme: 'bestuur',
    title: 'Wetsvoorstel versterking decentrale rekenkamers naar de Tweede Kamer',
    teaser:
      'Het wetsvoorstel verplicht elke gemeente tot een onafhankelijke rekenkamer met een eigen budget en schaft de rekenkamercommissie met raadsleden af. De vereniging steunt het doel, maar vraagt om een ruime overgangstermijn en compensatie van de extra kosten.',
    url: 'https://www.vsg.example/nieuws/wetsvoorstel-decentrale-rekenkamers-tweede-kamer',
  },
  {
    key: 'modelaanpak-integriteitstoets-wethouders',
    kind: 'news',
    theme: 'bestuur',
    title: 'Nieuwe modelaanpak voor de integriteitstoets van kandidaat-wethouders',
    teaser:
      'Bij de laatste collegevorming bleek de risicoanalyse integriteit per gemeente sterk te verschillen. Een nieuwe modelaanpak geeft de raad houvast: wie voert de toets uit, welke informatie wordt gedeeld en hoe gaat de raad om met de uitkomst?',
    url: 'https://www.vsg.example/nieuws/modelaanpak-integriteitstoets-kandidaat-wethouders',
  },
  {
    key: 'regiobijeenkomst-oost-gemeenschappelijke-regelingen',
    kind: 'event',
    theme: 'bestuur',
    title: 'Regiobijeenkomst Oost: regionale samenwerking zonder de raad uit het oog te verliezen',
    teaser:
      'Raadsleden en griffiers uit Gelderland en Overijssel wisselen ervaringen uit over democratische sturing op gemeenschappelijke regelingen. Met praktijkvoorbeelden van zienswijzen, regionale raadsavonden en een gezamenlijke auditcommissie.',
    url: 'https://www.vsg.example/agenda/regiobijeenkomst-oost-gemeenschappelijke-regelingen',
    event: {
      daysFromNow: 12,
      startTime: '19:00',
      endTime: '21:30',
      location: 'Stadhuis Zutphen, Zutphen',
      online: false,
      registrationUrl:
        'https://www.vsg.example/agenda/regiobijeenkomst-oost-gemeenschappelijke-regelingen/aanmelden',
    },
  },
  {
    key: 'handreiking-jongerenparticipatie',
    kind: 'publication',
    theme: 'bestuur',
    title: 'Handreiking: jongeren betrekken bij het werk van de gemeenteraad',
    teaser:
      'Hoe krijgt u jongeren aan tafel, en hoe zorgt u dat hun inbreng ook meetelt in de besluitvorming? De handreiking bevat werkvormen, een stappenplan voor een jongerenraad en tips om verwachtingen over en weer helder te maken.',
    url: 'https://www.vsg.example/publicaties/handreiking-jongerenparticipatie-gemeenteraad',
  },
  {
    key: 'evaluatie-centrale-stemopneming',
    kind: 'news',
    theme: 'bestuur',
    title: 'Evaluatie verkiezingen: centrale stemopneming vraagt om structurele vergoeding',
    teaser:
      'Bij de laatste gemeenteraadsverkiezingen telden vrijwel alle gemeenten de stemmen centraal. De evaluatie laat zien dat dit de kwaliteit van de uitslag verbetert, maar ook extra personeel en locaties vraagt. De vereniging pleit voor structurele compensatie.',
    url: 'https://www.vsg.example/nieuws/evaluatie-centrale-stemopneming-gemeenteraadsverkiezingen',
  },
  {
    key: 'podcast-werkdruk-raadsleden',
    kind: 'podcast',
    theme: 'bestuur',
    title: 'Podcast Raadsbericht #11: hoe houdt u het raadswerk vol naast een baan?',
    teaser:
      'Drie raadsleden uit kleine en grote gemeenten vertellen hoe zij tijd vinden voor raadsstukken, fractieoverleg en inwoners. Een griffier legt uit wat de griffie kan doen om de werkdruk te verlichten.',
    url: 'https://www.vsg.example/podcast/aflevering-11-werkdruk-raadsleden',
  },
  {
    key: 'meldpunt-intimidatie-raadsleden',
    kind: 'news',
    theme: 'bestuur',
    title: 'Meldpunt en steunpakket voor raadsleden die te maken krijgen met intimidatie',
    teaser:
      'Steeds meer raadsleden krijgen te maken met bedreiging, intimidatie of online haat. Zij kunnen nu terecht bij een landelijk meldpunt, en griffies krijgen een steunpakket met een protocol, een juridisch aanspreekpunt en afspraken over nazorg.',
    url: 'https://www.vsg.example/nieuws/meldpunt-steunpakket-intimidatie-raadsleden',
  },
  {
    key: 'woo-termijn-actieve-openbaarmaking',
    kind: 'news',
    theme: 'bestuur',
    title: 'Wet open overheid: actieve openbaarmaking van raadsstukken krijgt vaste termijn',
    teaser:
      'Gemeenten moeten categorieën informatie zoals raadsvoorstellen en besluitenlijsten actief openbaar maken. Een algemene maatregel van bestuur legt nu vast binnen welke termijn dat moet gebeuren. Wat betekent dit voor de griffie?',
    url: 'https://www.vsg.example/nieuws/woo-termijn-actieve-openbaarmaking-raadsstukken',
  },
  {
    key: 'digitale-sessie-geheimhouding',
    kind: 'event',
    theme: 'bestuur',
    title: 'Digitale sessie: geheimhouding en vertrouwelijke stukken in de raad',
    teaser:
      'Wanneer mag het college geheimhouding opleggen, en wanneer moet de raad die bekrachtigen? Een bestuursjurist bespreekt de regels en casussen uit de praktijk. De sessie is bedoeld voor raadsleden en griffiers.',
    url: 'https://www.vsg.example/agenda/digitale-sessie-geheimhouding-vertrouwelijke-stukken',
    event: {
      daysFromNow: -22,
      startTime: '12:00',
      endTime: '13:00',
      location: null,
      online: true,
      registrationUrl:
        'https://www.vsg.example/agenda/digitale-sessie-geheimhouding-vertrouwelijke-stukken/aanmelden',
    },
  },

  // ── Financiën ─────────────────────────────────────────────────────────
  {
    key: 'gemeentefonds-circulaire-meerjarenraming',
    kind: 'news',
    theme: 'financien',
    title: 'Gemeentefonds: wat de nieuwe circulaire betekent voor uw meerjarenraming',
    teaser:
      'De nieuwste circulaire van het gemeentefonds laat voor de komende twee jaar een hoger accres zien dan eerder verwacht. Daarna daalt de ruimte weer. Wij lichten toe welke posten veranderen en waar u als raad op kunt letten bij de begrotingswijziging.',
    url: 'https://www.vsg.example/nieuws/gemeentefonds-circulaire-meerjarenraming',
  },
  {
    key: 'adviesbedrag-fractieondersteuning',
    kind: 'publication',
    theme: 'financien',
    title: 'Adviesbedrag fractieondersteuning voor het nieuwe begrotingsjaar gepubliceerd',
    teaser:
      'De vereniging adviseert gemeenten een basisbedrag van € 2.400 per fractie per jaar, aangevuld met € 600 per zetel. In de publicatie leest u hoe het bedrag is opgebouwd en hoe u het in de verordening verwerkt.',
    url: 'https://www.vsg.example/publicaties/adviesbedrag-fractieondersteuning',
  },
  {
    key: 'begrotingsanalyse-tekorten-gemeenten',
    kind: 'news',
    theme: 'financien',
    title: 'Begrotingsanalyse: twee op de drie gemeenten verwachten later tekorten',
    teaser:
      'Uit onze analyse van ruim 300 begrotingen blijkt dat de meeste gemeenten het komende jaar nog sluitend krijgen, maar in de jaren daarna tekorten zien. Gemeenten bezuinigen vooral op onderhoud en cultuur en verhogen de lokale lasten.',
    url: 'https://www.vsg.example/nieuws/begrotingsanalyse-tekorten-meerjarenraming',
  },
  {
    key: 'webinar-begroting-lezen',
    kind: 'event',
    theme: 'financien',
    title: 'Webinar: de begroting lezen en bevragen als raadslid',
    teaser:
      'Hoe vindt u in een begroting van driehonderd pagina’s de keuzes die ertoe doen? Een concerncontroller en een ervaren raadslid laten zien waar u op let: reserves, weerstandsvermogen, indicatoren en de onderbouwing van taakstellingen.',
    url: 'https://www.vsg.example/agenda/webinar-begroting-lezen-en-bevragen',
    event: {
      daysFromNow: -6,
      startTime: '19:30',
      endTime: '21:00',
      location: null,
      online: true,
      registrationUrl:
        'https://www.vsg.example/agenda/webinar-begroting-lezen-en-bevragen/aanmelden',
    },
  },
  {
    key: 'opschalingskorting-brief-kamer',
    kind: 'news',
    theme: 'financien',
    title: 'Opschalingskorting: vereniging vraagt kabinet om volledige terugdraaiing',
    teaser:
      'De korting op het gemeentefonds loopt de komende jaren verder op en raakt kleinere gemeenten het hardst. In een brief aan de Tweede Kamer vraagt de vereniging om de korting bij de voorjaarsnota volledig te schrappen.',
    url: 'https://www.vsg.example/nieuws/opschalingskorting-brief-tweede-kamer',
  },
  {
    key: 'varianten-eigen-belastinggebied',
    kind: 'news',
    theme: 'financien',
    title: 'Meer eigen belastinggebied: drie varianten voor een nieuwe gemeentelijke belasting',
    teaser:
      'Een onderzoekscommissie heeft drie varianten uitgewerkt om gemeenten minder afhankelijk te maken van het gemeentefonds, waaronder een ingezetenenbelasting. Leden kunnen tot het einde van volgende maand reageren.',
    url: 'https://www.vsg.example/nieuws/varianten-eigen-belastinggebied-gemeenten',
  },

  // ── Over de vereniging ────────────────────────────────────────────────
  {
    key: 'algemene-ledenvergadering',
    kind: 'event',
    theme: 'over-de-vereniging',
    title: 'Algemene ledenvergadering op dag twee van het VSG-congres: agenda en stukken online',
    teaser: doc(
      p(
        'Op de tweede congresdag begint om ',
        bold('13.30 uur'),
        ' de algemene ledenvergadering. De ',
        link('agenda en de vergaderstukken', 'https://www.vsg.example/congres/alv-stukken'),
        ' staan online, waaronder:',
      ),
      ul(['de begroting van de vereniging;'], ['de voordracht van een nieuwe voorzitter.']),
      p('De vergadering is ook via een livestream te volgen.'),
    ),
    url: 'https://www.vsg.example/congres/algemene-ledenvergadering',
    event: {
      daysFromNow: 26,
      startTime: '13:30',
      endTime: '16:30',
      location: 'WTC Expo, Leeuwarden',
      online: true,
      registrationUrl: 'https://www.vsg.example/congres/aanmelden',
    },
  },
  {
    key: 'voordracht-nieuwe-voorzitter',
    kind: 'news',
    theme: 'over-de-vereniging',
    title: 'Bestuur van de VSG draagt een nieuwe voorzitter voor',
    teaser:
      'Het bestuur draagt de burgemeester van een middelgrote gemeente voor als nieuwe voorzitter van de vereniging. De algemene ledenvergadering besluit over de benoeming; tegenkandidaten kunnen tot vier weken voor de vergadering worden aangemeld.',
    url: 'https://www.vsg.example/over-de-vsg/bestuur/voordracht-nieuwe-voorzitter',
  },
  {
    key: 'jaarverslag-vereniging',
    kind: 'publication',
    theme: 'over-de-vereniging',
    title: 'Jaarverslag: wat de vereniging het afgelopen jaar voor haar leden heeft bereikt',
    teaser:
      'In het jaarverslag leest u welke resultaten de VSG boekte in het overleg met het Rijk, hoe de ledenraadplegingen verliepen en waaraan de contributie is besteed. Het verslag wordt ter vaststelling voorgelegd aan de algemene ledenvergadering.',
    url: 'https://www.vsg.example/publicaties/jaarverslag-vsg',
  },
  {
    key: 'podcast-vooruitblik-congres',
    kind: 'podcast',
    theme: 'over-de-vereniging',
    title: 'Podcast Raadsbericht #13: vooruitblik op het jaarcongres',
    teaser:
      'De directeur van de VSG en twee leden van de programmacommissie vertellen wat u op het congres kunt verwachten, van de werksessies op dag één tot de moties in de ledenvergadering op dag twee.',
    url: 'https://www.vsg.example/podcast/aflevering-13-vooruitblik-jaarcongres',
  },

  // ── Sociaal domein breed ──────────────────────────────────────────────
  {
    key: 'hervormingsagenda-jeugd-voortgang',
    kind: 'news',
    theme: 'sociaal-domein-breed',
    title: 'Hervormingsagenda Jeugd: eerste resultaten van regionale inkoop zichtbaar',
    teaser:
      'Gemeenten werken steeds meer samen bij de inkoop van specialistische jeugdhulp. De eerste voortgangsrapportage laat zien dat de wachttijden in een aantal regio’s dalen, maar dat de kosten nog niet afnemen.',
    url: 'https://www.vsg.example/nieuws/hervormingsagenda-jeugd-voortgangsrapportage',
  },
  {
    key: 'wmo-eigen-bijdrage-inkomensafhankelijk',
    kind: 'news',
    theme: 'sociaal-domein-breed',
    title: 'Eigen bijdrage Wmo weer inkomensafhankelijk: wetsvoorstel in consultatie',
    teaser:
      'Het kabinet wil de eigen bijdrage voor Wmo-voorzieningen weer afhankelijk maken van inkomen en vermogen. De vereniging is positief over de richting, maar waarschuwt voor de uitvoeringslasten en vraagt om een realistische invoeringsdatum.',
    url: 'https://www.vsg.example/nieuws/wmo-eigen-bijdrage-inkomensafhankelijk-consultatie',
  },
  {
    key: 'handreiking-vroegsignalering-schulden',
    kind: 'publication',
    theme: 'sociaal-domein-breed',
    title: 'Handreiking: vroegsignalering van schulden, van wettelijke taak naar effectieve aanpak',
    teaser:
      'Gemeenten zijn verplicht signalen over betalingsachterstanden op te volgen. Deze handreiking helpt de raad na te gaan of die aanpak inwoners ook echt bereikt, met vragen voor de raad en kengetallen om te volgen.',
    url: 'https://www.vsg.example/publicaties/handreiking-vroegsignalering-schulden',
  },
  {
    key: 'digitale-sessies-participatiewet',
    kind: 'event',
    theme: 'sociaal-domein-breed',
    title: 'Digitale sessies: de vereenvoudigde Participatiewet en wat er verandert voor inwoners',
    teaser:
      'De vereenvoudiging van de Participatiewet geeft gemeenten meer ruimte voor de menselijke maat. In drie korte digitale sessies bespreken we de belangrijkste wijzigingen, de gevolgen voor het lokale beleid en de rol van de raad.',
    url: 'https://www.vsg.example/agenda/digitale-sessies-participatiewet',
    event: {
      daysFromNow: 19,
      startTime: '12:30',
      endTime: '13:30',
      location: null,
      online: true,
      registrationUrl: 'https://www.vsg.example/agenda/digitale-sessies-participatiewet/aanmelden',
    },
  },
  {
    key: 'podcast-sociaal-wijkteam',
    kind: 'podcast',
    theme: 'sociaal-domein-breed',
    title: 'Podcast Raadsbericht #12: het sociaal wijkteam van binnenuit',
    teaser:
      'Hoe ziet een werkdag in een sociaal wijkteam eruit, en welke informatie heeft de raad nodig om goed te sturen? Een teamleider en een raadslid praten over wachtlijsten, privacy en vertrouwen.',
    url: 'https://www.vsg.example/podcast/aflevering-12-sociaal-wijkteam',
  },
];

export const demoIssues: DemoIssue[] = [
  {
    number: 21,
    subject: 'Raadsbericht 21: begrotingen onder druk en integriteitstoets',
    preheader:
      'Analyse van ruim 300 begrotingen, nieuwe normbedragen voor opvang en een handreiking over vroegsignalering van schulden.',
    sentDaysAgo: 42,
    lead: 'begrotingsanalyse-tekorten-gemeenten',
    sections: {
      'asiel-tot-integratie': ['normbedragen-opvang-oekraine', 'webinar-b1-route-inburgering'],
      bestuur: ['modelaanpak-integriteitstoets-wethouders', 'podcast-werkdruk-raadsleden'],
      'sociaal-domein-breed': ['handreiking-vroegsignalering-schulden'],
    },
  },
  {
    number: 22,
    subject: 'Raadsbericht 22: meldpunt intimidatie en adviesbedrag fracties',
    preheader:
      'Een landelijk meldpunt voor raadsleden, een digitale sessie over geheimhouding en het jaarverslag van de vereniging.',
    sentDaysAgo: 28,
    lead: 'meldpunt-intimidatie-raadsleden',
    sections: {
      'asiel-tot-integratie': ['tussenevaluatie-wet-inburgering'],
      bestuur: ['digitale-sessie-geheimhouding'],
      financien: ['adviesbedrag-fractieondersteuning', 'opschalingskorting-brief-kamer'],
      'over-de-vereniging': ['jaarverslag-vereniging'],
    },
  },
  {
    number: 23,
    subject: 'Raadsbericht 23: eigen bijdrage Wmo weer naar inkomen',
    preheader:
      'Wetsvoorstel in consultatie, een handreiking over huisvesting van statushouders en een webinar over het lezen van de begroting.',
    sentDaysAgo: 14,
    lead: 'wmo-eigen-bijdrage-inkomensafhankelijk',
    sections: {
      'asiel-tot-integratie': ['handreiking-huisvesting-statushouders'],
      bestuur: ['woo-termijn-actieve-openbaarmaking'],
      financien: ['webinar-begroting-lezen'],
      'sociaal-domein-breed': ['podcast-sociaal-wijkteam'],
    },
  },
  {
    number: 24,
    subject: 'Raadsbericht 24: agenda en stukken voor de ledenvergadering',
    preheader:
      'De ledenvergadering op congresdag twee, het wetsvoorstel over decentrale rekenkamers en een regiobijeenkomst in Oost-Nederland.',
    sentDaysAgo: null,
    lead: 'algemene-ledenvergadering',
    sections: {
      'asiel-tot-integratie': ['verdeling-asielopvang-provincies'],
      bestuur: [
        'wetsvoorstel-decentrale-rekenkamers',
        'evaluatie-centrale-stemopneming',
        'regiobijeenkomst-oost-gemeenschappelijke-regelingen',
        'handreiking-jongerenparticipatie',
      ],
      financien: ['gemeentefonds-circulaire-meerjarenraming'],
      'over-de-vereniging': ['podcast-vooruitblik-congres'],
      'sociaal-domein-breed': [
        'hervormingsagenda-jeugd-voortgang',
        'digitale-sessies-participatiewet',
      ],
    },
  },
];

export const demoReusableBlocks: DemoReusableBlock[] = [
  {
    key: 'raadsforum',
    kind: 'text',
    name: 'Raadsforum (vast blok)',
    title: 'Raadsforum: kennis delen met collega’s uit het hele land',
    body: doc(
      h3('Wat is het Raadsforum?'),
      p(
        'Het Raadsforum is een besloten online platform waar raadsleden en griffiers elkaar vragen stellen, ervaringen uitwisselen en documenten delen. Denk aan een voorbeeldmotie, een verordening van een buurgemeente of een tip voor de voorbereiding van een debat. Het forum telt inmiddels ongeveer 300 deelnemers uit gemeenten van elke omvang.',
      ),
      h3('Wie kan meedoen?'),
      p(
        'Het forum staat open voor raadsleden, griffiers, raadsadviseurs en commissieleden van gemeenten die lid zijn van de VSG. Deelname is kosteloos. Medewerkers van de vereniging modereren het forum en schakelen waar nodig een beleidsadviseur in.',
      ),
      h3('Hoe meldt u zich aan?'),
      p(
        'Stuur een e-mail naar de helpdesk via ',
        link('forum@vsg.example', 'mailto:forum@vsg.example'),
        ' met uw naam, uw gemeente en uw functie. U ontvangt binnen twee werkdagen een persoonlijke uitnodiging om een account aan te maken.',
      ),
    ),
  },
  {
    key: 'moties',
    kind: 'cta',
    name: 'Moties van gemeenteraden (oproep)',
    title: 'Aangenomen moties van gemeenteraden',
    body: 'Gemeenteraden sturen ons regelmatig aangenomen moties met een oproep aan de vereniging of aan het Rijk. Recent ging het onder meer over de financiering van de jeugdzorg, de bescherming van raadsleden tegen intimidatie en de huisvesting van statushouders. In het overzicht ziet u per motie hoe de vereniging ermee omgaat.',
    buttonLabel: 'Bekijk de moties',
    buttonUrl: 'https://www.vsg.example/over-de-vsg/moties-van-gemeenteraden',
  },
];

const ALL_THEMES: readonly ThemeSlug[] = [
  'asiel-tot-integratie',
  'bestuur',
  'financien',
  'over-de-vereniging',
  'sociaal-domein-breed',
];

export const demoSubscribers: DemoSubscriber[] = [
  // raadsleden (20)
  {
    email: 'j.devries@raad-zwolle.example',
    name: 'Jeroen de Vries',
    audience: 'raadslid',
    municipality: 'Zwolle',
    themes: [...ALL_THEMES],
  },
  {
    email: 'f.elamrani@raad-utrecht.example',
    name: 'Fatima El Amrani',
    audience: 'raadslid',
    municipality: 'Utrecht',
    themes: [...ALL_THEMES],
  },
  {
    email: 'h.bosma@sudwestfryslan.example',
    name: 'Henk Bosma',
    audience: 'raadslid',
    municipality: 'Súdwest-Fryslân',
    themes: ['bestuur', 'financien'],
  },
  {
    email: 'm.jansen@raad-amersfoort.example',
    name: 'Marieke Jansen',
    audience: 'raadslid',
    municipality: 'Amersfoort',
    themes: [...ALL_THEMES],
  },
  {
    email: 's.kuipers@gemeente-ede.example',
    name: 'Sander Kuipers',
    audience: 'raadslid',
    municipality: 'Ede',
    themes: [...ALL_THEMES],
  },
  {
    email: 'a.yildiz@raad-zaanstad.example',
    name: 'Ayşe Yıldız',
    audience: 'raadslid',
    municipality: 'Zaanstad',
    themes: ['asiel-tot-integratie', 'sociaal-domein-breed'],
  },
  {
    email: 'p.vandenberg@gemeente-lochem.example',
    name: 'Pieter van den Berg',
    audience: 'raadslid',
    municipality: 'Lochem',
    themes: [...ALL_THEMES],
  },
  {
    email: 'e.mulder@raad-tilburg.example',
    name: 'Esther Mulder',
    audience: 'raadslid',
    municipality: 'Tilburg',
    themes: [...ALL_THEMES],
  },
  {
    email: 'r.hendriks@gemeente-venlo.example',
    name: 'Ruud Hendriks',
    audience: 'raadslid',
    municipality: 'Venlo',
    themes: ['financien'],
  },
  {
    email: 'l.smit@raad-alkmaar.example',
    name: 'Linda Smit',
    audience: 'raadslid',
    municipality: 'Alkmaar',
    themes: [...ALL_THEMES],
  },
  {
    email: 'm.bouzid@raad-rotterdam.example',
    name: 'Mohamed Bouzid',
    audience: 'raadslid',
    municipality: 'Rotterdam',
    themes: [...ALL_THEMES],
  },
  {
    email: 'a.postma@gemeente-heerenveen.example',
    name: 'Anke Postma',
    audience: 'raadslid',
    municipality: 'Heerenveen',
    themes: ['bestuur', 'financien', 'sociaal-domein-breed'],
  },
  {
    email: 'w.bakker@raad-gouda.example',
    name: 'Wouter Bakker',
    audience: 'raadslid',
    municipality: 'Gouda',
    themes: [...ALL_THEMES],
  },
  {
    email: 'i.wolters@gemeente-emmen.example',
    name: 'Ingrid Wolters',
    audience: 'raadslid',
    municipality: 'Emmen',
    themes: [...ALL_THEMES],
  },
  {
    email: 't.vanleeuwen@raad-dordrecht.example',
    name: 'Thijs van Leeuwen',
    audience: 'raadslid',
    municipality: 'Dordrecht',
    themes: [...ALL_THEMES],
  },
  {
    email: 'n.vermeulen@raad-breda.example',
    name: 'Nicole Vermeulen',
    audience: 'raadslid',
    municipality: 'Breda',
    themes: ['sociaal-domein-breed'],
  },
  {
    email: 'g.dijkstra@hethogeland.example',
    name: 'Gerrit Dijkstra',
    audience: 'raadslid',
    municipality: 'Het Hogeland',
    themes: [...ALL_THEMES],
  },
  {
    email: 's.hoekstra@raad-leeuwarden.example',
    name: 'Sanne Hoekstra',
    audience: 'raadslid',
    municipality: 'Leeuwarden',
    themes: [...ALL_THEMES],
  },
  {
    email: 'b.verhoeven@meierijstad.example',
    name: 'Bram Verhoeven',
    audience: 'raadslid',
    municipality: 'Meierijstad',
    themes: [...ALL_THEMES],
  },
  {
    email: 'k.nguyen@raad-almere.example',
    name: 'Kim Nguyen',
    audience: 'raadslid',
    municipality: 'Almere',
    themes: ['asiel-tot-integratie', 'bestuur'],
  },

  // griffiers (12)
  {
    email: 'a.scholten@griffie-deventer.example',
    name: 'Annemiek Scholten',
    audience: 'griffier',
    municipality: 'Deventer',
    themes: [...ALL_THEMES],
  },
  {
    email: 'e.brouwer@gemeente-groningen.example',
    name: 'Erik Brouwer',
    audience: 'griffier',
    municipality: 'Groningen',
    themes: [...ALL_THEMES],
  },
  {
    email: 'm.vandijk@griffie-haarlem.example',
    name: 'Monique van Dijk',
    audience: 'griffier',
    municipality: 'Haarlem',
    themes: [...ALL_THEMES],
  },
  {
    email: 'j.meijer@gemeente-assen.example',
    name: 'Johan Meijer',
    audience: 'griffier',
    municipality: 'Assen',
    themes: ['bestuur', 'over-de-vereniging'],
  },
  {
    email: 'y.degraaf@griffie-nijmegen.example',
    name: 'Yvonne de Graaf',
    audience: 'griffier',
    municipality: 'Nijmegen',
    themes: [...ALL_THEMES],
  },
  {
    email: 'm.peters@gemeente-maastricht.example',
    name: 'Martijn Peters',
    audience: 'griffier',
    municipality: 'Maastricht',
    themes: [...ALL_THEMES],
  },
  {
    email: 'h.visser@gemeente-wageningen.example',
    name: 'Hanneke Visser',
    audience: 'griffier',
    municipality: 'Wageningen',
    themes: [...ALL_THEMES],
  },
  {
    email: 'r.claassen@landvancuijk.example',
    name: 'Roel Claassen',
    audience: 'griffier',
    municipality: 'Land van Cuijk',
    themes: [...ALL_THEMES],
  },
  {
    email: 'p.kok@griffie-hoorn.example',
    name: 'Petra Kok',
    audience: 'griffier',
    municipality: 'Hoorn',
    themes: ['bestuur'],
  },
  {
    email: 'd.willems@sittard-geleen.example',
    name: 'Dennis Willems',
    audience: 'griffier',
    municipality: 'Sittard-Geleen',
    themes: [...ALL_THEMES],
  },
  {
    email: 'l.timmermans@griffie-s-hertogenbosch.example',
    name: 'Loes Timmermans',
    audience: 'griffier',
    municipality: "'s-Hertogenbosch",
    themes: [...ALL_THEMES],
  },
  {
    email: 'a.huisman@noordoostpolder.example',
    name: 'Arjan Huisman',
    audience: 'griffier',
    municipality: 'Noordoostpolder',
    themes: [...ALL_THEMES],
  },

  // raadsadviseurs (8)
  {
    email: 'f.koster@griffie-apeldoorn.example',
    name: 'Femke Koster',
    audience: 'raadsadviseur',
    municipality: 'Apeldoorn',
    themes: [...ALL_THEMES],
  },
  {
    email: 'k.benali@denhaag.example',
    name: 'Karim Benali',
    audience: 'raadsadviseur',
    municipality: 'Den Haag',
    themes: ['asiel-tot-integratie', 'bestuur', 'sociaal-domein-breed'],
  },
  {
    email: 'l.sanders@griffie-enschede.example',
    name: 'Lotte Sanders',
    audience: 'raadsadviseur',
    municipality: 'Enschede',
    themes: [...ALL_THEMES],
  },
  {
    email: 'j.vanderlinden@griffie-leiden.example',
    name: 'Joost van der Linden',
    audience: 'raadsadviseur',
    municipality: 'Leiden',
    themes: [...ALL_THEMES],
  },
  {
    email: 'm.prins@gemeente-helmond.example',
    name: 'Marloes Prins',
    audience: 'raadsadviseur',
    municipality: 'Helmond',
    themes: ['bestuur', 'financien'],
  },
  {
    email: 'd.evers@griffie-arnhem.example',
    name: 'Daan Evers',
    audience: 'raadsadviseur',
    municipality: 'Arnhem',
    themes: [...ALL_THEMES],
  },
  {
    email: 'i.bos@stichtsevecht.example',
    name: 'Ilse Bos',
    audience: 'raadsadviseur',
    municipality: 'Stichtse Vecht',
    themes: [...ALL_THEMES],
  },
  {
    email: 't.deboer@griffie-delft.example',
    name: 'Tim de Boer',
    audience: 'raadsadviseur',
    municipality: 'Delft',
    themes: [...ALL_THEMES],
  },

  // commissieleden (6)
  {
    email: 'h.koopman@tynaarlo.example',
    name: 'Hans Koopman',
    audience: 'commissielid',
    municipality: 'Tynaarlo',
    themes: [...ALL_THEMES],
  },
  {
    email: 's.demir@commissie-eindhoven.example',
    name: 'Sevda Demir',
    audience: 'commissielid',
    municipality: 'Eindhoven',
    themes: ['asiel-tot-integratie', 'sociaal-domein-breed'],
  },
  {
    email: 'w.veenstra@westerkwartier.example',
    name: 'Willem Veenstra',
    audience: 'commissielid',
    municipality: 'Westerkwartier',
    themes: [...ALL_THEMES],
  },
  {
    email: 'a.vanbeek@krimpenerwaard.example',
    name: 'Anouk van Beek',
    audience: 'commissielid',
    municipality: 'Krimpenerwaard',
    themes: [...ALL_THEMES],
  },
  {
    email: 'f.lammers@gemeente-oss.example',
    name: 'Freek Lammers',
    audience: 'commissielid',
    municipality: 'Oss',
    themes: ['financien'],
  },
  {
    email: 'n.zwart@gemeente-middelburg.example',
    name: 'Naomi Zwart',
    audience: 'commissielid',
    municipality: 'Middelburg',
    themes: [...ALL_THEMES],
  },

  // anders (4)
  {
    email: 'gj.wijnen@berkelland.example',
    name: 'Gert-Jan Wijnen',
    audience: 'anders',
    municipality: 'Berkelland',
    themes: [...ALL_THEMES],
  },
  {
    email: 's.hermans@gemeente-roermond.example',
    name: 'Saskia Hermans',
    audience: 'anders',
    municipality: 'Roermond',
    themes: ['sociaal-domein-breed'],
  },
  {
    email: 'b.terpstra@schouwen-duiveland.example',
    name: 'Bas Terpstra',
    audience: 'anders',
    municipality: 'Schouwen-Duiveland',
    themes: [...ALL_THEMES],
  },
  {
    email: 'm.dewit@gemeente-zutphen.example',
    name: 'Mirjam de Wit',
    audience: 'anders',
    municipality: 'Zutphen',
    themes: ['bestuur', 'over-de-vereniging'],
  },
];
