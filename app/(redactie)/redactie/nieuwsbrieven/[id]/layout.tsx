import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge } from '@/components/status-badge';
import { requireEditor } from '@/lib/auth/guard';
import { getNewsletter, newsletterIdOf } from '@/lib/newsletters/queries';
import { NewsletterTabs } from './newsletter-tabs';

// Shared by the newsletter's tabs (settings, themes, system mails): where you are, and the tabs.
export default async function NewsletterLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id: raw } = await params;
  await requireEditor('admin', `/redactie/nieuwsbrieven/${encodeURIComponent(raw)}`);
  const id = newsletterIdOf(raw);
  const newsletter = id === undefined ? undefined : getNewsletter(id);
  if (!newsletter) notFound();
  return (
    <>
      <p className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <Link href="/redactie/nieuwsbrieven">Alle nieuwsbrieven</Link>
        <span aria-hidden="true">›</span>
        <span>{newsletter.name}</span>
        {newsletter.archivedAt ? <Badge>Gearchiveerd</Badge> : null}
      </p>
      <NewsletterTabs id={newsletter.id} slug={newsletter.slug} />
      {children}
    </>
  );
}
