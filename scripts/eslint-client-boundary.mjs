// ESLint rule: a 'use client' module may not reach db/ or a server-only module, directly or
// through the modules it imports. Type-only imports are erased by the compiler and allowed.
// Server actions ('use server') are allowed: the client gets references, not their code.
// Transitive on purpose: the leak that put drizzle in a 60 KB client chunk came through a
// shared lib module, not through a direct import.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const importPattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const extensions = ['.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];
const cache = new Map();

function resolve(from, specifier) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package: server-only is checked by name below
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of extensions) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

/** The first chain of imports from `file` that ends in db/ or server-only, or null. */
function serverChain(file, seen = new Set()) {
  if (cache.has(file)) return cache.get(file);
  if (seen.has(file)) return null;
  seen.add(file);
  let found = null;
  const source = fs.readFileSync(file, 'utf8');
  // A 'use server' module reaches the client as references to its actions, not as code.
  if (/^\s*['"]use server['"]/.test(source)) return null;
  for (const [, specifier] of source.matchAll(importPattern)) {
    if (specifier === 'server-only') found = [specifier];
    const target = found ? null : resolve(file, specifier);
    if (target && path.relative(root, target).startsWith(`db${path.sep}`)) found = [specifier];
    else if (target) {
      const rest = serverChain(target, seen);
      if (rest) found = [specifier, ...rest];
    }
    if (found) break;
  }
  cache.set(file, found);
  return found;
}

export const clientBoundary = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      Program(program) {
        const first = program.body[0];
        if (first?.directive !== 'use client') return;
        cache.clear();
        const chain = serverChain(context.filename);
        if (chain) {
          context.report({
            node: first,
            message: `A client module reaches server code: ${chain.join(' -> ')}. Import shared values from a module without db/ or server-only (lib/enums.ts).`,
          });
        }
      },
    };
  },
};
