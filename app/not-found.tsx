import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="inhoud" className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-bold">Pagina niet gevonden</h1>
      <p className="mt-2 text-muted">
        Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.
      </p>
      <p className="mt-6">
        <Link href="/">Naar de startpagina</Link>
      </p>
    </main>
  );
}
