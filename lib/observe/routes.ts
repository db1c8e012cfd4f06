import fs from 'node:fs';
import path from 'node:path';

// A request's route for metrics and the access log: the app's route pattern
// ("/archief/[nieuwsbrief]/[nummer]"), never the raw path. Raw paths carry tokens and would give
// Prometheus one series per subscriber and per typo. The patterns and their regexes come from
// the build's routes manifest, so a new page is labelled without anyone keeping a list.

type Route = { page: string; regex: RegExp };

/** What Next writes to <distDir>/routes-manifest.json (the parts used here). */
type Manifest = {
  staticRoutes?: { page: string; regex: string }[];
  dynamicRoutes?: { page: string; regex: string }[];
};

/** A path that is none of the app's routes (a 404, a scanner's probe). */
export const OTHER_ROUTE = '(overig)';

export function routesFromManifest(manifest: Manifest): Route[] {
  // Static first: "/redactie/items/nieuw" is itself, not "/redactie/items/[id]". Next lists the
  // dynamic routes most specific first.
  return [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((r) => ({
    page: r.page,
    regex: new RegExp(r.regex),
  }));
}

export function readRoutes(distDir: string): Route[] {
  try {
    const file = path.join(distDir, 'routes-manifest.json');
    return routesFromManifest(JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest);
  } catch {
    // No build (unit tests, `next dev` before its first request): only the fixed labels below.
    return [];
  }
}

/** Labels a raw request path (without query string) with a bounded set of values. */
export function routeLabel(routes: Route[], rawPath: string): string {
  if (rawPath.startsWith('/_next/static/')) return '/_next/static';
  if (rawPath.startsWith('/_next/image')) return '/_next/image';
  if (rawPath.startsWith('/_next/')) return '/_next';
  // Client navigations fetch the same route as React Server Component data.
  const pathname = rawPath.replace(/\.segments\/.*$/, '').replace(/\.rsc$/, '') || '/';
  for (const route of routes) if (route.regex.test(pathname)) return route.page;
  if (/^\/[\w-]+\.(svg|ico|png|txt|xml|webmanifest)$/.test(pathname) && publicFile(pathname))
    return pathname;
  return OTHER_ROUTE;
}

const publicFiles = new Set<string>();
let publicRead = false;

/** Files in public/ keep their own name as label: there are few, and only these exist. */
function publicFile(pathname: string): boolean {
  if (!publicRead) {
    publicRead = true;
    try {
      for (const f of fs.readdirSync(path.join(process.cwd(), 'public'))) publicFiles.add(`/${f}`);
    } catch {
      // no public folder
    }
  }
  return publicFiles.has(pathname);
}
