// The demo data is written by db/demo-content.ts; the seed that completes its sent issues with
// the archive's steps lives in scripts/seed.ts, because db/ must not import the archive. This
// re-export keeps `@/db/seed` working for e2e/server.ts, emails/validate.test.ts and the
// editor's action tests, which are outside this change: point them at '@/scripts/seed' and
// delete this file.
export { demoEditors, isEmpty } from './demo-content';
export { seed } from '@/scripts/seed';
