import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { requireEditor } from '@/lib/auth/guard';
import { DEFAULT_TITLE_PATTERN } from '@/lib/newsletters/title';
import { NewsletterForm, type NewsletterFormValues } from '../newsletter-form';

export const metadata: Metadata = { title: 'Nieuwe nieuwsbrief' };

// The database's own defaults, so a new newsletter starts as one made any other way would.
const blank: NewsletterFormValues = {
  name: '',
  slug: '',
  description: '',
  organisation: '',
  senderName: '',
  senderEmail: '',
  replyTo: null,
  listIdDomain: null,
  brandColor: '#1d4f91',
  logoUrl: null,
  logoAlt: null,
  logoMediaId: null,
  privacyUrl: null,
  fourEyes: true,
  clickTracking: true,
  openTracking: false,
  titlePattern: DEFAULT_TITLE_PATTERN,
  footerText: '',
  contactLine: '',
  postalAddress: '',
  reasonLine: '',
  footerLinks: [],
  unsubscribeLabel: 'Afmelden',
  preferencesLabel: 'Gegevens wijzigen',
};

export default async function NewNewsletterPage() {
  await requireEditor('admin', '/redactie/nieuwsbrieven/nieuw');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/redactie/nieuwsbrieven">Alle nieuwsbrieven</Link>
      </p>
      <PageHeader
        title="Nieuwe nieuwsbrief"
        description="Na het aanmaken voegt u thema's, systeemmails en vaste blokken toe."
      />
      <NewsletterForm values={blank} />
    </>
  );
}
