import { z } from '@/lib/validation';
import { overTimeFigures } from './over-time-charts';
import {
  quarterOf,
  quarterParam,
  quarterPeriod,
  recentWeeks,
  type Period,
  type Quarter,
} from './over-time-period';

// What the statistics pages and their CSV downloads read from the address: the newsletter (by
// slug), the figure, and the period as a number of recent weeks or one quarter.

export const weekChoices = ['13', '26', '52'] as const;
export const DEFAULT_WEEKS = '26';

const slug = z
  .string({ error: 'Kies een nieuwsbrief.' })
  .regex(/^[a-z0-9-]{1,100}$/, 'Onbekende nieuwsbrief.');
const weeks = z.enum(weekChoices, { error: 'Kies een periode van 13, 26 of 52 weken.' });
const quarter = z
  .string()
  .regex(/^(19|20|21)\d\d-[1-4]$/, 'Schrijf het kwartaal als jaar en nummer, bijvoorbeeld 2026-4.')
  .transform((value): Quarter => {
    const [year, q] = value.split('-').map(Number);
    return { year: year!, quarter: q as Quarter['quarter'] };
  });

/** The period of a statistics address: recent weeks (the default) or a quarter. */
export type PeriodChoice = { weken: (typeof weekChoices)[number] } | { kwartaal: Quarter };

const choice = z
  .object({ weken: weeks.optional(), kwartaal: quarter.optional() })
  .refine((q) => !(q.weken && q.kwartaal), 'Kies een aantal weken of een kwartaal, niet allebei.');

const toChoice = (q: z.infer<typeof choice>): PeriodChoice =>
  q.kwartaal ? { kwartaal: q.kwartaal } : { weken: q.weken ?? DEFAULT_WEEKS };

/** The CSV download's query: every part required but the period. */
export const csvQuery = z
  .object({
    nieuwsbrief: slug,
    figuur: z.enum(overTimeFigures, { error: 'Onbekende figuur.' }),
  })
  .and(choice)
  .transform((q) => ({ nieuwsbrief: q.nieuwsbrief, figuur: q.figuur, period: toChoice(q) }));

/** The page's period from its address; anything it cannot read is the default. */
export function periodChoiceOf(params: Record<string, unknown>): PeriodChoice {
  const parsed = choice.safeParse({
    weken: typeof params.weken === 'string' ? params.weken : undefined,
    kwartaal: typeof params.kwartaal === 'string' ? params.kwartaal : undefined,
  });
  return parsed.success ? toChoice(parsed.data) : { weken: DEFAULT_WEEKS };
}

/** The quarterly report's quarter from its address; by default the current one. */
export function quarterChoiceOf(params: Record<string, unknown>, now = new Date()): Quarter {
  const parsed = quarter.safeParse(params.kwartaal);
  return parsed.success ? parsed.data : quarterOf(now);
}

export function periodOf(choice: PeriodChoice, now = new Date()): Period {
  return 'kwartaal' in choice
    ? quarterPeriod(choice.kwartaal, now)
    : recentWeeks(Number(choice.weken), now);
}

/** The period as address parameters, the way `csvQuery` reads them back. */
export const periodParams = (choice: PeriodChoice): Record<string, string> =>
  'kwartaal' in choice ? { kwartaal: quarterParam(choice.kwartaal) } : { weken: choice.weken };

export function csvHref(newsletterSlug: string, figure: string, choice: PeriodChoice): string {
  const params = new URLSearchParams({
    nieuwsbrief: newsletterSlug,
    figuur: figure,
    ...periodParams(choice),
  });
  return `/redactie/statistieken/csv?${params}`;
}
