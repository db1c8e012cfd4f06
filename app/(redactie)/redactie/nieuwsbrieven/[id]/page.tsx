import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmbedSnippet } from '@/components/embed-snippet';
import { PageHeader } from '@/components/page-header';
import { PageNotice } from '@/components/page-notice';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { imageChoices } from '@/lib/media/library';
import { getNewsletter, newsletterIdOf } from '@/lib/newsletters/queries';
import { hasSentIssue } from '@/lib/newsletters/service';
import { NewsletterForm, type NewsletterFormValues } from '../newsletter-form';
import { ArchiveSection } from './archive-section';

export const metadata: Metadata = { title: 'Nieuwsbrief instellen' };

type Newsletter = NonNullable<ReturnType<typeof getNewsletter>>;

/** Only what the form shows goes to the browser (not the test addresses or mail texts). */
function formValues(n: Newsletter): NewsletterFormValues {
  const { id, name, slug, description, organisation, senderName, senderEmail, replyTo } = n;
  const { listIdDomain, brandColor, logoUrl, logoAlt, logoMediaId, privacyUrl } = n;
  const { fourEyes, clickTracking, openTracking, titlePattern } = n;
  const { footerText, contactLine, postalAddress, reasonLine, footerLinks } = n;
  const { unsubscribeLabel, preferencesLabel } = n;
  return {
    ...{ id, name, slug, description, organisation, senderName, senderEmail, replyTo },
    ...{ listIdDomain, brandColor, logoUrl, logoAlt, logoMediaId, privacyUrl },
    ...{ fourEyes, clickTracking, openTracking, titlePattern },
    ...{ footerText, contactLine, postalAddress, reasonLine, footerLinks },
    ...{ unsubscribeLabel, preferencesLabel },
  };
}

export default async function NewsletterPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id: raw } = await params;
  await requireEditor('admin', `/redactie/nieuwsbrieven/${encodeURIComponent(raw)}`);
  const id = newsletterIdOf(raw);
  const newsletter = id === undefined ? undefined : getNewsletter(id);
  if (!newsletter) notFound();
  const created = (await searchParams).aangemaakt === '1';
  const themes = `/redactie/nieuwsbrieven/${newsletter.id}/themas`;
  return (
    <>
      {created ? (
        <PageNotice>
          {newsletter.name} is aangemaakt. Voeg nu de <Link href={themes}>thema&apos;s</Link> toe
          waarop lezers zich kunnen aanmelden.
        </PageNotice>
      ) : null}
      <PageHeader
        title={`Instellingen van ${newsletter.name}`}
        description="Naam, afzender, huisstijl, voettekst, redactieproces en wat Kopij telt van deze nieuwsbrief."
      />
      <NewsletterForm
        values={formValues(newsletter)}
        slugLocked={hasSentIssue(db(), newsletter.id)}
        images={imageChoices(db(), [newsletter.id])}
      />
      {/* The snippet's own section carries the heading. */}
      <div className="mt-8 rounded-lg border border-line bg-white p-6">
        <EmbedSnippet newsletterSlug={newsletter.slug} />
      </div>
      <ArchiveSection
        id={newsletter.id}
        name={newsletter.name}
        archived={newsletter.archivedAt !== null}
      />
    </>
  );
}
