import type { Metadata } from 'next';
import { HydrationMarker } from '@/components/hydration-marker';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kopij', template: '%s · Kopij' },
  description: 'Kopij: nieuwsbrieven voor publieke organisaties, van redactie tot archief.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="nl">
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#inhoud"
          className="sr-only focus:not-sr-only focus:absolute focus:top-4 focus:left-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
        >
          Naar de inhoud
        </a>
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}
