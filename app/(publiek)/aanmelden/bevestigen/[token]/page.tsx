import type { Metadata } from 'next';
import { Button } from '@/components/button';
import { newsletterById, subscriptionStatusOf } from '@/lib/subscribers/public-queries';
import { checkLink } from '@/lib/subscribers/verify';
import { LinkProblem, personalPageMetadata } from '../../../link-problem';

export const metadata: Metadata = { title: 'Aanmelding bevestigen', ...personalPageMetadata };
export const dynamic = 'force-dynamic';

// Opening the link changes nothing: mail scanners open every link. Only the button confirms.
export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const check = checkLink('confirm', token);
  if (!check.ok) return <LinkProblem check={check} />;
  const newsletter = newsletterById(check.claims.newsletterId);
  const subscription = subscriptionStatusOf(check.claims);
  if (!newsletter || !subscription) return <LinkProblem check={{ ok: false, reason: 'revoked' }} />;
  const active = subscription.status === 'active' || subscription.status === 'paused';

  return (
    <>
      <h1 className="text-2xl font-bold">Aanmelding bevestigen</h1>
      {active ? (
        <p className="mt-4">
          U bent al aangemeld voor {newsletter.name}. U hoeft niets meer te doen.
        </p>
      ) : (
        <>
          <p className="mt-4">Bevestig dat u {newsletter.name} wilt ontvangen op dit adres.</p>
          <form method="post" className="mt-6">
            <Button type="submit">Ja, ik wil de nieuwsbrief ontvangen</Button>
          </form>
        </>
      )}
    </>
  );
}
