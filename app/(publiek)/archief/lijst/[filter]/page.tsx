import { notFound } from 'next/navigation';
import { listFilterOf } from '@/lib/archive/list-key';
import { archiveMetadata, ArchiveView } from '../../archive-view';

// One cached page per theme, year and page of the list; refreshed when an issue is sent or
// corrected (lib/archive/paths.ts). None at build time: the build has no database.
export const revalidate = false;
export const metadata = archiveMetadata;
export function generateStaticParams(): { filter: string }[] {
  return [];
}

export default async function CachedArchiveList({
  params,
}: {
  params: Promise<{ filter: string }>;
}) {
  const query = listFilterOf((await params).filter);
  if (!query) notFound();
  return <ArchiveView query={query} />;
}
