import Link from 'next/link';
import { signOut } from '@/auth';
import { Badge } from '@/components/status-badge';
import { requireEditor } from '@/lib/auth/guard';
import { hasRole, roleLabels } from '@/lib/auth/roles';

export default async function EditorLayout({ children }: { children: React.ReactNode }) {
  const editor = await requireEditor();
  const links = [
    { href: '/redactie', label: 'Overzicht' },
    { href: '/redactie/nummers', label: 'Nummers' },
    { href: '/redactie/items', label: 'Items' },
    { href: '/redactie/media', label: 'Media' },
    { href: '/redactie/abonnees', label: 'Abonnees' },
    { href: '/redactie/statistieken', label: 'Statistieken' },
    ...(hasRole(editor.role, 'admin')
      ? [
          { href: '/redactie/nieuwsbrieven', label: 'Nieuwsbrieven' },
          { href: '/redactie/blokken', label: 'Blokken' },
          { href: '/redactie/logboek', label: 'Logboek' },
          { href: '/redactie/instellingen', label: 'Instellingen' },
        ]
      : []),
  ];
  async function logout() {
    'use server';
    await signOut({ redirectTo: '/inloggen' });
  }
  return (
    <div className="group min-h-screen">
      {/* A printed page (the quarterly report) is its content, without the redactie's chrome. */}
      <header className="border-b border-line bg-white print:hidden">
        {/* Two rows at every width: who is signed in beside the name, the sections below it. Ten
            sections for an admin fill a row of their own from 1024 px on. */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-6 py-3 group-has-[[data-wide]]:max-w-[120rem]">
          <Link href="/redactie" className="text-lg font-bold text-brand-700 no-underline">
            Kopij <span className="font-normal text-muted">redactie</span>
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <span>
              {editor.name ?? editor.email} <Badge tone="info">{roleLabels[editor.role]}</Badge>
            </span>
            <form action={logout}>
              <button type="submit" className="font-semibold text-brand-700 underline">
                Uitloggen
              </button>
            </form>
          </div>
          <nav aria-label="Redactie" className="basis-full">
            <ul className="flex flex-wrap gap-x-3 gap-y-1 xl:gap-x-5">
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="font-semibold">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main
        id="inhoud"
        className="mx-auto max-w-6xl px-6 py-8 group-has-[[data-wide]]:max-w-[120rem]"
      >
        {children}
      </main>
    </div>
  );
}
