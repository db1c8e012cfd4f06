/**
 * The shape of a server action call's arguments as React sends them (its "reply": a JSON root
 * plus numbered parts), checked before Next decodes it. React's decoder throws on a reference to
 * a part that is not there, a malformed BigInt, a Blob that is not one, a path that leads
 * nowhere, and Next answers each of those with a 500. Our client code only ever sends plain JSON
 * values, FormData (`$K`), dates, bigints, undefined and the odd number, promises, and references
 * to parts or to objects sent before (`$1`, `$@1`, `$0:1:a`); everything else is refused here.
 * Pure: no Next, no React (lib/http/action-reply.test.ts checks it against both).
 */

/** A part of a multipart reply by its field name: its text, 'file' for an upload, undefined when absent. */
export type PartLookup = (name: string) => string | 'file' | undefined;

/** More arguments than any of our actions takes; `apply` with very many throws a RangeError. */
export const MAX_ACTION_ARGUMENTS = 64;
const MAX_DEPTH = 64;
// React's own limit: a longer bigint throws.
const MAX_BIGINT_DIGITS = 300;
// React refuses a reply that expands to over a million array slots; a part referenced N times
// counts N times, so the text followed is budgeted (a slot takes at least one character).
const MAX_FOLLOWED_TEXT = 900_000;

type Walk = {
  prefix: string;
  part: PartLookup;
  parsed: Map<string, unknown>;
  /** Parts being visited (a plain reference back to one is a cycle) and parts done. */
  open: Set<string>;
  done: Set<string>;
  followed: number;
  problem: string | null;
};

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function fail(walk: Walk, problem: string): null {
  walk.problem ??= problem;
  return null;
}

/** A part's JSON, parsed once; counted against the budget each time it is referenced. */
function partValue(walk: Walk, name: string): { value: unknown } | null {
  const text = walk.part(name);
  if (typeof text !== 'string' || text === 'file') return fail(walk, `deel ${name} ontbreekt`);
  walk.followed += text.length;
  if (walk.followed > MAX_FOLLOWED_TEXT) return fail(walk, 'te veel verwijzingen');
  if (!walk.parsed.has(name)) {
    const parsed = parseJson(text);
    if (!parsed.ok) return fail(walk, `deel ${name} is geen JSON`);
    walk.parsed.set(name, parsed.value);
  }
  return { value: walk.parsed.get(name) };
}

/** A path into a part (`$1:a:0`, what React writes for an object it sent before) must exist. */
function pathExists(value: unknown, path: string[]): boolean {
  let at = value;
  for (const step of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, step)) return false;
    at = (at as Record<string, unknown>)[step];
  }
  return true;
}

/** Follows a reference to part `hex` (React writes part numbers in hex, field names in decimal). */
function follow(walk: Walk, hex: string, path: string[], depth: number): void {
  const name = walk.prefix + String(parseInt(hex, 16));
  if (path.length === 0 && walk.open.has(name)) {
    fail(walk, `kringverwijzing naar ${name}`);
    return;
  }
  const found = partValue(walk, name);
  if (!found) return;
  if (!pathExists(found.value, path)) {
    fail(walk, `verwijzing naar ${name} leidt nergens heen`);
    return;
  }
  if (walk.open.has(name) || walk.done.has(name)) return;
  walk.open.add(name);
  visit(walk, found.value, depth + 1);
  walk.open.delete(name);
  walk.done.add(name);
}

const bigint = new RegExp(`^\\$n-?\\d{1,${MAX_BIGINT_DIGITS}}$`);

/** A string with React's `$` prefix: allowed when React decodes it without throwing. */
function visitToken(walk: Walk, token: string, depth: number): void {
  const kind = token[1];
  if (kind === '$' || kind === 'u' || kind === 'N' || kind === 'I' || kind === '-' || kind === 'D')
    return;
  if (kind === 'n') {
    if (!bigint.test(token)) fail(walk, 'ongeldig groot getal');
    return;
  }
  if (/^\$K[0-9a-f]{1,8}$/.test(token)) return;
  const promise = /^\$@([0-9a-f]{1,8})$/.exec(token);
  if (promise) return follow(walk, promise[1]!, [], depth);
  const reference = /^\$([0-9a-f]{1,8})((?::[^:]+)*)$/.exec(token);
  if (reference) return follow(walk, reference[1]!, reference[2]!.split(':').slice(1), depth);
  fail(walk, `onbekende verwijzing ${token.slice(0, 20)}`);
}

function visit(walk: Walk, value: unknown, depth: number): void {
  if (walk.problem) return;
  if (depth > MAX_DEPTH) {
    fail(walk, 'te diep genest');
    return;
  }
  if (typeof value === 'string') {
    if (value.startsWith('$')) visitToken(walk, value, depth);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) visit(walk, item, depth + 1);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '__proto__') {
        fail(walk, 'verboden sleutel __proto__');
        return;
      }
      visit(walk, item, depth + 1);
    }
  }
}

/** Checks the argument list in part `rootName`, following its references. */
function checkArguments(prefix: string, rootName: string, part: PartLookup): string | null {
  const walk: Walk = {
    prefix,
    part,
    parsed: new Map(),
    open: new Set(),
    done: new Set(),
    followed: 0,
    problem: null,
  };
  const found = partValue(walk, rootName);
  if (!found) return 'de argumenten zijn geen JSON';
  if (!Array.isArray(found.value)) return 'de argumenten zijn geen lijst';
  if (found.value.length > MAX_ACTION_ARGUMENTS) return 'te veel argumenten';
  walk.open.add(rootName);
  visit(walk, found.value, 0);
  return walk.problem;
}

/**
 * Why React could not use these arguments, or null when it can: `root` is the JSON of the
 * argument list (the whole body of a plain-text call, or part `0`), `part` finds the others.
 */
export function argumentsProblem(root: string, part: PartLookup = () => undefined): string | null {
  return checkArguments('', '0', (name) => (name === '0' ? root : part(name)));
}

/**
 * The same for a form posted without JavaScript (`$ACTION_REF_<n>`): part `$ACTION_<n>:0` names
 * the action and its bound arguments, `{"id": "…", "bound": "$@1"}` or `"bound": null`.
 */
export function boundActionProblem(prefix: string, part: PartLookup): string | null {
  const root = part(`${prefix}0`);
  if (typeof root !== 'string' || root === 'file') return 'de actie ontbreekt';
  const parsed = parseJson(root);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object')
    return 'de actie is geen JSON-object';
  const { id, bound } = parsed.value as { id?: unknown; bound?: unknown };
  if (typeof id !== 'string') return 'de actie heeft geen id';
  if (bound === null || bound === undefined) return null;
  const reference = typeof bound === 'string' ? /^\$@([0-9a-f]{1,8})$/.exec(bound) : null;
  if (!reference || parseInt(reference[1]!, 16) === 0)
    return 'de gebonden argumenten zijn geen verwijzing';
  const boundName = `${prefix}${parseInt(reference[1]!, 16)}`;
  const boundText = part(boundName);
  if (typeof boundText !== 'string' || boundText === 'file')
    return 'de gebonden argumenten ontbreken';
  // The bound list is checked like an argument list, in the same numbered parts.
  return checkArguments(prefix, boundName, part);
}
