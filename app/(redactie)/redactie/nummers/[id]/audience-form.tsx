'use client';

import { useState } from 'react';
import { FormMessage } from '@/components/form-message';
import { Button } from '@/components/button';
import { useFormAction } from '@/components/use-form-action';
import type { Audience } from '@/lib/enums';
import { saveAudience } from './audience-actions';

type Props = {
  issueId: number;
  audiences: Audience[] | null;
  /** "Alle abonnees" or "Alleen griffiers" (lib/issue/audience.ts audienceSummary). */
  summary: string;
  choices: { value: Audience; label: string }[];
  /** Scheduled, sending or sent: shown, no longer chosen. */
  editable: boolean;
  /** In review or approved: a change sends the issue back to concept, said before it happens. */
  resetsApproval: boolean;
};

const THEMES_NOTE = 'Elke abonnee krijgt daarbij alleen de thema’s die hij of zij volgt.';

/**
 * Who the issue goes to: every subscriber, or only the chosen audience groups. While it may be
 * changed, it is one line that opens to the choice, so the builder stays in the first screen.
 */
export function AudienceForm(props: Props) {
  if (!props.editable)
    return (
      <section
        aria-labelledby="ontvangers-titel"
        className="mb-6 rounded-md border border-line bg-white p-4"
      >
        <h2 id="ontvangers-titel" className="text-lg font-semibold">
          Ontvangers
        </h2>
        <p className="mt-1" data-audience-summary>
          {props.summary}. {THEMES_NOTE}
        </p>
      </section>
    );
  return (
    <section aria-labelledby="ontvangers-titel" className="mb-4">
      <details className="group/ontvangers rounded-md border border-line bg-white px-4 py-2">
        <summary className="cursor-pointer py-1">
          <h2 id="ontvangers-titel" className="inline font-semibold">
            Ontvangers
          </h2>
          : <span data-audience-summary>{props.summary}</span>
          <span className="ml-2 text-sm text-brand-700 underline group-open/ontvangers:hidden">
            wijzigen
          </span>
        </summary>
        <AudienceChoice {...props} />
      </details>
    </section>
  );
}

function AudienceChoice({ issueId, audiences, choices, resetsApproval }: Props) {
  const { state, formAction, onSubmit, pending } = useFormAction(saveAudience);
  // Ticking a group means "only these groups": the radio follows, so the choice is never lost.
  const [scope, setScope] = useState<'alle' | 'groepen'>(audiences ? 'groepen' : 'alle');
  const error = pending ? undefined : state.fieldErrors?.groep;
  return (
    <form action={formAction} onSubmit={onSubmit} className="mt-2 mb-2 space-y-3">
      <input type="hidden" name="issueId" value={issueId} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-semibold">Wie ontvangt dit nummer?</legend>
        {(
          [
            ['alle', 'Alle abonnees'],
            ['groepen', 'Alleen deze groepen:'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name="ontvangers"
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
              className="h-5 w-5"
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="ml-7 space-y-1" aria-describedby={error ? 'ontvangers-fout' : undefined}>
        <legend className="sr-only">Groepen</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="flex items-center gap-2">
            <input
              type="checkbox"
              name="groep"
              value={choice.value}
              defaultChecked={audiences?.includes(choice.value) ?? false}
              onChange={(e) => e.target.checked && setScope('groepen')}
              className="h-5 w-5"
            />
            {choice.label}
          </label>
        ))}
        {error ? (
          <p id="ontvangers-fout" className="text-sm font-semibold text-danger">
            {error}
          </p>
        ) : null}
      </fieldset>
      <p className="text-sm text-muted">
        {THEMES_NOTE}
        {resetsApproval
          ? ' Let op: een andere keuze zet het nummer terug naar concept; het moet dan opnieuw worden goedgekeurd.'
          : ''}
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>
        Ontvangers opslaan
      </Button>
      <FormMessage state={pending ? { status: 'idle' } : state} />
    </form>
  );
}
