import type { Metadata } from 'next';
import { safeCallbackUrl } from './callback-url';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Inloggen' };

// Auth.js sends its errors here as ?error=...; the rest mean "something went wrong, try again".
const errors: Record<string, string> = {
  Verification: 'Deze inloglink is verlopen of al gebruikt. Vraag hieronder een nieuwe link aan.',
  AccessDenied:
    'Inloggen is niet gelukt. Vraag hieronder een nieuwe link aan, of neem contact op met een beheerder.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const error =
    typeof params.error === 'string'
      ? (errors[params.error] ?? 'Inloggen is niet gelukt. Probeer het opnieuw.')
      : null;
  return (
    <main id="inhoud" className="mx-auto max-w-md px-6 py-16">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Kopij</p>
      <h1 className="mt-2 text-2xl font-bold">Inloggen voor de redactie</h1>
      <p className="mt-2 text-muted">
        Vul het e-mailadres in waarmee een beheerder u heeft toegevoegd.
      </p>
      {error ? (
        <p
          role="alert"
          className="mt-6 rounded-md border border-red-300 bg-danger-50 px-4 py-3 text-sm font-semibold text-danger"
        >
          {error}
        </p>
      ) : null}
      <div className="mt-6">
        <SignInForm callbackUrl={safeCallbackUrl(params.callbackUrl)} />
      </div>
    </main>
  );
}
