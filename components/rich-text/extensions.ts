import { Link } from '@tiptap/extension-link';
import { StarterKit } from '@tiptap/starter-kit';
import { isAllowedHref } from './link-href';

/**
 * The one extension set behind the editor: StarterKit with everything a newsletter does not
 * render switched off, so pasted code, quotes, rules and strike-through fall back to plain
 * paragraphs and text instead of nodes the server would refuse.
 */
export function richTextExtensions(headings: boolean) {
  return [
    StarterKit.configure({
      heading: headings ? { levels: [3] } : false,
      codeBlock: false,
      code: false,
      blockquote: false,
      strike: false,
      horizontalRule: false,
      underline: false,
      link: false,
    }),
    // Not inclusive (with autolink on, TipTap makes it so): a full stop typed right after a link
    // is text, not part of the link, as readers of the mail expect.
    Link.extend({ inclusive: () => false }).configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: ['mailto'],
      // Checked on paste, autolink, setLink and render: the same rule as the link form.
      isAllowedUri: (url) => isAllowedHref(url),
      // Mail clients and the archive decide target and rel; nothing of it is stored.
      HTMLAttributes: { rel: null, target: null, class: null },
    }),
  ];
}
