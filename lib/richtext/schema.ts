import { formatCount } from '@/lib/format';
import { z } from '@/lib/validation';
import { textLength, type RichDoc } from './doc';
import { normalizeDoc, Refusal, unreadable } from './normalize';
import { toSearchText } from './plain';

export type { RichBlock, RichDoc, RichInline, RichMark } from './doc';

export type RichTextOptions = {
  /** The field as the subject of a sentence: "Een teaser" → "Een teaser mag hoogstens …". */
  label: string;
  /** Counted as `textLength` counts: the characters of the text, a line break as one. */
  maxChars: number;
  /** Text blocks and item bodies have sub-headings; a teaser is too short for one. */
  headings: boolean;
};

export const emptyDoc = (): RichDoc => ({ type: 'doc', content: [] });

/** True when a reader would see no text at all: no content, or only spaces and line breaks. */
export const isEmptyDoc = (doc: RichDoc): boolean => toSearchText(doc) === '';

/**
 * A rich-text field: the editor's `getJSON()` as an object, or as the JSON text a form posts in
 * a hidden input; nothing at all is an empty document. Gives the normalized document, or one
 * issue in Dutch that says what to change.
 */
export function richText({ label, maxChars, headings }: RichTextOptions) {
  return z.unknown().transform((value, ctx): RichDoc => {
    try {
      const doc = normalizeDoc(decode(value, label), { label, headings });
      if (textLength(doc) > maxChars) {
        throw new Refusal(`${label} mag hoogstens ${formatCount(maxChars)} tekens hebben.`);
      }
      return doc;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });
}

function decode(value: unknown, label: string): unknown {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return emptyDoc();
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw unreadable(label);
  }
}
