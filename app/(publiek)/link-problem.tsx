import type { TokenCheck } from '@/lib/subscribers/tokens';
import { FreshLinkForm } from './fresh-link-form';

/** What a broken, expired or revoked personal link shows: no error code, a way forward. */
export function LinkProblem({ check }: { check: Extract<TokenCheck, { ok: false }> }) {
  const expired = check.reason === 'expired' || check.reason === 'revoked';
  return (
    <>
      <h1 className="text-2xl font-bold">
        {expired ? 'Deze link werkt niet meer' : 'Deze link klopt niet'}
      </h1>
      <p className="mt-4">
        {expired
          ? 'De link is verlopen of vervangen door een nieuwere. Dat is voor uw veiligheid.'
          : 'Misschien is de link niet helemaal meegekomen toen u hem opende of kopieerde.'}{' '}
        Vul uw e-mailadres in, dan sturen we u een nieuwe link.
      </p>
      <FreshLinkForm />
    </>
  );
}

/** Personal pages carry a token in the address: keep them out of search engines and Referer headers. */
export const personalPageMetadata = {
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
} as const;
