import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '@/lib/test/temp-dir';
import { metrics } from './metrics';
import { loadRoutes, observeRequest } from './requests';

let out: string[];
beforeEach(() => {
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((line) => (out.push(String(line)), true));
  const dir = tempDir('kopij-requests');
  fs.writeFileSync(
    path.join(dir, 'routes-manifest.json'),
    JSON.stringify({
      staticRoutes: [],
      dynamicRoutes: [{ page: '/afmelden/[token]', regex: '^/afmelden/([^/]+?)(?:/)?$' }],
    }),
  );
  loadRoutes(dir);
});
afterEach(() => vi.restoreAllMocks());

describe('observeRequest', () => {
  it('counts the request by method, route pattern and status, and times it', async () => {
    for (const token of ['aaa', 'bbb', 'ccc'])
      observeRequest({
        method: 'POST',
        path: `/afmelden/${token}`,
        status: 303,
        durationMs: 12,
        requestId: 'r',
      });
    const text = await metrics().registry.metrics();
    expect(text).toContain(
      'kopij_http_requests_total{method="POST",route="/afmelden/[token]",status="303"} 3',
    );
    expect(text).toContain(
      'kopij_http_request_duration_seconds_bucket{le="0.025",method="POST",route="/afmelden/[token]",status="303"} 3',
    );
    expect(text).not.toMatch(/aaa|bbb|ccc/);
  });

  it('writes one access log line with the route, never the raw path', () => {
    observeRequest({
      method: 'GET',
      path: '/afmelden/geheim-token',
      status: 200,
      durationMs: 3.14159,
      requestId: 'req-9',
    });
    expect(out.map((l) => JSON.parse(l))).toEqual([
      {
        time: expect.any(String),
        level: 'info',
        msg: 'request',
        requestId: 'req-9',
        method: 'GET',
        route: '/afmelden/[token]',
        status: 200,
        ms: 3.1,
      },
    ]);
  });
});
