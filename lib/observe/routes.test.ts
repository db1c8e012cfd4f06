import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@/lib/test/temp-dir';
import { OTHER_ROUTE, readRoutes, routeLabel, routesFromManifest } from './routes';

// The shape Next writes to .next/routes-manifest.json (a few of Kopij's own routes).
const manifest = {
  staticRoutes: [
    { page: '/', regex: '^/(?:/)?$' },
    { page: '/archief', regex: '^/archief(?:/)?$' },
    { page: '/redactie/items/nieuw', regex: '^/redactie/items/nieuw(?:/)?$' },
    { page: '/api/health', regex: '^/api/health(?:/)?$' },
  ],
  dynamicRoutes: [
    { page: '/voorkeuren/[token]', regex: '^/voorkeuren/([^/]+?)(?:/)?$' },
    { page: '/redactie/items/[id]', regex: '^/redactie/items/([^/]+?)(?:/)?$' },
    { page: '/archief/[nieuwsbrief]/[nummer]', regex: '^/archief/([^/]+?)/([^/]+?)(?:/)?$' },
    { page: '/api/auth/[...nextauth]', regex: '^/api/auth/(.+?)(?:/)?$' },
  ],
};
const routes = routesFromManifest(manifest);

describe('routeLabel', () => {
  it('labels a path with its route pattern, never with the tokens or ids in it', () => {
    expect(routeLabel(routes, '/')).toBe('/');
    expect(routeLabel(routes, '/archief/')).toBe('/archief');
    expect(routeLabel(routes, '/voorkeuren/eyJhbGciOi.geheim')).toBe('/voorkeuren/[token]');
    expect(routeLabel(routes, '/archief/raadsbrief/12-begroting')).toBe(
      '/archief/[nieuwsbrief]/[nummer]',
    );
    expect(routeLabel(routes, '/api/auth/callback/nodemailer')).toBe('/api/auth/[...nextauth]');
  });

  it('prefers a static route over a dynamic one that also matches', () => {
    expect(routeLabel(routes, '/redactie/items/nieuw')).toBe('/redactie/items/nieuw');
    expect(routeLabel(routes, '/redactie/items/42')).toBe('/redactie/items/[id]');
  });

  it('labels client navigation data like its page, and Next files by kind', () => {
    expect(routeLabel(routes, '/archief.rsc')).toBe('/archief');
    expect(routeLabel(routes, '/redactie/items/42.segments/_tree.segment.rsc')).toBe(
      '/redactie/items/[id]',
    );
    expect(routeLabel(routes, '/_next/static/chunks/abc123.js')).toBe('/_next/static');
    expect(routeLabel(routes, '/_next/image')).toBe('/_next/image');
  });

  it('puts everything else in one label, however many different paths come in', () => {
    const labels = new Set(
      ['/wp-login.php', '/%d800', '/a/b/c/d', '/../etc/passwd', '/favicon.ico'].map((p) =>
        routeLabel(routes, p),
      ),
    );
    expect([...labels]).toEqual([OTHER_ROUTE]);
    expect(routeLabel(routes, '/favicon.svg')).toBe('/favicon.svg');
  });
});

describe('readRoutes', () => {
  it("reads the build's manifest, and gives no routes (not an error) without a build", () => {
    const dir = tempDir('kopij-routes');
    expect(readRoutes(dir)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'routes-manifest.json'), JSON.stringify(manifest));
    expect(routeLabel(readRoutes(dir), '/voorkeuren/x')).toBe('/voorkeuren/[token]');
  });
});
