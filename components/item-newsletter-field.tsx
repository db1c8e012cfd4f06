'use client';

import { SelectField } from '@/components/field';

export type NewsletterThemes = {
  id: number;
  slug: string;
  name: string;
  themes: { id: number; name: string }[];
};

/**
 * The item's newsletter: a choice when there are several (its theme list follows it), a hidden
 * field when there is one. Once the item is placed in an issue the choice is shown but fixed;
 * the server refuses a move either way.
 */
export function NewsletterField({
  newsletters,
  value,
  onChange,
  locked,
  error,
}: {
  newsletters: NewsletterThemes[];
  value: number;
  onChange: (id: number) => void;
  locked: boolean;
  error?: string;
}) {
  if (newsletters.length < 2) return <input type="hidden" name="newsletterId" value={value} />;
  return (
    <>
      {locked ? <input type="hidden" name="newsletterId" value={value} /> : null}
      <SelectField
        label="Nieuwsbrief"
        name={locked ? 'newsletterIdShown' : 'newsletterId'}
        id="newsletterId"
        required
        disabled={locked}
        value={String(value)}
        onChange={(e) => onChange(Number(e.target.value))}
        hint={
          locked
            ? 'Dit item staat al in een nummer; de nieuwsbrief kan niet meer worden gewijzigd.'
            : 'Een item hoort bij één nieuwsbrief; het thema kiest u uit de thema’s daarvan.'
        }
        options={newsletters.map((n) => ({ value: String(n.id), label: n.name }))}
        error={error}
      />
    </>
  );
}
