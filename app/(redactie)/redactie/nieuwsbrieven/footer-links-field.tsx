import { TextField } from '@/components/field';

export type FooterLink = { label: string; url: string };

/** A fixed number of rows; empty ones are left out when saved, so order is what the admin typed. */
export function FooterLinksField({
  links,
  rows,
  errors,
}: {
  links: FooterLink[];
  rows: number;
  errors?: Record<string, string>;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Links in de voettekst</legend>
      <p className="text-sm text-muted">
        Bijvoorbeeld Contact of een disclaimer; hoogstens {rows}. De links om af te melden en
        gegevens te wijzigen komen er vanzelf bij. Laat een regel leeg als u hem niet nodig heeft.
      </p>
      {errors?.footerLinks ? (
        <p className="text-sm font-semibold text-danger">{errors.footerLinks}</p>
      ) : null}
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={`Linktekst ${i + 1}`}
            name="footerLinkLabel"
            id={`footerLinkLabel-${i}`}
            defaultValue={links[i]?.label ?? ''}
            error={errors?.[`footerLinks.${i}.label`]}
          />
          <TextField
            label={`Webadres ${i + 1}`}
            name="footerLinkUrl"
            id={`footerLinkUrl-${i}`}
            inputMode="url"
            defaultValue={links[i]?.url ?? ''}
            hint={i === 0 ? 'https://... of mailto:...' : undefined}
            error={errors?.[`footerLinks.${i}.url`]}
          />
        </div>
      ))}
    </fieldset>
  );
}
