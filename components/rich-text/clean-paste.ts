/**
 * Clipboard HTML from Word and web pages carries more than the text: conditional comments,
 * Office XML, style sheets, scripts. ProseMirror's schema already drops every element and
 * attribute it does not know, but it keeps their text: the fallback bullets Word puts in
 * `<![if !supportLists]>`, the `&nbsp;` in `<o:p>`, the rules of a `<style>` it cannot close.
 * This removes those before parsing. It is a clean-up, not a sanitizer: the schema, the link
 * check and the server validator are what keep a document safe.
 */

// Elements whose content is code or metadata, never text for a reader.
const WITH_CONTENT = 'head|title|style|script|xml|template|noscript|svg|iframe|object';

// One pattern, so that whichever construct starts first wins, as in an HTML parser: a comment
// inside a <style> goes with the style, a "<script>" inside a comment goes with the comment.
const SPANS = new RegExp(
  [
    // Downlevel-hidden: <!--[if gte mso 9]><xml>…</xml><![endif]-->.
    String.raw`<!--\[if[^\]]*\]>[\s\S]*?<!\[endif\]-->`,
    // Downlevel-revealed, in both spellings Word uses. What it reveals is a fallback for other
    // programs (the "·" before each list item, an extra <br>, a VML image), so it goes too.
    String.raw`<!--\[if[^\]]*\]-->[\s\S]*?<!--\[endif\]-->`,
    String.raw`<!\[if[^\]]*\]>[\s\S]*?<!\[endif\]>`,
    String.raw`<!--[\s\S]*?(?:-->|$)`,
    String.raw`<(${WITH_CONTENT})(?=[\s/>])[^>]*>[\s\S]*?(?:<\/\1\s*>|$)`,
    // Word's empty-paragraph filler: <o:p>&nbsp;</o:p>.
    String.raw`<o:p\s*>[^<]*<\/o:p\s*>`,
  ].join('|'),
  'gi',
);

const TAGS_ONLY = [
  /<(?:meta|link|base)(?=[\s/>])[^>]*>/gi,
  // Other Office namespaces (<st1:place>, <w:sdt>, <v:shape>, a lone <o:p/>): the tag goes,
  // its text stays.
  /<\/?[a-z][\w-]*:[\w-]+(?=[\s/>])[^>]*>/gi,
];

// A start tag, reading quoted values whole so that a ">" inside one does not end it.
const START_TAG = /<[a-z](?:"[^"]*"|'[^']*'|[^'">])*>/gi;
// Inside a tag: an event handler (after a space, a "/" or a closing quote, as browsers read
// it) or any other attribute value, taken whole so that "onderwerp=1" inside an href is never
// mistaken for one.
const HANDLER_OR_VALUE =
  /[\s/]*(?<=[\s/"'])on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)|=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;

function withoutHandlers(tag: string): string {
  return tag.replace(HANDLER_OR_VALUE, (match) => (match.startsWith('=') ? match : ''));
}

export function cleanPastedHtml(html: string): string {
  const cleaned = TAGS_ONLY.reduce(
    (text, pattern) => text.replace(pattern, ''),
    html.replace(SPANS, ''),
  );
  return cleaned.replace(START_TAG, withoutHandlers);
}
