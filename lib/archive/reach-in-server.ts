import type { IncomingMessage } from 'node:http';
import { webHeaders } from '@/lib/http/node-request';
import { countReach } from './reach-count';
import { reachEvent } from './reach-request';

/**
 * Counts an archive view or search as the web server (scripts/serve.ts) receives the request,
 * before Next and its page cache. Counting in Next's proxy cost every archive page a proxy run
 * (a third of its requests per second in bench/archive-page.bench.ts); here it is a regular
 * expression and a Map.
 */
export function countArchiveRequest(request: IncomingMessage) {
  const url = request.url ?? '/';
  if (!url.startsWith('/archief')) return;
  const { pathname, searchParams } = new URL(url, 'http://kopij.invalid');
  const event = reachEvent({
    method: request.method ?? 'GET',
    pathname,
    searchParams,
    headers: webHeaders(request),
  });
  if (event) countReach(event);
}
