import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: keep it out of the server bundle.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Enables forbidden()/unauthorized() so a wrong role gets a real 403 page.
    authInterrupts: true,
  },
  // The e2e suite builds into its own folder so it never clobbers a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
};

export default nextConfig;
