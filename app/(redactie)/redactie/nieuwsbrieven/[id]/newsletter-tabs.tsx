'use client';

import { usePathname } from 'next/navigation';
import { Tabs } from '@/components/tabs';

/** The newsletter's screens as tabs (the current one from the address). */
export function NewsletterTabs({ id, slug }: { id: number; slug: string }) {
  const pathname = usePathname();
  const base = `/redactie/nieuwsbrieven/${id}`;
  const tabs = [
    { href: base, label: 'Instellingen', current: pathname === base },
    { href: `${base}/themas`, label: "Thema's", current: pathname.startsWith(`${base}/themas`) },
    { href: `${base}/mails`, label: 'Systeemmails', current: pathname.startsWith(`${base}/mails`) },
    {
      href: `/redactie/blokken?nieuwsbrief=${encodeURIComponent(slug)}`,
      label: 'Blokken',
      current: false,
    },
  ];
  return <Tabs label="Onderdelen van de nieuwsbrief" tabs={tabs} />;
}
