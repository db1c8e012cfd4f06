import type { Metadata } from 'next';
import { getConfig } from '@/lib/config';
import { safeCallbackUrl } from './callback-url';
import { SignInForm } from './sign-in-form';
import { SsoButton } from './sso-button';

export const metadata: Metadata = { title: 'Inloggen' };

// Auth.js sends its errors here as ?error=...; the rest mean "something went wrong, try again".
const errors: Record<string, string> = {
  Verification: 'Deze inloglink is verlopen of al gebruikt. Vraag hieronder een nieuwe link aan.',
  AccessDenied:
    'Inloggen is niet gelukt. Vraag hieronder een nieuwe link aan, of neem contact op met een beheerder.',
  // One message for every reason (unknown address, unverified address, deactivated editor), so
  // the page reveals no more about an address than the mailed link does.
  SsoDenied:
    'Inloggen met uw organisatieaccount is niet gelukt. Alleen redacteuren die een beheerder heeft toegevoegd kunnen inloggen, met een e-mailadres dat uw organisatie heeft bevestigd. Neem contact op met een beheerder, of vraag hieronder een inloglink aan.',
  SsoUnavailable:
    'Het inlogscherm van uw organisatie is nu niet bereikbaar. Probeer het over een paar minuten opnieuw, of vraag hieronder een inloglink aan.',
  OAuthCallbackError:
    'Inloggen bij uw organisatie is afgebroken of niet gelukt. Probeer het opnieuw, of vraag hieronder een inloglink aan.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const sso = getConfig().oidc;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const error =
    typeof params.error === 'string'
      ? (errors[params.error] ?? 'Inloggen is niet gelukt. Probeer het opnieuw.')
      : null;
  return (
    <main id="inhoud" className="mx-auto max-w-md px-6 py-16">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Kopij</p>
      <h1 className="mt-2 text-2xl font-bold">Inloggen voor de redactie</h1>
      <p className="mt-2 text-muted">
        {sso
          ? 'Log in met het account van uw organisatie, of vraag een inloglink aan voor het e-mailadres waarmee een beheerder u heeft toegevoegd.'
          : 'Vul het e-mailadres in waarmee een beheerder u heeft toegevoegd.'}
      </p>
      {error ? (
        <p
          role="alert"
          className="mt-6 rounded-md border border-red-300 bg-danger-50 px-4 py-3 text-sm font-semibold text-danger"
        >
          {error}
        </p>
      ) : null}
      {sso ? (
        <div className="mt-6 border-b border-line pb-6">
          <SsoButton name={sso.name} callbackUrl={callbackUrl} />
        </div>
      ) : null}
      <div className="mt-6">
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
