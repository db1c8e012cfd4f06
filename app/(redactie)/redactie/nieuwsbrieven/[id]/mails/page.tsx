import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { Badge } from '@/components/status-badge';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { mailTextSettings } from '@/lib/newsletters/mail-text-store';
import { mailTextDefinitions, mailTextKinds } from '@/lib/newsletters/mail-texts';
import { newsletterIdOf } from '@/lib/newsletters/queries';
import { MailTextEditor } from './mail-text-editor';
import { WelcomeSwitch } from './welcome-switch';

export const metadata: Metadata = { title: 'Systeemmails' };

export default async function MailTextsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditor('admin', `/redactie/nieuwsbrieven/${id}/mails`);
  const newsletterId = newsletterIdOf(id);
  const settings = newsletterId ? mailTextSettings(db(), newsletterId) : undefined;
  if (!settings) notFound();
  return (
    <>
      <PageHeader
        title={`Systeemmails van ${settings.name}`}
        description="De mails die een lezer krijgt bij het aanmelden, in de woorden van deze nieuwsbrief. Ze komen van de afzender van de nieuwsbrief."
      />
      <section
        aria-labelledby="welkom-aan-uit"
        className="mb-8 rounded-lg border border-line bg-white p-6"
      >
        <h2 id="welkom-aan-uit" className="text-lg font-bold">
          Welkomstmail
        </h2>
        <div className="mt-4">
          <WelcomeSwitch newsletterId={settings.id} on={settings.welcomeMail} />
        </div>
      </section>
      {mailTextKinds.map((kind) => {
        const definition = mailTextDefinitions[kind];
        const { text, edited } = settings.texts[kind];
        return (
          <section
            key={kind}
            aria-labelledby={`mail-${kind}`}
            className="mb-8 rounded-lg border border-line bg-white p-6"
          >
            <div className="flex flex-wrap items-center gap-2">
              <h2 id={`mail-${kind}`} className="text-lg font-bold">
                {definition.label}
              </h2>
              {edited ? <Badge tone="info">Aangepast</Badge> : <Badge>Standaardtekst</Badge>}
            </div>
            <p className="mt-1 mb-4 text-sm text-muted">{definition.when}</p>
            <MailTextEditor newsletterId={settings.id} kind={kind} text={text} edited={edited} />
          </section>
        );
      })}
    </>
  );
}
