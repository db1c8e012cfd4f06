import type { Metadata } from 'next';
import { HydrationMarker } from '@/components/hydration-marker';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kopij', template: '%s · Kopij' },
  description: 'Kopij: nieuwsbrieven voor publieke organisaties, van redactie tot archief.',
  // Static files live in public/: the favicon beside the default logo and other assets.
  icons: { icon: { url: '/favicon.svg', type: 'image/svg+xml' } },
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
