'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { idle } from '@/lib/action-state';
import { archiveNewsletterAction, restoreNewsletterAction } from '../actions';

/** Archive behind a confirmation that says what it does (it works without JavaScript too). */
export function ArchiveSection({
  id,
  name,
  archived,
}: {
  id: number;
  name: string;
  archived: boolean;
}) {
  const [state, action] = useActionState(
    archived ? restoreNewsletterAction : archiveNewsletterAction,
    idle,
  );
  return (
    <section
      aria-labelledby="archiveren"
      className="mt-8 rounded-lg border border-line bg-white p-6"
    >
      <h2 id="archiveren" className="text-lg font-bold">
        {archived ? 'Terugzetten' : 'Archiveren'}
      </h2>
      <FormMessage state={state} />
      {archived ? (
        <form action={action} className="mt-2 space-y-3">
          <p className="text-sm text-muted">
            {name} is gearchiveerd. Teruggezet kan de redactie er weer nummers van maken en kunnen
            lezers zich weer aanmelden.
          </p>
          <input type="hidden" name="id" value={id} />
          <SubmitButton variant="secondary" pendingText="Terugzetten...">
            {name} terugzetten
          </SubmitButton>
        </form>
      ) : (
        <details className="mt-2">
          <summary className="cursor-pointer font-semibold text-brand-700">
            {name} archiveren...
          </summary>
          <form action={action} className="mt-3 space-y-3">
            <p className="text-sm">
              Het archief en de abonnees blijven bewaard, maar er komen geen nieuwe nummers of
              aanmeldingen meer bij. U kunt de nieuwsbrief later terugzetten.
            </p>
            <input type="hidden" name="id" value={id} />
            <SubmitButton variant="danger" pendingText="Archiveren...">
              Ja, archiveer {name}
            </SubmitButton>
          </form>
        </details>
      )}
    </section>
  );
}
