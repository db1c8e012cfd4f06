import { z } from '@/lib/validation';

const nestedKey = /^(item|block)\.([A-Za-z0-9_-]{1,64})\.([a-zA-Z]+)$/;

/** Form fields named `item.<id>.<field>` and `block.<id>.<field>` become `items`/`blocks: { <id>: { <field>: value } }`. */
export function nestFields(value: unknown) {
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const nested: Record<'item' | 'block', Record<string, Record<string, unknown>>> = {
    item: {},
    block: {},
  };
  for (const [key, v] of Object.entries(value)) {
    const match = nestedKey.exec(key);
    // A checkbox comes with a hidden '' before it (so unticking is sent too): the last value counts.
    if (match)
      (nested[match[1] as 'item' | 'block'][match[2]!] ??= {})[match[3]!] = Array.isArray(v)
        ? v.at(-1)
        : v;
    else out[key] = v;
  }
  for (const [name, fields] of [
    ['items', nested.item],
    ['blocks', nested.block],
  ] as const) {
    const given = out[name];
    out[name] = given && typeof given === 'object' ? { ...given, ...fields } : fields;
  }
  return out;
}

// Browsers send a textarea's line breaks as CRLF; stored text has LF, and an untouched field must not count as a change.
// A rich-text field posts its document as JSON, several times the length of its 5,000 characters.
export const formValue = z.union([
  z
    .string()
    .max(100_000, 'Deze tekst is te lang.')
    .transform((v) => v.replace(/\r\n?/g, '\n')),
  z.boolean(),
]);
