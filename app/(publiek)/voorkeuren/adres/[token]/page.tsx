import type { Metadata } from 'next';
import { Button } from '@/components/button';
import { newsletterById, preferencesOf } from '@/lib/subscribers/public-queries';
import { checkLink } from '@/lib/subscribers/verify';
import { LinkProblem, personalPageMetadata } from '../../../link-problem';

export const metadata: Metadata = { title: 'Nieuw adres bevestigen', ...personalPageMetadata };
export const dynamic = 'force-dynamic';

export default async function ConfirmAddressPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const check = checkLink('email', token);
  if (!check.ok) return <LinkProblem check={check} />;
  const newsletter = newsletterById(check.claims.newsletterId);
  const current = preferencesOf(check.claims);
  if (!newsletter || !current?.pendingEmail)
    return <LinkProblem check={{ ok: false, reason: 'revoked' }} />;
  return (
    <>
      <h1 className="text-2xl font-bold">Nieuw adres bevestigen</h1>
      <p className="mt-4">
        Wilt u {newsletter.name} voortaan ontvangen op {current.pendingEmail}?
      </p>
      <form method="post" className="mt-6">
        <Button type="submit">Ja, gebruik dit adres</Button>
      </form>
    </>
  );
}
