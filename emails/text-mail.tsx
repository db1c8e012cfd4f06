import { Fragment } from 'react';
import type { BodyPart } from '@/lib/newsletters/mail-text-body';
import { Action, Paragraph, SystemLayout, type SystemBrand } from './system-layout';
import { text } from './theme';

/**
 * A system mail whose body an admin wrote (lib/newsletters/mail-texts.ts): the usual frame
 * around the parts of that text. Every string lands in a text node, so React escapes it.
 */
export function TextMail({
  brand,
  title,
  preheader,
  footer,
  parts,
}: {
  brand: SystemBrand;
  title: string;
  preheader: string;
  footer: string;
  parts: BodyPart[];
}) {
  return (
    <SystemLayout brand={brand} title={title} preheader={preheader} footer={footer}>
      {parts.map((part, at) => {
        if (part.type === 'action')
          return <Action key={at} href={part.href} label={part.label} color={brand.color} />;
        if (part.type === 'list')
          return (
            <Fragment key={at}>
              <Paragraph>{part.lead}</Paragraph>
              <ul style={{ ...text, paddingLeft: '24px' }}>
                {part.items.map((item, n) => (
                  <li key={n} style={{ margin: '0 0 4px' }}>
                    {item}
                  </li>
                ))}
              </ul>
            </Fragment>
          );
        return (
          <Paragraph key={at}>
            {part.lines.flatMap((line, n) => (n === 0 ? [line] : [<br key={n} />, line]))}
          </Paragraph>
        );
      })}
    </SystemLayout>
  );
}
