import type { Metadata } from 'next';
import { buttonClass } from '@/components/button';
import { safeCallbackUrl } from '../callback-url';

export const metadata: Metadata = { title: 'Inloggen bevestigen', robots: { index: false } };

/**
 * The mailed link lands here, not on the one-time callback itself: link scanners in mail
 * gateways open every link, and only a person presses the button.
 */
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : '';
  const email = typeof params.email === 'string' ? params.email : '';
  if (!/^[a-f0-9]{16,128}$/.test(token) || !email.includes('@')) {
    return (
      <main id="inhoud" className="mx-auto max-w-md px-6 py-16">
        <h1 className="text-2xl font-bold">Deze inloglink is onvolledig</h1>
        <p className="mt-4">
          Kopieer het hele adres uit de e-mail, of <a href="/inloggen">vraag een nieuwe link aan</a>
          .
        </p>
      </main>
    );
  }
  return (
    <main id="inhoud" className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Inloggen bij Kopij</h1>
      <p className="mt-4">
        U logt in als <strong>{email}</strong>.
      </p>
      <form method="get" action="/api/auth/callback/nodemailer" className="mt-6">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={safeCallbackUrl(params.callbackUrl)} />
        <button type="submit" className={buttonClass()}>
          Inloggen
        </button>
      </form>
    </main>
  );
}
