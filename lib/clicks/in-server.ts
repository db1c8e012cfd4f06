import type { IncomingMessage, ServerResponse } from 'node:http';
import { webHeaders } from '@/lib/http/node-request';
import { appClicks } from './app-counter';
import { answerClick } from './redirect';

// The web server (scripts/serve.ts) answers counted links itself, before Next: a redirect is
// one HMAC and one indexed read, and Next's routing around it cost more than the answer. Under
// 50 connections on two cores that was the difference between a p99 of about 100 ms (as slow
// as /api/health) and one under 20 (bench/click-redirect.bench.ts). Same answer as the route in
// app/k, which stays for `next dev`: both call answerClick with the same counter.

const CLICK_PATH = /^\/k\/([^/?#]+)\/([^/?#]+)$/;

/** Answers a GET or HEAD on /k/<issue>/<link>; false (and nothing written) for anything else. */
export function answerClickInServer(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const match = CLICK_PATH.exec((request.url ?? '').split('?')[0]!);
  if (!match) return false;
  const answer = answerClick(
    { method: request.method, headers: webHeaders(request) },
    { issue: match[1]!, link: match[2]! },
    appClicks(),
  );
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (request.method === 'HEAD' || answer.status === 302) response.end();
  else void answer.text().then((body) => response.end(body));
  return true;
}
