import type { Metadata } from 'next';
import Link from 'next/link';
import { publicSiteName } from '@/lib/newsletters/public-name';

// The subscriber pages: plain, readable, no navigation to get lost in. They carry the
// organisation's name (lib/newsletters/public-name.ts), not Kopij's. So every page under here
// must be rendered at request time (`dynamic = 'force-dynamic'`) or cached at run time
// (generateStaticParams returning none): the build has no database to read the name from.

export function generateMetadata(): Metadata {
  const name = publicSiteName();
  return { title: { default: name, template: `%s · ${name}` } };
}

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-line bg-white">
        <div className="mx-auto max-w-2xl px-6 py-4">
          <Link href="/" className="font-semibold text-brand-700">
            {publicSiteName()}
          </Link>
        </div>
      </header>
      <main id="inhoud" className="mx-auto max-w-2xl px-6 py-10">
        {children}
      </main>
    </>
  );
}
