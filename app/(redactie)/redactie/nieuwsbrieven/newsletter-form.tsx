'use client';

import { TextAreaField, TextField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import type { ImageChoice } from '@/lib/media/library';
import { useFormAction } from '@/components/use-form-action';
import { createNewsletterAction, updateNewsletterAction } from './actions';
import { Branding } from './branding-fields';
import { FooterLinksField, type FooterLink } from './footer-links-field';
import { Counting } from './counting-fields';
import { CheckboxSetting, Section, type Errors } from './form-section';

export type NewsletterFormValues = {
  id?: number;
  name: string;
  slug: string;
  description: string;
  organisation: string;
  senderName: string;
  senderEmail: string;
  replyTo: string | null;
  listIdDomain: string | null;
  brandColor: string;
  logoUrl: string | null;
  logoAlt: string | null;
  logoMediaId: number | null;
  privacyUrl: string | null;
  fourEyes: boolean;
  clickTracking: boolean;
  openTracking: boolean;
  titlePattern: string;
  footerText: string;
  contactLine: string;
  postalAddress: string;
  reasonLine: string;
  footerLinks: FooterLink[];
  unsubscribeLabel: string;
  preferencesLabel: string;
};

export const FOOTER_LINK_ROWS = 6;

function General({
  v,
  e,
  slugLocked,
}: {
  v: NewsletterFormValues;
  e: Errors;
  slugLocked: boolean;
}) {
  return (
    <Section id="algemeen" title="Algemeen">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Naam" name="name" required defaultValue={v.name} error={e?.name} />
        <TextField
          label="Korte naam in het webadres"
          name="slug"
          required
          defaultValue={v.slug}
          readOnly={slugLocked}
          hint={
            slugLocked
              ? 'Vast: er zijn al nummers verzonden, en hun archiefadressen gebruiken deze naam.'
              : 'Kleine letters, cijfers en streepjes; komt in /archief/... en /aanmelden/...'
          }
          error={e?.slug}
        />
        <TextField
          label="Organisatie"
          name="organisation"
          required
          defaultValue={v.organisation}
          hint="Staat op de openbare pagina's in plaats van Kopij."
          error={e?.organisation}
        />
        <TextField
          label="Titel van een nummer"
          name="titlePattern"
          required
          defaultValue={v.titlePattern}
          hint="Met {nummer} en eventueel {naam}, zoals {naam} {nummer}."
          error={e?.titlePattern}
        />
      </div>
      <TextAreaField
        label="Beschrijving"
        name="description"
        rows={3}
        defaultValue={v.description}
        hint="Staat op de aanmeldpagina onder de naam."
        error={e?.description}
      />
    </Section>
  );
}

function Sender({ v, e }: { v: NewsletterFormValues; e: Errors }) {
  return (
    <Section id="afzender" title="Afzender">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Afzendernaam"
          name="senderName"
          required
          defaultValue={v.senderName}
          error={e?.senderName}
        />
        <TextField
          label="Afzenderadres"
          name="senderEmail"
          type="email"
          required
          defaultValue={v.senderEmail}
          hint="Op het domein van uw organisatie, niet bij een gratis maildienst."
          error={e?.senderEmail}
        />
        <TextField
          label="Antwoordadres (Reply-To)"
          name="replyTo"
          type="email"
          defaultValue={v.replyTo ?? ''}
          error={e?.replyTo}
        />
        <TextField
          label="List-Id-domein"
          name="listIdDomain"
          defaultValue={v.listIdDomain ?? ''}
          hint="Leeg: het domein van Kopij. Liefst een domein van uw organisatie."
          error={e?.listIdDomain}
        />
      </div>
    </Section>
  );
}

function Footer({ v, e }: { v: NewsletterFormValues; e: Errors }) {
  return (
    <Section id="voettekst" title="Voettekst">
      <TextAreaField
        label="Voettekst"
        name="footerText"
        rows={2}
        defaultValue={v.footerText}
        error={e?.footerText}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Contactregel"
          name="contactLine"
          defaultValue={v.contactLine}
          error={e?.contactLine}
        />
        <TextField
          label="Postadres"
          name="postalAddress"
          defaultValue={v.postalAddress}
          error={e?.postalAddress}
        />
      </div>
      <TextField
        label="Waarom de lezer deze e-mail krijgt"
        name="reasonLine"
        defaultValue={v.reasonLine}
        hint="Bijvoorbeeld: U ontvangt deze e-mail omdat u zich heeft aangemeld voor ..."
        error={e?.reasonLine}
      />
      <FooterLinksField links={v.footerLinks} rows={FOOTER_LINK_ROWS} errors={e} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Tekst van de afmeldlink"
          name="unsubscribeLabel"
          required
          defaultValue={v.unsubscribeLabel}
          error={e?.unsubscribeLabel}
        />
        <TextField
          label="Tekst van de voorkeurenlink"
          name="preferencesLabel"
          required
          defaultValue={v.preferencesLabel}
          error={e?.preferencesLabel}
        />
        <TextField
          label="Privacyverklaring (webadres)"
          name="privacyUrl"
          inputMode="url"
          defaultValue={v.privacyUrl ?? ''}
          error={e?.privacyUrl}
        />
      </div>
    </Section>
  );
}

function Process({ v }: { v: NewsletterFormValues }) {
  return (
    <Section id="redactieproces" title="Redactieproces">
      <CheckboxSetting
        name="fourEyes"
        label="Vier-ogenprincipe"
        defaultChecked={v.fourEyes}
        hint={<p>Wie een nummer het laatst heeft gewijzigd, mag het niet zelf goedkeuren.</p>}
      />
    </Section>
  );
}

/** The settings of a new or an existing newsletter, in the fieldsets of the edit screen. */
export function NewsletterForm({
  values,
  slugLocked = false,
  images = [],
}: {
  values: NewsletterFormValues;
  slugLocked?: boolean;
  /** The newsletter's media library, for the logo. */
  images?: ImageChoice[];
}) {
  const editing = values.id !== undefined;
  const { state, formAction, onSubmit } = useFormAction(
    editing ? updateNewsletterAction : createNewsletterAction,
  );
  const e = state.fieldErrors;
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-6"
      aria-label="Instellingen van de nieuwsbrief"
    >
      {editing ? <input type="hidden" name="id" value={values.id} /> : null}
      <FormMessage state={state} />
      <General v={values} e={e} slugLocked={slugLocked} />
      <Sender v={values} e={e} />
      <Branding v={values} e={e} images={images} />
      <Footer v={values} e={e} />
      <Process v={values} />
      <Counting v={values} />
      <SubmitButton pendingText="Opslaan...">
        {editing ? 'Instellingen opslaan' : 'Nieuwsbrief aanmaken'}
      </SubmitButton>
    </form>
  );
}
