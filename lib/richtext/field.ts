import { z } from '@/lib/validation';
import { fromPlainText } from './plain';
import { richText, type RichTextOptions } from './schema';

/**
 * A rich-text field that also reads plain text: what was stored before rich text (a teaser, a
 * text block, an issue snapshot) and what a form without the editor posts. A document always
 * arrives as an object or as JSON text starting with "{"; anything else is plain text, converted
 * without loss (lib/richtext/plain.ts).
 */
export function richField(options: RichTextOptions) {
  return z.preprocess(
    (value) =>
      typeof value === 'string' && !value.trimStart().startsWith('{')
        ? fromPlainText(value, { headings: options.headings })
        : value,
    richText(options),
  );
}
