import { archiveMetadata, ArchiveView, type Search } from './archive-view';

// Searches are rendered per request; a plain list is rewritten by the proxy to the cached
// `lijst/[filter]` page (lib/archive/list-key.ts), so this only renders lists when called directly.
export const dynamic = 'force-dynamic';
export const metadata = archiveMetadata;

export default async function ArchivePage({ searchParams }: { searchParams: Promise<Search> }) {
  return <ArchiveView query={await searchParams} />;
}
