import type { ReactElement } from 'react';
import { render } from 'react-email';

export type RenderedMail = { subject: string; html: string; text: string };

/**
 * A system mail as HTML and plain text, both from the one component. Headings keep their case
 * in the text (html-to-text shouts them by default), and long links are not wrapped, so a link
 * in the text part stays one piece that a mail client (or a test) can follow.
 */
export async function renderMail(subject: string, element: ReactElement): Promise<RenderedMail> {
  const [html, text] = await Promise.all([
    render(element),
    render(element, {
      plainText: true,
      htmlToTextOptions: {
        wordwrap: false,
        selectors: ['h1', 'h2', 'h3'].map((selector) => ({
          selector,
          options: { uppercase: false },
        })),
      },
    }),
  ]);
  return { subject, html, text: `${text.trim()}\n` };
}
