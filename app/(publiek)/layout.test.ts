import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The public layout reads the organisation's name from the database, which `next build` does not
// have: a page under it that Next would prerender at build time fails the build. Each page must
// be rendered per request or cached at run time only.
describe('the public pages', () => {
  it('are none of them prerendered at build time', () => {
    const root = import.meta.dirname;
    const pages = (fs.readdirSync(root, { recursive: true }) as string[]).filter(
      (file) => path.basename(file) === 'page.tsx',
    );
    expect(pages.length).toBeGreaterThan(10);
    const static_ = pages.filter((file) => {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      return !(
        /export const dynamic = 'force-dynamic'/.test(source) ||
        /export function generateStaticParams\(\)[^\n]*\n\s*return \[\];/.test(source)
      );
    });
    expect(static_).toEqual([]);
  });
});
