import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: keep it out of the server bundle. The bounce paths'
  // smtp-server, mailparser and imapflow stay out too: server-only Node packages, so bundling them
  // gains nothing, and their charset decoders and logger load at run time. prom-client: one
  // copy for scripts/serve.ts (which counts requests) and the /api/metrics route (which reads them).
  serverExternalPackages: [
    'better-sqlite3',
    'smtp-server',
    'mailparser',
    'imapflow',
    'prom-client',
  ],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Enables forbidden()/unauthorized() so a wrong role gets a real 403 page.
    authInterrupts: true,
    // Archive pages are cached in memory, not in the build folder: a restart (new database,
    // restored backup, a revalidation missed while the app was down) never serves a stale page.
    isrFlushToDisk: false,
    // The build cache speeds up the next `npm start` build; a CI clone builds once and is gone,
    // and writing the cache took half a minute there.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  // `npm test` type-checks the whole tree (tests and scripts too) before it builds for the e2e
  // tests; checking the app part a second time inside the build only costs time.
  typescript: { ignoreBuildErrors: process.env.KOPIJ_TYPECHECKED === '1' },
  // The e2e suite builds into its own folder so it never clobbers a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
};

export default nextConfig;
