import type { Metadata } from 'next';
import { FreshLinkForm } from '../fresh-link-form';

export const metadata: Metadata = { title: 'Nieuwe link aanvragen' };
// The layout names the organisation from the database, which the build does not have.
export const dynamic = 'force-dynamic';

export default function FreshLinkPage() {
  return (
    <>
      <h1 className="text-2xl font-bold">Nieuwe link aanvragen</h1>
      <p className="mt-4">
        Wilt u uw voorkeuren wijzigen, maar heeft u geen mail met een werkende link bij de hand? Vul
        uw adres in. Staat het bij ons als abonnee, dan sturen we er een nieuwe link naartoe.
      </p>
      <FreshLinkForm />
    </>
  );
}
