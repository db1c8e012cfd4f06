import {
  mailTextDefinitions,
  placeholderPattern,
  placeholders,
  type MailTextKind,
  type Placeholder,
} from './mail-texts';

// An edited text as the pieces of a mail: paragraphs (blank lines between them), a button for
// each link placeholder, a list for {themas}. Plain strings only: the mail component puts them
// in text nodes, which React escapes, so nothing an editor typed becomes markup.

export type MailTextValues = {
  newsletter: string;
  organisation: string;
  days?: number;
  links?: Partial<Record<'bevestigingslink' | 'voorkeurenlink' | 'afmeldlink', string>>;
  themes?: string[];
};

export type BodyPart =
  | { type: 'paragraph'; lines: string[] }
  | { type: 'action'; href: string; label: string }
  | { type: 'list'; lead: string; items: string[] };

function textValue(name: string, values: MailTextValues): string | undefined {
  if (name === 'nieuwsbrief') return values.newsletter;
  if (name === 'organisatie') return values.organisation;
  if (name === 'dagen' && values.days !== undefined) return String(values.days);
  return undefined;
}

/** The subject with its placeholders filled in; one it does not know stays as typed. */
export function fillSubject(subject: string, values: MailTextValues): string {
  return subject.replace(
    placeholderPattern,
    (whole, name: string) => textValue(name, values) ?? whole,
  );
}

function blockOf(
  kind: MailTextKind,
  name: Placeholder,
  values: MailTextValues,
): BodyPart | null | undefined {
  const known = placeholders[name];
  if (known.kind === 'list') {
    const items = values.themes ?? [];
    return items.length > 0
      ? { type: 'list', lead: 'U heeft gekozen voor berichten over:', items }
      : null;
  }
  if (known.kind !== 'link') return undefined;
  const href = values.links?.[name as keyof NonNullable<MailTextValues['links']>];
  const label = mailTextDefinitions[kind].buttons[name];
  return href && label ? { type: 'action', href, label } : null;
}

function paragraph(text: string): BodyPart[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line, at, all) => line !== '' || (at > 0 && at < all.length - 1));
  return lines.some((line) => line.trim() !== '') ? [{ type: 'paragraph', lines }] : [];
}

/**
 * The body of a mail of this kind with the reader's values: text placeholders filled in where
 * they stand, a link or {themas} as a block of its own (a paragraph around one is split there).
 */
export function bodyParts(kind: MailTextKind, body: string, values: MailTextValues): BodyPart[] {
  const parts: BodyPart[] = [];
  for (const block of body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    let buffer = '';
    let last = 0;
    for (const match of block.matchAll(placeholderPattern)) {
      const name = match[1]!;
      buffer += block.slice(last, match.index);
      last = match.index + match[0].length;
      const part =
        name in placeholders && mailTextDefinitions[kind].allowed.includes(name as Placeholder)
          ? blockOf(kind, name as Placeholder, values)
          : undefined;
      if (part === undefined) {
        buffer += textValue(name, values) ?? match[0];
        continue;
      }
      parts.push(...paragraph(buffer));
      buffer = '';
      if (part) parts.push(part);
    }
    parts.push(...paragraph(buffer + block.slice(last)));
  }
  return parts;
}
