import Link from 'next/link';

// The subscriber pages: plain, readable, no navigation to get lost in.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-line bg-white">
        <div className="mx-auto max-w-2xl px-6 py-4">
          <Link href="/" className="font-semibold text-brand-700">
            Kopij
          </Link>
        </div>
      </header>
      <main id="inhoud" className="mx-auto max-w-2xl px-6 py-10">
        {children}
      </main>
    </>
  );
}
