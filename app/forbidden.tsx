import Link from 'next/link';

export default function Forbidden() {
  return (
    <main id="inhoud" className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-bold">Geen toegang</h1>
      <p className="mt-2 text-muted">
        Uw rol geeft geen toegang tot deze pagina. Vraag een beheerder als u denkt dat dit niet
        klopt.
      </p>
      <p className="mt-6">
        <Link href="/redactie">Naar het overzicht</Link>
      </p>
    </main>
  );
}
