import { db } from '@/db';
import { getConfig } from '@/lib/config';
import { renditionResponse } from '@/lib/media/serve';

export const dynamic = 'force-dynamic';

/** An image rendition at its content-hashed URL (lib/media/serve.ts). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return renditionResponse(db(), getConfig().dataDir, file);
}
