'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The newsletter's screens as tabs; the one shown is marked for screen readers too. */
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
  return (
    <nav aria-label="Onderdelen van de nieuwsbrief" className="mb-6 border-b border-line">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? 'page' : undefined}
              className={`-mb-px inline-block border-b-2 px-4 py-2 font-semibold no-underline ${
                tab.current
                  ? 'border-brand-700 text-brand-700'
                  : 'border-transparent text-ink hover:border-line'
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
