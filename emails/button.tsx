import { theme } from './theme';

/**
 * A button that is a button in Outlook for Windows too: VML for Word's renderer, a padded
 * link for everyone else. Written as HTML because React cannot emit conditional comments.
 */
export function EmailButton({
  href,
  label,
  color,
}: {
  href: string;
  label: string;
  color: string;
}) {
  const safe = (value: string) =>
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
  const width = Math.min(560, Math.max(160, label.length * 10 + 48));
  const html = `<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="urn:schemas-microsoft-com:office:word" href="${safe(href)}" style="height:44px;v-text-anchor:middle;width:${width}px;" arcsize="10%" stroke="f" fillcolor="${safe(color)}"><w:anchorlock/><center style="color:#ffffff;font-family:Arial,sans-serif;font-size:16px;font-weight:bold;">${safe(label)}</center></v:roundrect><![endif]--><!--[if !mso]><!--><a href="${safe(href)}" style="display:inline-block;background-color:${safe(color)};color:#ffffff;font-family:${theme.font};font-size:16px;font-weight:bold;line-height:44px;padding:0 24px;border-radius:4px;text-decoration:none;mso-hide:all">${safe(label)}</a><!--<![endif]-->`;
  return <div style={{ margin: '4px 0 12px' }} dangerouslySetInnerHTML={{ __html: html }} />;
}
