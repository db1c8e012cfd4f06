import { issueHeading } from '@/lib/newsletters/title';
import { escapeHtml } from '@/lib/html';
import type { ArchiveListItem } from './queries';

const xml = (value: string) =>
  escapeHtml(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** RSS 2.0 of sent issues; `theme` narrows it to the issues covering one theme. */
export function rssFeed(
  issues: ArchiveListItem[],
  options: { publicUrl: string; title: string; description: string; selfUrl: string },
): string {
  const items = issues.map((i) => {
    const url = `${options.publicUrl}/archief/${i.newsletterSlug}/${i.slug}`;
    const description = [i.preheader, i.themes.length ? `Thema's: ${i.themes.join(', ')}` : '']
      .filter(Boolean)
      .join(' ');
    return [
      '    <item>',
      `      <title>${xml(issueHeading(i.title, i.subject))}</title>`,
      `      <link>${xml(url)}</link>`,
      `      <guid isPermaLink="true">${xml(url)}</guid>`,
      `      <pubDate>${i.sentAt.toUTCString()}</pubDate>`,
      ...i.themes.map((t) => `      <category>${xml(t)}</category>`),
      description ? `      <description>${xml(description)}</description>` : '',
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${xml(options.title)}</title>`,
    `    <link>${xml(`${options.publicUrl}/archief`)}</link>`,
    `    <description>${xml(options.description)}</description>`,
    '    <language>nl</language>',
    `    <atom:link href="${xml(options.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...(issues[0] ? [`    <lastBuildDate>${issues[0].sentAt.toUTCString()}</lastBuildDate>`] : []),
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
